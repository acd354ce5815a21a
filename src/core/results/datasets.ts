// The published ADaM datasets (ADSL, ADRS, ADTTE, ADAE: study days only) as files: CSV and Parquet written by
// DuckDB COPY (src/sql/export/adam.sql). Written into a fresh temporary directory first, then moved into place,
// so a failure never leaves partial output.
import {chmodSync, existsSync, mkdtempSync, renameSync, rmSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {ADAM_TABLES, openCohort, type Engine} from "../engine.js";

export const EXPORT_FILE = "src/sql/export/adam.sql";

async function exportTo(engine: Engine, dir: string): Promise<void> {
  await engine.sql("SET VARIABLE out_dir = $dir", {dir});
  await engine.run(EXPORT_FILE);
}

async function withCohortEngine<T>(cohortDir: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openCohort(cohortDir);
  try {
    return await fn(engine);
  } finally {
    engine.close();
  }
}

/**
 * Writes adsl/adrs/adtte/adae .csv and .parquet as the directory `out`, replacing a previous one only once the new
 * one is complete. Returns the file names.
 */
export async function writeDatasets(cohortDir: string, out: string): Promise<string[]> {
  const target = resolve(out);
  // Siblings of the target, so that the renames stay on one file system.
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-new-`));
  chmodSync(staging, 0o755); // mkdtemp makes it private; the datasets are for sharing
  try {
    await withCohortEngine(cohortDir, (engine) => exportTo(engine, staging));
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
  return ADAM_TABLES.flatMap((table) => [`${table}.csv`, `${table}.parquet`]);
}
