// The direct load: a plain file that breaks no rule of its own goes from the CSV straight to its typed table,
// without the table of raw cells that locating a problem needs (read.ts). DuckDB reads the file twice, in parallel
// each time: once for the distinct values of each column (the column rules, rowsql.ts badValues), once into the
// typed table in file order, whose position gives each row's line. Only when both find nothing, and no key repeats,
// is the file done; otherwise everything it made is dropped and the file is read the located way (validate.ts), so
// every message comes from one implementation. Saves writing every cell as text: validation at 10^6, docs/scale.md.
import {join} from "node:path";
import {stat} from "node:fs/promises";
import type {Engine} from "../engine.js";
import {checkHeader} from "./csv.js";
import {firstLine, plainCells, scan, type FileSummary} from "./read.js";
import {badValues, ident, loadChecked} from "./rowsql.js";
import type {FileSchema} from "./schema.js";

/**
 * The file's row count if, read as it is, it breaks no column, row or key rule; undefined if it does. Either way its
 * tables are left for loadDirect to keep or drop.
 */
async function loadsClean(engine: Engine, path: string, header: readonly string[], schema: FileSchema): Promise<number | undefined> {
  const {stem} = schema;
  await engine.sql(`CREATE OR REPLACE TEMP VIEW raw_${stem} AS ${await plainCells(engine, path, header, schema)}`);
  await engine.sql("SET preserve_insertion_order = false");
  await engine.sql(badValues(schema));
  const [{bad}] = (await engine.sql(`SELECT count(*) AS bad FROM bad_values_${stem}`)) as {bad: number}[];
  if (bad > 0) return undefined;
  // In file order: a row's position is its line, as for the raw cells (read.ts).
  await engine.sql("SET preserve_insertion_order = true");
  await engine.sql(loadChecked(schema, [], {table: `cohort_rows_${stem}`, line: false}));
  await engine.sql(`CREATE OR REPLACE VIEW cohort_${stem} AS
    SELECT CAST(rowid + 2 AS INTEGER) AS line, * FROM cohort_rows_${stem}`);
  const [{rows, broken}] = (await engine.sql(`SELECT count(*) AS rows, count(*) FILTER (WHERE NOT ok) AS broken
    FROM cohort_rows_${stem}`)) as {rows: number; broken: number}[];
  if (broken > 0 || rows < schema.minRows) return undefined;
  // keys.ts reports a repeated key with the raw cells of its rows; here it is enough that none repeats.
  const [{repeated}] = (await engine.sql(`SELECT count(*) AS repeated FROM (SELECT 1 FROM cohort_rows_${stem}
    GROUP BY ${schema.key.columns.map(ident).join(", ")} HAVING count(*) > 1)`)) as {repeated: number}[];
  return repeated > 0 ? undefined : rows;
}

/**
 * Loads the file of `schema` in `dir` into cohort_<stem> if it is plain and breaks no rule of its own; returns its
 * summary, or undefined (and leaves nothing behind) when it must be read the located way.
 */
export async function loadDirect(engine: Engine, dir: string, schema: FileSchema): Promise<FileSummary | undefined> {
  const path = join(dir, schema.file);
  if (!(await stat(path).catch(() => undefined))?.isFile()) return undefined;
  const header = (await firstLine(path)).split(",");
  let problems = 0; // any, even one that leaves the file readable (an unknown column)
  if (!checkHeader(header, 1, schema.columns.map((c) => c.name), () => problems++) || problems > 0) return undefined;
  const [scanned, rows] = await Promise.all([
    scan(path),
    loadsClean(engine, path, header, schema).catch(() => undefined) // a ragged row: the located way says where
  ]);
  const {stem} = schema;
  await engine.sql(`DROP VIEW IF EXISTS raw_${stem}; DROP TABLE IF EXISTS bad_values_${stem}`);
  if (!scanned.plain || rows === undefined) {
    await engine.sql(`DROP VIEW IF EXISTS cohort_${stem}; DROP TABLE IF EXISTS cohort_rows_${stem}`);
    return undefined;
  }
  return {file: schema.file, rows, sha256: scanned.sha256, bytes: scanned.bytes};
}
