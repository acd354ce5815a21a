// What the build ships for reviewers, fetched on first use and once per page: the SQL files it ran
// (data/sql-files.json, src/core/sql-files.ts), what was published of the ADaM datasets (data/adam/formats.json) and
// their CSVs (data/adam/<table>.csv, the /data page's downloads), each result's patients (data/results/lineage.json) and the whole results dataset (data/results/all.json; a
// page reads its slice, src/core/results/pages.ts). The disclosures and the browser re-run read these same
// bytes from here.
import {FileAttachment} from "observablehq:stdlib";
import {textTables, type DatasetFormats} from "../../core/adam/publication.js";
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

/** What the site published of each ADaM dataset: its rows, formats and bytes (src/data/adam.tar.ts). */
export const adamFormats = once((): Promise<DatasetFormats> => FileAttachment("../../data/adam/formats.json").json());

/**
 * Where the site serves a text file of the ADaM datasets (adsl.csv, adsl.xpt, …). No page names these files, so they
 * are not FileAttachments: a build copies them as they are, unhashed, to data/adam/ of the site, and the preview server
 * serves them as loader output under _file/ (observablehq.config.ts, which says which in a meta tag). The site's root
 * is three levels above this module (served as _import/components/derivation/shipped.js).
 */
export function adamTextUrl(file: string): string {
  const dir = document.querySelector<HTMLMetaElement>('meta[name="adam-text-files"]')?.content ?? "data/adam/";
  return new URL(`../../../${dir}${file}`, import.meta.url).href;
}

/** The text of a file the site serves. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

/** The published ADaM datasets as CSV text by table (adsl, adrs, adtte, adae), of the tables published as CSV. */
export const adamCsv = once(async (): Promise<Record<string, string>> => {
  const tables = textTables((await adamFormats()).datasets);
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await fetchText(adamTextUrl(`${table}.csv`))] as const)));
});

/** Each result's counted (numerator) and population (denominator) patients. */
export const lineage = once((): Promise<Lineage> => FileAttachment("../../data/results/lineage.json").json());

/** The whole results dataset, every row of every result (a page's own slice may hold fewer). */
export const allResults = once((): Promise<ResultsDataset> => FileAttachment("../../data/results/all.json").json());

/** The swimmer's segments and markers of every lane (the /swimmer slice holds those of its first view only). */
export const swimmerRowsSlice = once((): Promise<Slice> => FileAttachment("../../data/results/swimmer-rows.json").json());
