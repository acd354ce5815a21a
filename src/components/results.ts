// Types of the results dataset (docs/results.md) and lookup by stable id. Pages read
// everything they show through these: no number is typed into a page.

import {fromColumns} from "../core/results/columns.js";
import type {Slice, SliceResult} from "../core/results/pages.js";
import type {Report, Result as PublishedResult} from "../core/results/types.js";

export type {Report};

/**
 * A result as the pages read it, with its rows typed by the page (KMRow, WaterfallRow, …). From a page's slice
 * (src/core/results/pages.ts) it may say that its rows are thinned for drawing (`thinned`), only those of the first
 * view's patients (`rows_of`) or left out (`n_rows`); the whole result is in results/all.json.
 */
export interface Result<Row = Record<string, unknown>> extends Omit<PublishedResult, "rows" | "patients">, Pick<SliceResult, "thinned" | "rows_of" | "n_rows"> {
  /** Only in the slices of pages that read them (and up to 1000 patients). */
  patients?: number[];
  rows?: Row[];
}

export interface Results {
  report: Report;
  results: Result[];
}

/** A page's slice as the page reads it: each result's rows decoded from columns. */
export function fromSlice(slice: Slice): Results {
  return {
    report: slice.report,
    results: slice.results.map(({rows_columns, ...result}) => (rows_columns ? {...result, rows: fromColumns(rows_columns)} : result))
  };
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
