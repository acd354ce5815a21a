// The analysis SQL (src/sql/analysis/, with the macros of src/sql/lib/) run against ADaM tables already in an
// engine, and how much of each output leaves the engine for a large cohort (docs/results.md, "Large cohorts").
import {DuckDBTypeId, type DuckDBListType, type DuckDBStructType, type DuckDBType} from "@duckdb/node-api";
import {queryOf, type Engine, type Row} from "../engine.js";
import {ADAM_TABLES, ANALYSIS_FILES, LIBRARY_FILES} from "../sql-catalog.js";

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
  // The USUBJID lists nested in rows (*_ids) are not built at all when they are not listed (src/sql/lib/listing.sql).
  await engine.sql(`SET VARIABLE list_patients = ${limits.listPatients}`);
  if (limits.sampleLanes) await createLaneSampleViews(engine);
  const out = new Map<string, Row[]>();
  for (const file of files) {
    // Each analysis file is one SELECT: as a view, its columns are known before it runs, and what is not selected
    // (the patients lists of a large cohort) is never computed. DuckDB prunes no column below a materialised CTE
    // (one used twice), so a file whose unselected lists sit there inlines that CTE (NOT MATERIALIZED).
    const text = queryOf(file);
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
