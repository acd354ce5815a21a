// QC of local–regional tumour control (LRTC): no locoregional failure recorded at progression or
// by the last follow-up (data cut-off), i.e. no PROGRESSION event with PROGSITE = LOCOREGIONAL.
import {nPct, patientsIn, where, type QcOutput} from "./common.js";
import type {QcCohort} from "./read.js";

export function qcControl({patients, events}: QcCohort): QcOutput {
  const failed = new Set(patientsIn(where(events, (d) => d.EVENT === "PROGRESSION" && d.PROGSITE === "LOCOREGIONAL")));
  const controlled = patientsIn(where(patients, (d) => !failed.has(d.USUBJID)));
  return {"control.lrtc": nPct(controlled, patients.numRows())};
}
