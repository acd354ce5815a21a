// QC of src/sql/analysis/safety.sql (CTCAE v4.0), n (%) of all patients with the exact Clopper–Pearson 95% CI:
// patients with ≥ 1 grade 3–4 adverse event (and the number of such events); patients whose chemotherapy dose was
// reduced (AEACN = DOSE REDUCED) or who stopped it (AEACN = DRUG WITHDRAWN) because of an adverse event; behind
// each, the events by preferred term.
import * as aq from "arquero";
import type {QcCohort} from "./lib/cohort.js";
import {nPctCi, patientsIn, where, type QcOutput, type QcRow, type QcRows, type Table} from "./lib/tables.js";

export const ids = ["safety.grade34", "safety.dose_reduction", "safety.discontinuation"];

const severe = (events: Table) => where(events, (d) => d.AETOXGR === 3 || d.AETOXGR === 4);
const withAction = (events: Table, action: string) => where(events, (d) => d.AEACN === action);

export function stats({patients, adverse_events}: QcCohort): QcOutput {
  const all = patients.numRows();
  return {
    "safety.grade34": {...nPctCi(patientsIn(severe(adverse_events)), all), events: severe(adverse_events).numRows()},
    "safety.dose_reduction": nPctCi(patientsIn(withAction(adverse_events, "DOSE REDUCED")), all),
    "safety.discontinuation": nPctCi(patientsIn(withAction(adverse_events, "DRUG WITHDRAWN")), all),
  };
}

/** Events by preferred term: worst grade, patients (and which) and events. */
function byTerm(events: Table): QcRows {
  const rows = events
    .groupby("AEDECOD")
    .rollup({AETOXGR: aq.op.max("AETOXGR"), n_patients: aq.op.distinct("USUBJID"), n_events: aq.op.count(),
      patient_ids: aq.op.array_agg_distinct("USUBJID")})
    .objects() as QcRow[];
  return {key: ["AEDECOD"], rows};
}

export function rows({adverse_events}: QcCohort): Record<string, QcRows> {
  return {
    "safety.grade34": byTerm(severe(adverse_events)),
    "safety.dose_reduction": byTerm(withAction(adverse_events, "DOSE REDUCED")),
    "safety.discontinuation": byTerm(withAction(adverse_events, "DRUG WITHDRAWN")),
  };
}
