// The pieces every QC twin shares: the Arquero table type, row filters, "n (%)" of a set of patients (with its exact
// 95% CI), summaries of a numeric column, and the output shapes the build compares (compare.ts).
import * as aq from "arquero";
import {clopperPearson} from "../../stats/binomial.js";
import {percentage, summarise} from "../../stats/summary.js";

export type Table = ReturnType<typeof aq.fromCSV>;
/** A record of a raw table, as Arquero hands it over. */
export type Raw = Record<string, any>;

export type Stats = Record<string, number | null>;
/** QC output: result id → stats key → value (the stats of docs/results.md). */
export type QcOutput = Record<string, Stats>;

export type QcValue = number | string | boolean | null | (number | string)[];
/** One row of a table behind a result (`rows`), as the QC derives it. */
export type QcRow = Record<string, QcValue>;

/** A table behind a result: the key fields that identify a row, and the rows. */
export interface QcRows {
  key: string[];
  rows: QcRow[];
}

/** Rows satisfying a plain JavaScript predicate (closures allowed: aq.escape runs it as is). */
export function where(table: Table, predicate: (row: Raw) => boolean): Table {
  return table.filter(aq.escape(predicate) as (row: Raw) => boolean);
}

/** Distinct patients (USUBJID) in a table. */
export function patientsIn(table: Table): number[] {
  return [...new Set(table.array("USUBJID") as number[])];
}

/** n (%) of the patients in `ids` among `denominator` patients. */
export function nPct(ids: readonly number[], denominator: number): Stats {
  const n = new Set(ids).size;
  return {n, pct: percentage(n, denominator)};
}

/** n (%) of the patients in `ids` among `denominator` patients, with the exact (Clopper–Pearson) 95% CI in %. */
export function nPctCi(ids: readonly number[], denominator: number): Stats {
  const {n, pct} = nPct(ids, denominator);
  const ci = clopperPearson(n as number, denominator);
  return {n, pct, ci_low: 100 * ci.low, ci_high: 100 * ci.high};
}

/** mean, median, min, max (and n when asked) of a numeric column, per docs/results.md. */
export function describe(values: readonly number[], withN = false): Stats {
  const {n, mean, median, min, max} = summarise(values);
  return withN ? {mean, median, min, max, n} : {mean, median, min, max};
}
