// QC of src/sql/analysis/lrtc.sql, local–regional tumour control (LRTC): no locoregional failure recorded at
// progression or by the last follow-up (data cut-off), i.e. no PROGRESSION event with PROGSITE = LOCOREGIONAL.
import type {QcCohort} from "./lib/cohort.js";
import {nPct, patientsIn, where, type QcOutput} from "./lib/tables.js";

export const ids = ["control.lrtc"];

export function stats({patients, events}: QcCohort): QcOutput {
  const failed = new Set(patientsIn(where(events, (d) => d.EVENT === "PROGRESSION" && d.PROGSITE === "LOCOREGIONAL")));
  const controlled = patientsIn(where(patients, (d) => !failed.has(d.USUBJID)));
  return {"control.lrtc": nPct(controlled, patients.numRows())};
}
