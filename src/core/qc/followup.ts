// QC of src/sql/analysis/followup.sql: follow-up from Day 1 to the last contact or death (the OS times of
// lib/survival.ts): the simple median and range, and the median by the reverse Kaplan–Meier method (death censors
// follow-up, being alive at the last contact ends it).
import {reverseKaplanMeier} from "../stats/km.js";
import {max, median, min} from "../stats/summary.js";
import type {QcCohort} from "./lib/cohort.js";
import type {Subject} from "./lib/subjects.js";
import {kmMedianStats, observedMonths, survivalRecords} from "./lib/survival.js";
import type {QcOutput} from "./lib/tables.js";

export const ids = ["tte.followup"];

export function stats(_cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const {os} = survivalRecords(subjects);
  const followup = observedMonths(os);
  return {
    "tte.followup": {
      median: median(followup), min: min(followup), max: max(followup), n: os.length,
      ...kmMedianStats(reverseKaplanMeier(os)),
    },
  };
}
