// Small shared pieces of the QC programs: the output shape and "n (%)" of a set of patients.
import * as aq from "arquero";
import {percentage, summarise} from "../stats/summary.js";
import type {Table} from "./read.js";

export type Stats = Record<string, number | null>;
/** QC output: result id → stats key → value (the stats of docs/results.md). */
export type QcOutput = Record<string, Stats>;

/** Distinct patients (USUBJID) in a table. */
export function patientsIn(table: Table): number[] {
  return [...new Set(table.array("USUBJID") as number[])];
}

/** n (%) of the patients in `ids` among `denominator` patients. */
export function nPct(ids: readonly number[], denominator: number): Stats {
  const n = new Set(ids).size;
  return {n, pct: percentage(n, denominator)};
}

/** mean, median, min, max (and n when asked) of a numeric column, per docs/results.md. */
export function describe(values: readonly number[], withN = false): Stats {
  const {n, mean, median, min, max} = summarise(values);
  return withN ? {mean, median, min, max, n} : {mean, median, min, max};
}

/** Rows satisfying a plain JavaScript predicate (closures allowed: aq.escape runs it as is). */
export function where(table: Table, predicate: (row: Record<string, any>) => boolean): Table {
  return table.filter(aq.escape(predicate) as (row: Record<string, any>) => boolean);
}
