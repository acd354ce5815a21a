// QC of the tables behind results (`rows`): the Kaplan–Meier tables, the waterfall, the adverse event
// tables (src/core/qc/safety.ts), and the swimmer lanes, segments and markers. Each table has
// key fields that identify a row; the other fields are compared (compare.ts, compareRows).
// Study days in rows are ADaM relative days: date − Day 1 + 1 on or after Day 1, date − Day 1 before.
import {kaplanMeier, type SurvivalRecord} from "../stats/km.js";
import {firstCompleteResponseDate, firstResponseDate} from "./bor.js";
import {where, type QcOutput} from "./common.js";
import {months} from "./days.js";
import type {QcCohort} from "./read.js";
import {bestPercentChange, bestResponses} from "./response.js";
import {qcSafetyRows} from "./safety.js";
import type {Subject} from "./subjects.js";
import {survivalRecords} from "./tte.js";

export type RowValue = number | string | boolean | null | (number | string)[];
export type Row = Record<string, RowValue>;

export interface QcRows {
  key: string[];
  rows: Row[];
}

/** Results that carry rows only: nothing in `stats` to compare (their rows are checked below). */
export const ROW_ONLY_IDS = ["response.waterfall", "swimmer.lanes", "swimmer.segments", "swimmer.markers"];

export function qcRowOnlyStats(): QcOutput {
  return Object.fromEntries(ROW_ONLY_IDS.map((id) => [id, {}]));
}

const studyDay = (day1: number, date: number): number => (date >= day1 ? date - day1 + 1 : date - day1);

function kmRows(records: readonly SurvivalRecord[]): QcRows {
  return {
    key: ["time_days"],
    rows: kaplanMeier(records).map((r) => ({...r, time: months(r.time_days)})),
  };
}

/** Treatment segments of the swimmer plot; consolidation chemotherapy is not a segment kind. */
const SEGMENTS: {kind: string; TRTCAT: string; TRTPHASE?: string}[] = [
  {kind: "induction", TRTCAT: "CHEMOTHERAPY", TRTPHASE: "INDUCTION"},
  {kind: "crt", TRTCAT: "RADIOTHERAPY", TRTPHASE: "CONCURRENT"},
  {kind: "surgery", TRTCAT: "PRIMARY_SURGERY"},
  {kind: "liver_rfa", TRTCAT: "LIVER_RFA"},
  {kind: "liver_resection", TRTCAT: "LIVER_RESECTION"},
  {kind: "adjuvant", TRTCAT: "CHEMOTHERAPY", TRTPHASE: "ADJUVANT"},
];

function segments(cohort: QcCohort, subjects: readonly Subject[]): Row[] {
  const day1 = new Map(subjects.map((s) => [s.USUBJID, s.TRTSDT]));
  return SEGMENTS.flatMap(({kind, TRTCAT, TRTPHASE}) =>
    (where(cohort.treatments, (d) => d.TRTCAT === TRTCAT && (TRTPHASE === undefined || d.TRTPHASE === TRTPHASE))
      .objects() as {USUBJID: number; STDT: number; ENDT: number}[])
      .map((t) => ({
        USUBJID: t.USUBJID, kind,
        start_day: studyDay(day1.get(t.USUBJID)!, t.STDT), end_day: studyDay(day1.get(t.USUBJID)!, t.ENDT),
      })),
  );
}

/** The site(s) of a patient's first progression event, in code order ("DISTANT, LOCOREGIONAL"); null without one. */
function firstProgressionSites(s: Subject): string | null {
  if (s.progressions.length === 0) return null;
  const first = Math.min(...s.progressions.map((p) => p.date));
  return [...new Set(s.progressions.filter((p) => p.date === first).map((p) => p.site))].sort().join(", ");
}

/** Markers: first documented CR/PR (labelled with it), a later first CR, progression by site, death. Progression and
 * death labels are not specified in docs/results.md, so they are not part of the QC rows. */
function markers(subjects: readonly Subject[]): Row[] {
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

export function qcRowTables(cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  const {os, pfs, dor} = survivalRecords(subjects);
  const bor = bestResponses(subjects);
  const waterfall = subjects.flatMap((s) => {
    const PCHG = bestPercentChange(s);
    const BOR = bor.get(s.USUBJID)!;
    return PCHG === null ? [] : [{USUBJID: s.USUBJID, MORPH: s.MORPH, BOR, PCHG, PDSITE: BOR === "PD" ? firstProgressionSites(s) : null}];
  });
  return {
    "tte.os": kmRows(os),
    "tte.pfs": kmRows(pfs),
    "tte.dor": kmRows(dor),
    "response.waterfall": {key: ["USUBJID"], rows: waterfall},
    ...qcSafetyRows(cohort),
    "swimmer.lanes": {
      key: ["USUBJID"],
      rows: subjects.map((s) => ({
        USUBJID: s.USUBJID, MORPH: s.MORPH, BOR: bor.get(s.USUBJID)!,
        followup_days: studyDay(s.TRTSDT, s.LSTALVDT), alive: s.DTHDT === null,
      })),
    },
    "swimmer.segments": {key: ["USUBJID", "kind", "start_day"], rows: segments(cohort, subjects)},
    // Several progression records of one site on one day are one marker.
    "swimmer.markers": {key: ["USUBJID", "kind", "day"], rows: markers(subjects)},
  };
}
