// QC of safety (CTCAE v4.0): patients with ≥ 1 grade 3–4 adverse event (and the number of such
// events); patients whose chemotherapy dose was reduced (AEACN = DOSE REDUCED) or who stopped it
// (AEACN = DRUG WITHDRAWN) because of an adverse event.
import {nPct, patientsIn, where, type QcOutput} from "./common.js";
import type {QcCohort} from "./read.js";

export function qcSafety({patients, adverse_events}: QcCohort): QcOutput {
  const all = patients.numRows();
  const severe = where(adverse_events, (d) => d.AETOXGR === 3 || d.AETOXGR === 4);
  const withAction = (action: string) => nPct(patientsIn(where(adverse_events, (d) => d.AEACN === action)), all);
  return {
    "safety.grade34": {...nPct(patientsIn(severe), all), events: severe.numRows()},
    "safety.dose_reduction": withAction("DOSE REDUCED"),
    "safety.discontinuation": withAction("DRUG WITHDRAWN"),
  };
}
