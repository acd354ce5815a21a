// QC of src/sql/analysis/swimmer_markers.sql: the events on each lane in ADaM relative days: the first documented
// response (CR or PR), a later first CR, each progression by site, and death.
import type {QcCohort} from "./lib/cohort.js";
import {studyDay} from "./lib/days.js";
import {firstCompleteResponseDate, firstResponseDate} from "./lib/recist.js";
import type {Subject} from "./lib/subjects.js";
import type {QcOutput, QcRow, QcRows} from "./lib/tables.js";

export const ids = ["swimmer.markers"];

export const stats = (): QcOutput => ({"swimmer.markers": {}});

/** Markers: first documented CR/PR (labelled with it), a later first CR, progression by site, death. Progression and
 * death labels are not specified in docs/results.md, so they are not part of the QC rows. */
function markers(subjects: readonly Subject[]): QcRow[] {
  return subjects.flatMap((s) => {
    const response = firstResponseDate(s.responses);
    const complete = firstCompleteResponseDate(s.responses);
    return [
      ...(response === null
        ? []
        : [{USUBJID: s.USUBJID, kind: "response", day: studyDay(s.TRTSDT, response),
            label: s.responses.find((a) => a.date === response)!.response}]),
      // A CR reached after a first PR: its own marker (a first response of CR is the response marker).
      ...(complete === null || complete === response
        ? []
        : [{USUBJID: s.USUBJID, kind: "complete_response", day: studyDay(s.TRTSDT, complete), label: "CR"}]),
      ...s.progressions.map((p) => ({
        USUBJID: s.USUBJID, kind: `progression_${p.site.toLowerCase()}`, day: studyDay(s.TRTSDT, p.date),
      })),
      ...(s.DTHDT === null ? [] : [{USUBJID: s.USUBJID, kind: "death", day: studyDay(s.TRTSDT, s.DTHDT)}]),
    ];
  });
}

export function rows(_cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  // Several progression records of one site on one day are one marker.
  return {"swimmer.markers": {key: ["USUBJID", "kind", "day"], rows: markers(subjects)}};
}
