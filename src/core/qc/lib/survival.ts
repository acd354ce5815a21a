// The time-to-event records the QC twins share (AVAL = event or censoring date − start + 1 days):
// - OS: Day 1 → death (event) or last contact (censored).
// - PFS: Day 1 → first progression or death, whichever first (event); otherwise censored at the
//   last adequate assessment (last response other than NE), or at Day 1 without one.
// - DoR, confirmed responders: first CR/PR → progression or death (event); otherwise censored at
//   the last adequate assessment.
// All records are as of the data cut-off (cohort.ts). Summaries are in months.
import {kaplanMeier, kmMedian, type KmRow, type SurvivalRecord} from "../../stats/km.js";
import {max, median, min} from "../../stats/summary.js";
import {aval, months, monthsOrNull} from "./days.js";
import {firstResponseDate} from "./recist.js";
import type {Subject} from "./subjects.js";
import type {QcRows, Stats} from "./tables.js";

export interface SurvivalRecords {
  os: SurvivalRecord[];
  pfs: SurvivalRecord[];
  dor: SurvivalRecord[];
}

/** Event time, or the censoring time (last adequate assessment, else `fallback`). */
function eventOrCensor(s: Subject, fallback: number): {date: number; event: boolean} {
  const eventDate = [s.PROGDT, s.DTHDT].filter((d): d is number => d !== null);
  if (eventDate.length > 0) return {date: Math.min(...eventDate), event: true};
  const adequate = s.responses
    .filter((a) => a.response !== "NE")
    .map((a) => a.date);
  return {date: Math.max(fallback, ...adequate), event: false};
}

const derived = new WeakMap<readonly Subject[], SurvivalRecords>();

/** OS, PFS and DoR records of `subjects` (derived once per set of subjects: several twins read them). */
export function survivalRecords(subjects: readonly Subject[]): SurvivalRecords {
  const known = derived.get(subjects);
  if (known) return known;
  const os = subjects.map((s) => ({id: s.USUBJID, time: aval(s.TRTSDT, s.LSTALVDT), event: s.DTHDT !== null}));
  const pfs = subjects.map((s) => {
    const end = eventOrCensor(s, s.TRTSDT);
    return {id: s.USUBJID, time: aval(s.TRTSDT, end.date), event: end.event};
  });
  const dor = subjects
    .filter((s) => s.BOR === "CR" || s.BOR === "PR")
    .map((s) => {
      const start = firstResponseDate(s.responses)!;
      const end = eventOrCensor(s, start);
      return {id: s.USUBJID, time: aval(start, end.date), event: end.event};
    });
  const records = {os, pfs, dor};
  derived.set(subjects, records);
  return records;
}

/** Observed times in months: the simple median and range. */
export function observedMonths(records: readonly SurvivalRecord[]): number[] {
  return records.map((r) => months(r.time));
}

/** Median of a Kaplan–Meier curve and its 95% CI, in months (null when not reached). */
export function kmMedianStats(rows: readonly KmRow[]): Stats {
  const m = kmMedian(rows);
  return {km_median: monthsOrNull(m.estimate), km_ci_low: monthsOrNull(m.ci_low), km_ci_high: monthsOrNull(m.ci_high)};
}

/** Simple median and range, n, events and the Kaplan–Meier median of one endpoint. */
export function survivalStats(records: readonly SurvivalRecord[]): Stats {
  const times = observedMonths(records);
  return {
    median: median(times), min: min(times), max: max(times), n: records.length,
    events: records.filter((r) => r.event).length,
    ...kmMedianStats(kaplanMeier(records)),
  };
}

/** The Kaplan–Meier table of one endpoint, by event time, with the time also in months. */
export function kmTable(records: readonly SurvivalRecord[]): QcRows {
  return {
    key: ["time_days"],
    rows: kaplanMeier(records).map((r) => ({...r, time: months(r.time_days)})),
  };
}
