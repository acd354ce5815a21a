// The published ADaM datasets (ADSL, ADRS, ADTTE, ADAE: study days only) as files, from the build product
// (src/core/adam/product.ts): its Parquet files as they are, CSV written by DuckDB COPY from them
// (src/sql/export/adam_csv.sql), SAS transport files with the same rows (src/core/interchange/adam-xpt.ts) and their
// Define-XML (src/core/interchange/define.ts); CSV and XPT of the tables up to `textRows` rows only (the site's
// threshold, src/core/adam/publication.ts; every table unless given). Written into a fresh temporary directory first,
// then moved into place, so a failure never leaves partial output.
import {chmodSync, copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {withAdam, withProduct, type AdamProduct} from "../adam/product.js";
import {publication, textTables, type PublishedDataset} from "../adam/publication.js";
import {ADAM_TABLES, EXPORT_CSV_FILE} from "../sql-catalog.js";
import {writeAdamXpt} from "../interchange/adam-xpt.js";
import {defineXml} from "../interchange/define.js";

export const DEFINE_FILE = "define.xml";

async function exportTo(product: AdamProduct, dir: string, datasets: readonly PublishedDataset[]): Promise<void> {
  for (const table of ADAM_TABLES) copyFileSync(join(product.dir, `${table}.parquet`), join(dir, `${table}.parquet`));
  const {study} = product.manifest;
  const text = textTables(datasets);
  const variables = await withAdam(product, async (engine) => {
    await engine.sql("SET VARIABLE out_dir = $dir", {dir});
    for (const table of text) {
      await engine.sql("SET VARIABLE csv_table = $table", {table});
      await engine.run(EXPORT_CSV_FILE);
    }
    // Dated by the data cut-off, not the clock: two builds of one cohort give the same bytes.
    return writeAdamXpt(engine, dir, new Date(`${study.cutoff}T00:00:00Z`), text);
  }, "views");
  writeFileSync(join(dir, DEFINE_FILE), defineXml(study, variables));
}

export interface DatasetOptions {
  /** Writes more files into the directory, returning their names. */
  more?: (dir: string) => Promise<string[]>;
  /** CSV and XPT only of the tables up to this many rows (every table unless given). */
  textRows?: number;
}

/**
 * Writes adsl/adrs/adtte/adae .parquet, .csv and .xpt (the text files as `textRows` allows) and define.xml of the
 * build product as the directory `out`, and what `more` writes into it, replacing a previous directory only once the
 * new one is complete. Returns the datasets as published and every file name.
 */
export async function writeProductDatasets(product: AdamProduct, out: string,
  {more, textRows = Infinity}: DatasetOptions = {}): Promise<{datasets: PublishedDataset[]; files: string[]}> {
  const datasets = publication(product.manifest.rows, textRows);
  const target = resolve(out);
  // Siblings of the target, so that the renames stay on one file system.
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-new-`));
  chmodSync(staging, 0o755); // mkdtemp makes it private; the datasets are for sharing
  let extra: string[];
  try {
    await exportTo(product, staging, datasets);
    extra = more ? await more(staging) : [];
  } catch (error) {
    rmSync(staging, {recursive: true, force: true});
    throw error;
  }
  if (existsSync(target)) {
    const previous = mkdtempSync(join(dirname(target), `.${basename(target)}-old-`));
    renameSync(target, join(previous, "out"));
    renameSync(staging, target);
    rmSync(previous, {recursive: true, force: true});
  } else {
    renameSync(staging, target);
  }
  const files = datasets.flatMap(({table, formats}) => formats.map((format) => `${table}.${format}`));
  return {datasets, files: [...files, DEFINE_FILE, ...extra]};
}

/** writeProductDatasets for the cohort in `cohortDir` (validated first: CohortError, and nothing written, if not). */
export async function writeDatasets(cohortDir: string, out: string, options?: DatasetOptions) {
  return withProduct(cohortDir, (product) => writeProductDatasets(product, out, options));
}
