// What the site publishes of each ADaM table: Parquet at every size, CSV and XPT only up to LIMITS.textRows rows
// (src/core/limits.ts). One decision, from the rows the build product counted (its manifest), read by the loader that
// writes the files (src/data/adam.tar.ts), by the config that lists the text files for Framework to copy
// (observablehq.config.ts, dynamicPaths) and, through the loader's formats.json, by the pages that link them.
import {ADAM_TABLES, type AdamTable} from "../sql-catalog.js";

export type DatasetFormat = "parquet" | "csv" | "xpt";

/** The formats in which the text files are published, beside the Parquet. */
export const TEXT_FORMATS = ["csv", "xpt"] as const satisfies readonly DatasetFormat[];

export interface PublishedDataset {
  table: AdamTable;
  rows: number;
  formats: DatasetFormat[];
}

/** Each ADaM table, its rows and the formats the site publishes it in. */
export function publication(rows: Readonly<Record<string, number>>, textRows: number): PublishedDataset[] {
  return ADAM_TABLES.map((table) => {
    const n = rows[table];
    if (n === undefined) throw new Error(`the build product does not count the rows of ${table}`);
    return {table, rows: n, formats: n <= textRows ? ["parquet", ...TEXT_FORMATS] : ["parquet"]};
  });
}

/** The tables published as text (CSV and XPT). */
export const textTables = (datasets: readonly PublishedDataset[]): AdamTable[] =>
  datasets.filter((dataset) => dataset.formats.includes("csv")).map((dataset) => dataset.table);

/** The text files of the published datasets, as file names (adsl.csv, adsl.xpt, …). */
export const textFiles = (datasets: readonly PublishedDataset[]): string[] =>
  textTables(datasets).flatMap((table) => TEXT_FORMATS.map((format) => `${table}.${format}`));

/** data/adam/formats.json: what the site published of each table, for the pages that link the files. */
export interface DatasetFormats {
  text_rows: number;
  datasets: (PublishedDataset & {bytes: Partial<Record<DatasetFormat, number>>})[];
}
