// QC of src/sql/analysis/pathology.sql: of the patients whose primary was resected, the resection margin (R0, R1)
// and a pathological complete response of the primary (ypT0).
import type {QcCohort} from "./lib/cohort.js";
import {nPct, patientsIn, where, type QcOutput} from "./lib/tables.js";

export const ids = ["table1.resection.r0", "table1.resection.r1", "response.ypt0"];

export function stats({treatments}: QcCohort): QcOutput {
  const surgery = where(treatments, (d) => d.TRTCAT === "PRIMARY_SURGERY");
  const operated = patientsIn(surgery).length;
  const among = (predicate: (d: Record<string, any>) => boolean) => nPct(patientsIn(where(surgery, predicate)), operated);
  return {
    "table1.resection.r0": among((d) => d.MARGIN === "R0"),
    "table1.resection.r1": among((d) => d.MARGIN === "R1"),
    "response.ypt0": among((d) => d.YPT === "ypT0"),
  };
}
