// The results dataset as the pages read it (docs/results.md): a page's slice decoded, and lookup by stable id. Pages
// read everything they show through these: no number is typed into a page.

import {fromColumns} from "./columns.js";
import type {Slice, SliceResult} from "./pages.js";
import type {Report, Result as PublishedResult} from "./types.js";

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
