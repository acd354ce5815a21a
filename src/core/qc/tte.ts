// QC of time-to-event results (AVAL = event or censoring date − start + 1 days; months = days/(365.25/12)):
// - follow-up: Day 1 → last contact or death; simple median/range, and the reverse-KM median.
// - OS: Day 1 → death (event) or last contact (censored).
// - PFS: Day 1 → first progression or death, whichever first (event); otherwise censored at the
//   last adequate assessment (last response other than NE), or at Day 1 without one.
// - DoR, confirmed responders: first CR/PR → progression or death (event); otherwise censored at
//   the last adequate assessment.
// All records are as of the data cut-off (read.ts).
import {kaplanMeier, kmMedian, reverseKaplanMeier, type KmRow, type SurvivalRecord} from "../stats/km.js";
import {max, median, min} from "../stats/summary.js";
import {firstResponseDate} from "./bor.js";
import type {QcOutput, Stats} from "./common.js";
import {aval, months, monthsOrNull} from "./days.js";
import type {QcCohort} from "./read.js";
import {bestResponses} from "./response.js";
import type {Subject} from "./subjects.js";

/** Event time, or the censoring time (last adequate assessment, else `fallback`). */
function eventOrCensor(s: Subject, fallback: number): {date: number; event: boolean} {
  const eventDate = [s.PROGDT, s.DTHDT].filter((d): d is number => d !== null);
  if (eventDate.length > 0) return {date: Math.min(...eventDate), event: true};
  const adequate = s.responses
    .filter((a) => a.response !== "NE")
    .map((a) => a.date);
  return {date: Math.max(fallback, ...adequate), event: false};
}

function observedMonths(records: readonly SurvivalRecord[]): number[] {
  return records.map((r) => months(r.time));
}

function kmStats(rows: readonly KmRow[]): Stats {
  const m = kmMedian(rows);
  return {km_median: monthsOrNull(m.estimate), km_ci_low: monthsOrNull(m.ci_low), km_ci_high: monthsOrNull(m.ci_high)};
}

function survivalStats(records: readonly SurvivalRecord[]): Stats {
  const times = observedMonths(records);
  return {
    median: median(times), min: min(times), max: max(times), n: records.length,
    events: records.filter((r) => r.event).length,
    ...kmStats(kaplanMeier(records)),
  };
}

export function survivalRecords(subjects: readonly Subject[]) {
  const os = subjects.map((s) => ({id: s.USUBJID, time: aval(s.TRTSDT, s.LSTALVDT), event: s.DTHDT !== null}));
  const pfs = subjects.map((s) => {
    const end = eventOrCensor(s, s.TRTSDT);
    return {id: s.USUBJID, time: aval(s.TRTSDT, end.date), event: end.event};
  });
  const bor = bestResponses(subjects);
  const dor = subjects
    .filter((s) => bor.get(s.USUBJID) === "CR" || bor.get(s.USUBJID) === "PR")
    .map((s) => {
      const start = firstResponseDate(s.responses)!;
      const end = eventOrCensor(s, start);
      return {id: s.USUBJID, time: aval(start, end.date), event: end.event};
    });
  return {os, pfs, dor};
}

export function qcTimeToEvent(_cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const {os, pfs, dor} = survivalRecords(subjects);
  const followup = observedMonths(os);
  return {
    "tte.followup": {
      median: median(followup), min: min(followup), max: max(followup), n: os.length,
      ...kmStats(reverseKaplanMeier(os)),
    },
    "tte.os": survivalStats(os),
    "tte.pfs": survivalStats(pfs),
    "tte.dor": survivalStats(dor),
  };
}
