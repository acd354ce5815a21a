// The published ADaM datasets (ADSL, ADRS, ADTTE, ADAE: study days only) as files: CSV and Parquet written by
// DuckDB COPY (src/sql/export/adam.sql), SAS transport files with the same rows (src/core/interchange/adam-xpt.ts)
// and their Define-XML (src/core/interchange/define.ts). Written into a fresh temporary directory first, then moved
// into place, so a failure never leaves partial output.
import {chmodSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {openCohort} from "../adam/derive.js";
import type {Engine} from "../engine.js";
import {ADAM_TABLES, EXPORT_FILE} from "../sql-catalog.js";
import {writeAdamXpt} from "../interchange/adam-xpt.js";
import {defineXml} from "../interchange/define.js";
import {readStudy} from "./build.js";

async function exportTo(engine: Engine, cohortDir: string, dir: string): Promise<void> {
  await engine.sql("SET VARIABLE out_dir = $dir", {dir});
  await engine.run(EXPORT_FILE);
  const study = readStudy(cohortDir);
  // Dated by the data cut-off, not the clock: two builds of one cohort give the same bytes.
  const variables = await writeAdamXpt(engine, dir, new Date(`${study.cutoff}T00:00:00Z`));
  writeFileSync(join(dir, DEFINE_FILE), defineXml(study, variables));
}

export const DEFINE_FILE = "define.xml";

async function withCohortEngine<T>(cohortDir: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openCohort(cohortDir);
  try {
    return await fn(engine);
  } finally {
    engine.close();
  }
}

/**
 * Writes adsl/adrs/adtte/adae .csv, .parquet and .xpt and define.xml as the directory `out`, and what `more` writes
 * into it (returning the names), replacing a previous directory only once the new one is complete. Returns the file
 * names.
 */
export async function writeDatasets(cohortDir: string, out: string, more?: (dir: string) => Promise<string[]>): Promise<string[]> {
  const target = resolve(out);
  // Siblings of the target, so that the renames stay on one file system.
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-new-`));
  chmodSync(staging, 0o755); // mkdtemp makes it private; the datasets are for sharing
  let extra: string[];
  try {
    await withCohortEngine(cohortDir, (engine) => exportTo(engine, cohortDir, staging));
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
  return [...ADAM_TABLES.flatMap((table) => [`${table}.csv`, `${table}.parquet`, `${table}.xpt`]), DEFINE_FILE, ...extra];
}
