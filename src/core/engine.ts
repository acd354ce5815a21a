// Runs the SQL derivations in an in-memory DuckDB. SQL lives in .sql files under src/sql; this module only
// reads them and runs them in order. The one value TypeScript passes in (the cohort directory and its cut-off)
// is bound as a DuckDB variable (SET VARIABLE … = $value), never spliced into SQL text.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {
  DuckDBConnection, DuckDBInstance, DuckDBTypeId, type DuckDBListType, type DuckDBStructType, type DuckDBType,
} from "@duckdb/node-api";
import {CohortError} from "./cohort/problem.js";
import {validateInto} from "./cohort/validate.js";

/** The project root: SQL file paths are relative to it, as cited in the results' `source`. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The validated cohort as the source tables src_* (the only tables with calendar dates). */
export const SOURCE_FILE = "src/sql/source/load.sql";

/** ADaM-style derivations, in dependency order; each creates one table (adsl, adrs, adtte, adae). */
export const ADAM_FILES = [
  "src/sql/adam/cutoff.sql",
  "src/sql/adam/day1.sql",
  "src/sql/adam/adsl.sql",
  "src/sql/adam/adrs.sql",
  "src/sql/adam/adtte.sql",
  "src/sql/adam/adae.sql",
] as const;

/** The published ADaM tables: the only inputs of the analysis SQL (here and in the browser). */
export const ADAM_TABLES = ["adsl", "adrs", "adtte", "adae"] as const;

/** Statistical macros (n (%), Clopper–Pearson, Kaplan–Meier) the analysis files call; run before them. */
export const LIBRARY_FILES = [
  "src/sql/lib/proportion.sql",
  "src/sql/lib/clopper_pearson.sql",
  "src/sql/lib/kaplan_meier.sql",
] as const;

/**
 * One file per analysis; each ends in a SELECT of result rows (id, stats, denominator, patients, rows), and with
 * per-patient rows (a USUBJID field) also rows_total, their number (kept when a large cohort's rows are sampled).
 */
export const ANALYSIS_FILES = [
  "src/sql/analysis/table1.sql",
  "src/sql/analysis/response.sql",
  "src/sql/analysis/shrinkage.sql",
  "src/sql/analysis/pathology.sql",
  "src/sql/analysis/lrtc.sql",
  "src/sql/analysis/km.sql",
  "src/sql/analysis/followup.sql",
  "src/sql/analysis/safety.sql",
  "src/sql/analysis/ae_grade.sql",
  "src/sql/analysis/swimmer_lanes.sql",
  "src/sql/analysis/swimmer_segments.sql",
  "src/sql/analysis/swimmer_markers.sql",
] as const;

export type Row = Record<string, unknown>;

/** Calendar types: none may leave the engine (only study days are published). */
const DATE_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE, DuckDBTypeId.TIME, DuckDBTypeId.TIME_NS, DuckDBTypeId.TIME_TZ, DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.TIMESTAMP_TZ,
]);

/** Converts one DuckDB value (as the JS conversion of node-api gives it) into plain JSON-able JS. */
const plainRow = (names: readonly string[], types: readonly DuckDBType[]) => (row: Record<string, unknown>): Row =>
  Object.fromEntries(names.map((name, i) => [name, plain(row[name], types[i]!, name)]));

function plain(value: unknown, type: DuckDBType, column: string): unknown {
  if (DATE_TYPES.has(type.typeId)) throw new Error(`column ${column} has type ${type}: no calendar date may leave the engine`);
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT: {
      const number = Number(value);
      if (!Number.isSafeInteger(number)) throw new Error(`column ${column}: ${value} is not a safe integer`);
      return number;
    }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return (value as unknown[]).map((item) => plain(item, type.valueType, column));
    case DuckDBTypeId.STRUCT:
      return Object.fromEntries(type.entryNames.map((name, i) =>
        [name, plain((value as Record<string, unknown>)[name], type.entryTypes[i], `${column}.${name}`)]));
    case DuckDBTypeId.MAP:
      return Object.fromEntries((value as {key: unknown; value: unknown}[]).map((entry) =>
        [String(entry.key), plain(entry.value, type.valueType, `${column}.${entry.key}`)]));
    default:
      return value;
  }
}

/**
 * DuckDB's memory cap and threads (docs/scale.md). Overridden by DUCKDB_MEMORY_LIMIT (e.g. "1GB") and DUCKDB_THREADS.
 */
export const ENGINE_LIMITS = {memory_limit: process.env.DUCKDB_MEMORY_LIMIT ?? "2000MB",
  threads: process.env.DUCKDB_THREADS ?? "2"};

/**
 * A private, throw-away, in-memory DuckDB database with one connection. Tables larger than the memory cap are
 * evicted to a private temporary directory instead of failing; removed on close. (A database file would add its
 * write-ahead log and checkpoints: twice the time of reading a large cohort.)
 */
export class Engine {
  private constructor(private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection,
    private readonly spill: string) {}

  static async open(): Promise<Engine> {
    const spill = mkdtempSync(join(tmpdir(), "duckdb-"));
    const instance = await DuckDBInstance.create(":memory:", {...ENGINE_LIMITS, temp_directory: spill});
    return new Engine(instance, await instance.connect(), spill);
  }

  /** Runs SQL text (one or more statements); returns the rows of the last one. */
  async sql(text: string, params?: Record<string, string | number>): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(text, params);
    return reader.getRowObjectsJS().map(plainRow(reader.columnNames(), reader.columnTypes()));
  }

  /** Runs one query and yields its rows a chunk at a time: a table of 10^7 rows is never in memory at once. */
  async *stream(text: string): AsyncGenerator<Row[]> {
    const result = await this.connection.stream(text);
    const toRow = plainRow(result.columnNames(), result.columnTypes());
    for await (const rows of result.yieldRowObjectJs()) yield rows.map(toRow);
  }

  /** The column names and types of a query, without running it. */
  async describe(text: string): Promise<{names: string[]; types: DuckDBType[]}> {
    const prepared = await this.connection.prepare(text);
    const names: string[] = [];
    const types: DuckDBType[] = [];
    for (let i = 0; i < prepared.columnCount; i++) {
      names.push(prepared.columnName(i));
      types.push(prepared.columnType(i));
    }
    return {names, types};
  }

  /** Runs a .sql file (path relative to the project root); returns the rows of its last statement. */
  async run(file: string): Promise<Row[]> {
    try {
      return await this.sql(readFileSync(resolve(ROOT, file), "utf8"));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, {cause: error});
    }
  }

  /** Runs several files in order; returns the rows of each, keyed by file. */
  async runAll(files: readonly string[]): Promise<Map<string, Row[]>> {
    const out = new Map<string, Row[]>();
    for (const file of files) out.set(file, await this.run(file));
    return out;
  }

  private closed = false;

  /** Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.spill, {recursive: true, force: true});
  }
}

/**
 * The ADaM tables of a cohort already validated into `engine` (validateInto): source views over the checked
 * tables, then the derivations, as of `cutoff` (study.json's, unless a test asks for another).
 */
export async function deriveAdam(engine: Engine, cutoff: string): Promise<void> {
  // From here on no table's row order means anything: the ADaM tables are sets (only the published files are
  // sorted, src/sql/export/adam.sql) and every list an analysis builds has its ORDER BY. Validation, which takes line
  // numbers from the order rows were read in (read.ts), is over. Not keeping insertion order lets DuckDB write
  // tables in parallel: ADaM and analyses at 10^6, 18.6 → 15.6 s (docs/scale.md).
  await engine.sql("SET preserve_insertion_order = false");
  await engine.sql("SET VARIABLE cutoff = CAST($cutoff AS DATE)", {cutoff});
  await engine.runAll([SOURCE_FILE, ...ADAM_FILES]);
}

/** Opens an engine holding the cohort in `dir` (validated; CohortError if not) and the derived ADaM tables. */
export async function openCohort(dir: string, cutoff?: string): Promise<Engine> {
  const engine = await Engine.open();
  try {
    const {study, problems} = await validateInto(engine, dir);
    if (!study) throw new CohortError(dir, problems);
    await deriveAdam(engine, cutoff ?? study.cutoff);
    return engine;
  } catch (error) {
    engine.close();
    throw error;
  }
}

/**
 * How much of each analysis output leaves the engine (docs/results.md, "Large cohorts"): `patients` lists and the
 * KM tables' *_ids only when `listPatients`; per-patient rows (those with a USUBJID field) only for the patients of
 * table `lane_sample` when `sampleLanes`, with `rows_total` the number before sampling.
 */
export interface OutputLimits {
  listPatients: boolean;
  sampleLanes: boolean;
}

/** The fields of an output's rows, when they are records (a list of structs). */
function rowFields(names: string[], types: DuckDBType[]): readonly string[] | undefined {
  const type = types[names.indexOf("rows")];
  if (type?.typeId !== DuckDBTypeId.LIST) return undefined;
  const row = (type as DuckDBListType).valueType;
  return row.typeId === DuckDBTypeId.STRUCT ? (row as DuckDBStructType).entryNames : undefined;
}

/**
 * The projection of one analysis output (view analysis_out) under `limits`, from its column types. A sampled
 * output's rows are left out: runAnalyses reads them from the lane sample's ADaM rows instead.
 */
function limitedProjection(names: string[], types: DuckDBType[], limits: OutputLimits, sampled: boolean): string {
  const fields = rowFields(names, types);
  return names.flatMap((name): string[] => {
    if (name === "patients") return limits.listPatients ? ["patients"] : [];
    if (name === "rows_total") return sampled ? ["rows_total"] : [];
    if (name !== "rows" || !fields) return [`"${name}"`];
    if (sampled) return [];
    const kept = fields.filter((field) => limits.listPatients || !field.endsWith("_ids"));
    if (kept.length === fields.length) return ["rows"];
    return [`list_transform(rows, r -> struct_pack(${kept.map((f) => `"${f}" := r."${f}"`).join(", ")})) AS rows`];
  }).join(", ");
}

/** Where the ADaM tables restricted to the patients of table lane_sample are (views, first on the search path). */
const LANE_SAMPLE_SCHEMA = "lane_sample_adam";

async function createLaneSampleViews(engine: Engine): Promise<void> {
  await engine.sql(`CREATE SCHEMA IF NOT EXISTS ${LANE_SAMPLE_SCHEMA};` + ADAM_TABLES.map((table) =>
    `CREATE OR REPLACE VIEW ${LANE_SAMPLE_SCHEMA}.${table} AS
       SELECT * FROM main.${table} SEMI JOIN lane_sample USING (USUBJID);`).join("\n"));
}

/** The rows of an analysis file (SQL text) computed from the lane sample's ADaM rows, by result id. */
async function sampledRows(engine: Engine, text: string): Promise<Map<unknown, unknown>> {
  await engine.sql(`SET search_path = '${LANE_SAMPLE_SCHEMA},main'`);
  try {
    return new Map((await engine.sql(`SELECT id, rows FROM (${text})`)).map(({id, rows}) => [id, rows]));
  } finally {
    await engine.sql("RESET search_path");
  }
}

/** Runs the library and the analysis files (all, unless `files`) against the ADaM tables already in `engine`. */
export async function runAnalyses(
  engine: Engine, limits: OutputLimits = {listPatients: true, sampleLanes: false},
  files: readonly string[] = ANALYSIS_FILES
): Promise<Map<string, Row[]>> {
  await engine.runAll(LIBRARY_FILES);
  if (limits.sampleLanes) await createLaneSampleViews(engine);
  const out = new Map<string, Row[]>();
  for (const file of files) {
    // Each analysis file is one SELECT: as a view, its columns are known before it runs, and what is not selected
    // (the patients lists of a large cohort) is never computed.
    const text = readFileSync(resolve(ROOT, file), "utf8").trim().replace(/;$/, "");
    try {
      await engine.sql(`CREATE OR REPLACE TEMP VIEW analysis_out AS\n${text}`);
      const {names, types} = await engine.describe("SELECT * FROM analysis_out");
      // A large cohort's per-patient rows: every other column over the whole cohort, without building the list of
      // every patient's rows (seconds at 10^6, docs/scale.md); the rows from the lane sample's ADaM rows.
      const sampled = limits.sampleLanes && (rowFields(names, types)?.includes("USUBJID") ?? false);
      if (sampled && !names.includes("rows_total")) throw new Error("per-patient rows need a rows_total column");
      const rows = await engine.sql(`SELECT ${limitedProjection(names, types, limits, sampled)} FROM analysis_out`);
      if (sampled) {
        const sample = await sampledRows(engine, text);
        for (const row of rows) row.rows = sample.get(row.id) ?? null;
      }
      out.set(file, rows);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, {cause: error});
    }
  }
  return out;
}
