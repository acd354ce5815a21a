// QC of src/sql/analysis/km.sql: overall survival, progression-free survival and duration of response (records:
// lib/survival.ts): n, events, the simple median and range of the observed times, the Kaplan–Meier median with its
// 95% CI, and the Kaplan–Meier table behind each.
import type {QcCohort} from "./lib/cohort.js";
import type {Subject} from "./lib/subjects.js";
import {kmTable, survivalRecords, survivalStats} from "./lib/survival.js";
import type {QcOutput, QcRows} from "./lib/tables.js";

export const ids = ["tte.os", "tte.pfs", "tte.dor"];

export function stats(_cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const {os, pfs, dor} = survivalRecords(subjects);
  return {"tte.os": survivalStats(os), "tte.pfs": survivalStats(pfs), "tte.dor": survivalStats(dor)};
}

export function rows(_cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  const {os, pfs, dor} = survivalRecords(subjects);
  return {"tte.os": kmTable(os), "tte.pfs": kmTable(pfs), "tte.dor": kmTable(dor)};
}
