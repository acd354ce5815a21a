// QC of safety (CTCAE v4.0), n (%) of all patients with the exact Clopper–Pearson 95% CI: patients with ≥ 1 grade
// 3–4 adverse event (and the number of such events); patients whose chemotherapy dose was reduced (AEACN = DOSE
// REDUCED) or who stopped it (AEACN = DRUG WITHDRAWN) because of an adverse event, and the events behind each; the
// any-grade table: per preferred term (and for any event) the patients at their worst grade of it, grade by grade.
import * as aq from "arquero";
import {clopperPearson} from "../stats/binomial.js";
import {nPct, patientsIn, where, type QcOutput, type Stats} from "./common.js";
import type {QcCohort, Table} from "./read.js";
import type {QcRows, Row} from "./rows.js";

/** n (%) of `ids` among `denominator` patients, with the exact 95% CI in %. */
function withCi(ids: readonly number[], denominator: number): Stats {
  const {n, pct} = nPct(ids, denominator);
  const ci = clopperPearson(n as number, denominator);
  return {n, pct, ci_low: 100 * ci.low, ci_high: 100 * ci.high};
}

const severe = (events: Table) => where(events, (d) => d.AETOXGR === 3 || d.AETOXGR === 4);
const withAction = (events: Table, action: string) => where(events, (d) => d.AEACN === action);

export function qcSafety({patients, adverse_events}: QcCohort): QcOutput {
  const all = patients.numRows();
  const anyEvent = aeCells(adverse_events, all).find((c) => c.AEDECOD === null && c.grade === "Any")!.stats;
  return {
    "safety.grade34": {...withCi(patientsIn(severe(adverse_events)), all), events: severe(adverse_events).numRows()},
    "safety.dose_reduction": withCi(patientsIn(withAction(adverse_events, "DOSE REDUCED")), all),
    "safety.discontinuation": withCi(patientsIn(withAction(adverse_events, "DRUG WITHDRAWN")), all),
    "safety.ae_by_grade": anyEvent,
  };
}

/** Events by preferred term: worst grade, patients (and which) and events. */
function byTerm(events: Table): Row[] {
  return events
    .groupby("AEDECOD")
    .rollup({AETOXGR: aq.op.max("AETOXGR"), n_patients: aq.op.distinct("USUBJID"), n_events: aq.op.count(),
      patient_ids: aq.op.array_agg_distinct("USUBJID")})
    .objects() as Row[];
}

/** Any-grade table: every term (null: any event) × grade 1–5 and "Any", each patient at their worst grade of it. */
function aeCells(events: Table, all: number): {AEDECOD: string | null; grade: string; stats: Stats}[] {
  const records = events.objects() as {USUBJID: number; AEDECOD: string; AETOXGR: number}[];
  const terms: (string | null)[] = [null, ...new Set(records.map((e) => e.AEDECOD))];
  return terms.flatMap((term) => {
    const worst = new Map<number, number>();
    for (const e of records) {
      if (term === null || e.AEDECOD === term) worst.set(e.USUBJID, Math.max(worst.get(e.USUBJID) ?? 0, e.AETOXGR));
    }
    return ["1", "2", "3", "4", "5", "Any"].map((grade) => ({
      AEDECOD: term, grade,
      stats: withCi([...worst].filter(([, g]) => grade === "Any" || String(g) === grade).map(([id]) => id), all),
    }));
  });
}

/** The tables behind the safety results. */
export function qcSafetyRows({patients, adverse_events}: QcCohort): Record<string, QcRows> {
  const key = ["AEDECOD"];
  return {
    "safety.grade34": {key, rows: byTerm(severe(adverse_events))},
    "safety.dose_reduction": {key, rows: byTerm(withAction(adverse_events, "DOSE REDUCED"))},
    "safety.discontinuation": {key, rows: byTerm(withAction(adverse_events, "DRUG WITHDRAWN"))},
    "safety.ae_by_grade": {
      key: ["AEDECOD", "grade"],
      rows: aeCells(adverse_events, patients.numRows()).map(({AEDECOD, grade, stats}) => ({AEDECOD, grade, ...stats})),
    },
  };
}
