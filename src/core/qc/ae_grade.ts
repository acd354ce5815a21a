// QC of src/sql/analysis/ae_grade.sql (CTCAE v4.0), the any-grade table: per preferred term (and for any event) the
// patients at their worst grade of it, grade 1–5 and any grade, n (%) of all patients with the exact 95% CI. The
// result's stats are the "any event, any grade" cell.
import type {QcCohort} from "./lib/cohort.js";
import {nPctCi, type QcOutput, type QcRows, type Stats, type Table} from "./lib/tables.js";

export const ids = ["safety.ae_by_grade"];

const GRADES = ["1", "2", "3", "4", "5", "Any"];

/** Every term (null: any event) × grade, each patient counted once per term, at their worst grade of it. */
function cells(events: Table, all: number): {AEDECOD: string | null; grade: string; stats: Stats}[] {
  const records = events.objects() as {USUBJID: number; AEDECOD: string; AETOXGR: number}[];
  const terms: (string | null)[] = [null, ...new Set(records.map((e) => e.AEDECOD))];
  return terms.flatMap((term) => {
    const worst = new Map<number, number>();
    for (const e of records) {
      if (term === null || e.AEDECOD === term) worst.set(e.USUBJID, Math.max(worst.get(e.USUBJID) ?? 0, e.AETOXGR));
    }
    return GRADES.map((grade) => ({
      AEDECOD: term, grade,
      stats: nPctCi([...worst].filter(([, g]) => grade === "Any" || String(g) === grade).map(([id]) => id), all),
    }));
  });
}

export function stats({patients, adverse_events}: QcCohort): QcOutput {
  const anyEvent = cells(adverse_events, patients.numRows()).find((c) => c.AEDECOD === null && c.grade === "Any")!;
  return {"safety.ae_by_grade": anyEvent.stats};
}

export function rows({patients, adverse_events}: QcCohort): Record<string, QcRows> {
  return {
    "safety.ae_by_grade": {
      key: ["AEDECOD", "grade"],
      rows: cells(adverse_events, patients.numRows()).map(({AEDECOD, grade, stats}) => ({AEDECOD, grade, ...stats})),
    },
  };
}
