// Types of the results dataset (docs/results.md) and lookup by stable id. Pages read
// everything they show through these: no number is typed into a page.

import type {Report, Result as PublishedResult} from "../core/results/types.js";

export type {Report};

/** A result as the pages read it, with its rows typed by the page (KMRow, WaterfallRow, …). */
export interface Result<Row = Record<string, unknown>> extends Omit<PublishedResult, "rows"> {
  rows?: Row[];
}

export interface Results {
  report: Report;
  results: Result[];
}

/** One row of a Kaplan–Meier table (tte.*.rows): time in months, study days in time_days. */
export interface KMRow {
  time_days: number;
  time: number;
  n_risk: number;
  n_event: number;
  n_censor: number;
  surv: number;
  se: number;
  ci_low: number | null;
  ci_high: number | null;
  /** Absent for a large cohort (the results list no patients above 1000). */
  event_ids?: number[];
  censor_ids?: number[];
}

export type BOR = "CR" | "PR" | "SD" | "PD" | "NE";

export interface WaterfallRow {
  USUBJID: number;
  MORPH: string;
  BOR: BOR;
  PCHG: number;
}

export interface SwimmerLane {
  USUBJID: number;
  MORPH: string;
  BOR: BOR;
  followup_days: number;
  alive: boolean;
}

export type SegmentKind = "induction" | "crt" | "surgery" | "liver_rfa" | "liver_resection" | "adjuvant";
export interface SwimmerSegment {
  USUBJID: number;
  kind: SegmentKind;
  start_day: number;
  end_day: number;
}

export type MarkerKind = "response" | "progression_locoregional" | "progression_distant" | "death";
export interface SwimmerMarker {
  USUBJID: number;
  kind: MarkerKind;
  day: number;
  label: string;
}

/** The result with this id; a missing id is a broken contract, so it throws (the page shows the error). */
export function result<Row = Record<string, unknown>>(data: Results, id: string): Result<Row> {
  const found = data.results.find((r) => r.id === id);
  if (!found) throw new Error(`The results dataset has no result "${id}" (see docs/results.md).`);
  return found as Result<Row>;
}

/** The rows behind a result (a KM table, one row per patient of a figure). */
export function rows<Row>(data: Results, id: string): Row[] {
  const found = result<Row>(data, id);
  if (!found.rows) throw new Error(`Result "${id}" has no rows (see docs/results.md).`);
  return found.rows;
}

/** Every result whose id starts with `prefix`, in dataset order. */
export function resultsWith(data: Results, prefix: string): Result[] {
  return data.results.filter((r) => r.id.startsWith(prefix));
}
