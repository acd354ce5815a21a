// What the build ships for reviewers, fetched on first use and once per page: the SQL files it ran
// (data/sql-files.json, src/core/sql-files.ts), the published ADaM datasets (data/adam/<table>.csv, the /data page's
// downloads), each result's patients (data/results/lineage.json) and the whole results dataset (data/results/all.json; a
// page reads its slice, src/core/results/pages.ts). The disclosures and the browser re-run read these same
// bytes from here.
import {FileAttachment} from "observablehq:stdlib";
import type {Lineage} from "../../core/lineage/types.js";
import type {Slice} from "../../core/results/pages.js";
import type {ResultsDataset} from "../../core/results/types.js";
import type {SqlFile} from "../../core/sql-files.js";

export type {SqlFile};

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load().catch((error) => {
    value = undefined; // a later request tries again
    throw error;
  }));
};

/** Every SQL file the build ran, by role, each role in the build's order. */
export const shippedSql = once((): Promise<SqlFile[]> => FileAttachment("../../data/sql-files.json").json().then((data: {files: SqlFile[]}) => data.files));

/** The published ADaM datasets as CSV text by table (adsl, adrs, adtte, adae); `.csv()` would need a CDN. */
export const adamCsv = once(async (): Promise<Record<string, string>> => Object.fromEntries(await Promise.all([
  ["adsl", FileAttachment("../../data/adam/adsl.csv").text()],
  ["adrs", FileAttachment("../../data/adam/adrs.csv").text()],
  ["adtte", FileAttachment("../../data/adam/adtte.csv").text()],
  ["adae", FileAttachment("../../data/adam/adae.csv").text()]
].map(async ([table, text]) => [table as string, await text] as const))));

/** Each result's counted (numerator) and population (denominator) patients. */
export const lineage = once((): Promise<Lineage> => FileAttachment("../../data/results/lineage.json").json());

/** The whole results dataset, every row of every result (a page's own slice may hold fewer). */
export const allResults = once((): Promise<ResultsDataset> => FileAttachment("../../data/results/all.json").json());

/** The swimmer's segments and markers of every lane (the /swimmer slice holds those of its first view only). */
export const swimmerRowsSlice = once((): Promise<Slice> => FileAttachment("../../data/results/swimmer-rows.json").json());
