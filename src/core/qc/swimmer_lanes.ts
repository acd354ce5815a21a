// QC of src/sql/analysis/swimmer_lanes.sql: one lane per patient, from Day 1 to the end of follow-up (death or last
// contact) in ADaM relative days, with the patient's morphology, BOR and whether alive at the end.
import type {QcCohort} from "./lib/cohort.js";
import {studyDay} from "./lib/days.js";
import type {Subject} from "./lib/subjects.js";
import type {QcOutput, QcRows} from "./lib/tables.js";

export const ids = ["swimmer.lanes"];

export const stats = (): QcOutput => ({"swimmer.lanes": {}});

export function rows(_cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  return {
    "swimmer.lanes": {
      key: ["USUBJID"],
      rows: subjects.map((s) => ({
        USUBJID: s.USUBJID, MORPH: s.MORPH, BOR: s.BOR,
        followup_days: studyDay(s.TRTSDT, s.LSTALVDT), alive: s.DTHDT === null,
      })),
    },
  };
}
