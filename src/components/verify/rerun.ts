// Re-derives results in the reader's browser: DuckDB-wasm (src/components/verify/duckdb.ts) reads the published ADaM CSVs
// (data/adam/*.csv, the files of the /data page; a cohort whose tables are too long for CSV cannot be re-run here) with src/sql/published/load.sql, defines the macros of src/sql/lib
// and runs the analysis files, all as the exact text the build ran (src/components/derivation/shipped.ts). Nothing is fetched
// until a function here is called.
import {textTables} from "../../core/adam/publication.js";
import {CATALOG} from "../../core/results/catalog.js";
import {FORMATS} from "../../core/results/format.js";
import {startDuckDB} from "./duckdb.js";
import {adamCsv, adamFormats, allResults, shippedSql, type SqlFile} from "../derivation/shipped.js";
import type {AnalysisRow, PublishedResult, Rederived} from "./match.js";

/** The files the re-run executes, in order: read the published datasets back, define the macros, derive. */
export interface RerunSql {
  load: SqlFile[];
  library: SqlFile[];
  analysis: SqlFile[];
}

export async function rerunSql(): Promise<RerunSql> {
  const files = await shippedSql();
  const role = (name: SqlFile["role"]) => files.filter((file) => file.role === name);
  return {load: role("published"), library: role("library"), analysis: role("analysis")};
}

let session: Promise<(text: string) => Promise<AnalysisRow[]>> | undefined;

/** The published results, in full (data/results/all.json). */
export async function publishedResults(): Promise<PublishedResult[]> {
  return (await allResults()).results;
}

/** Arrow values as plain JSON (BIGINT → number, MAP and STRUCT → object, LIST → array). */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v)));

/**
 * Starts DuckDB-wasm once per page, registers the ADaM CSVs, runs load.sql and the macro library; returns a function
 * that runs one SQL text on that database, one at a time, and returns its last statement's rows.
 */
function prepare(): Promise<(text: string) => Promise<AnalysisRow[]>> {
  return (session ??= (async () => {
    // Before the 34 MB engine: DuckDB-wasm reads Parquet only through an extension it would fetch from the internet.
    const {datasets, text_rows} = await adamFormats();
    const text = new Set(textTables(datasets));
    const parquetOnly = datasets.filter((dataset) => !text.has(dataset.table));
    if (parquetOnly.length) {
      throw new Error(`the re-run reads the published CSVs, and ${parquetOnly.map((d) => `${d.table.toUpperCase()} (${d.rows} rows)`).join(", ")} ` +
        `${parquetOnly.length === 1 ? "is" : "are"} longer than the ${text_rows} rows published as CSV`);
    }
    const [db, files, tables] = await Promise.all([startDuckDB(), rerunSql(), adamCsv()]);
    // Under the file names src/sql/published/load.sql reads.
    for (const [table, text] of Object.entries(tables)) await db.registerFileText(`${table}.csv`, text);
    const connection = await db.connect();
    let queue: Promise<unknown> = Promise.resolve();
    const run = (text: string) => {
      const next = queue.then(async () => plain((await connection.query(text)).toArray()) as AnalysisRow[]);
      queue = next.catch(() => undefined);
      return next;
    };
    for (const file of [...files.load, ...files.library]) await runFile(run, file);
    return run;
  })().catch((error) => {
    session = undefined; // a later click tries again
    throw error;
  }));
}

async function runFile(run: (text: string) => Promise<AnalysisRow[]>, file: SqlFile): Promise<AnalysisRow[]> {
  try {
    return await run(file.text);
  } catch (error) {
    throw new Error(`${file.path}: ${(error as Error).message}`, {cause: error});
  }
}

const FORMAT_OF = new Map(CATALOG.map((entry) => [entry.id, entry.display]));

/** The display string of a re-derived row, formatted as the build formats it (src/core/results/format.ts). */
function display(row: AnalysisRow): string | null {
  const format = FORMAT_OF.get(row.id);
  if (!format) return null;
  try {
    return FORMATS[format](row.stats ?? {}, row.denominator ?? null);
  } catch (error) {
    return `(cannot format: ${(error as Error).message})`;
  }
}

/** Runs one analysis file (by its path, as results cite it in `source`); returns its results by id. */
export async function rerunFile(path: string): Promise<Map<string, Rederived>> {
  const [run, files] = await Promise.all([prepare(), rerunSql()]);
  const file = files.analysis.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not one of the analysis files this site ships`);
  const rows = await runFile(run, file);
  return new Map(rows.map((row) => [row.id, {source: path, row, display: display(row)}]));
}

/** Runs every analysis file; returns all results by id. `onFile` is told as each file completes. */
export async function rerunAll(onFile?: (path: string, results: Map<string, Rederived>) => void): Promise<Map<string, Rederived>> {
  const all = new Map<string, Rederived>();
  for (const file of (await rerunSql()).analysis) {
    const results = await rerunFile(file.path);
    for (const [id, result] of results) all.set(id, result);
    onFile?.(file.path, results);
  }
  return all;
}
