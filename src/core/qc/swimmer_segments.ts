// QC of src/sql/analysis/swimmer_segments.sql: the treatment segments of each lane, start and end in ADaM relative
// days; consolidation chemotherapy is not a segment kind.
import type {QcCohort} from "./lib/cohort.js";
import {studyDay} from "./lib/days.js";
import type {Subject} from "./lib/subjects.js";
import {where, type QcOutput, type QcRows} from "./lib/tables.js";

export const ids = ["swimmer.segments"];

const SEGMENTS: {kind: string; TRTCAT: string; TRTPHASE?: string}[] = [
  {kind: "induction", TRTCAT: "CHEMOTHERAPY", TRTPHASE: "INDUCTION"},
  {kind: "crt", TRTCAT: "RADIOTHERAPY", TRTPHASE: "CONCURRENT"},
  {kind: "surgery", TRTCAT: "PRIMARY_SURGERY"},
  {kind: "liver_rfa", TRTCAT: "LIVER_RFA"},
  {kind: "liver_resection", TRTCAT: "LIVER_RESECTION"},
  {kind: "adjuvant", TRTCAT: "CHEMOTHERAPY", TRTPHASE: "ADJUVANT"},
];

export const stats = (): QcOutput => ({"swimmer.segments": {}});

export function rows(cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  const day1 = new Map(subjects.map((s) => [s.USUBJID, s.TRTSDT]));
  const segments = SEGMENTS.flatMap(({kind, TRTCAT, TRTPHASE}) =>
    (where(cohort.treatments, (d) => d.TRTCAT === TRTCAT && (TRTPHASE === undefined || d.TRTPHASE === TRTPHASE))
      .objects() as {USUBJID: number; STDT: number; ENDT: number}[])
      .map((t) => ({
        USUBJID: t.USUBJID, kind,
        start_day: studyDay(day1.get(t.USUBJID)!, t.STDT), end_day: studyDay(day1.get(t.USUBJID)!, t.ENDT),
      })),
  );
  return {"swimmer.segments": {key: ["USUBJID", "kind", "start_day"], rows: segments}};
}
