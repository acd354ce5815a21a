// How the bench's DuckDB steps read a cohort file: DuckDB's plain-file reader (plainCsv, read.ts) with the column
// types of src/core/cohort/schema.ts, as validation types them, but without its checks.
import {join} from "node:path";
import {plainCsv} from "../../src/core/cohort/read.js";
import {sqlType} from "../../src/core/cohort/rowsql.js";
import type {FileSchema} from "../../src/core/cohort/schema.js";
import type {Engine} from "../../src/core/engine.js";

/** Binds the path of `schema`'s file in `dir` and returns the table function that reads it, typed. */
export async function typedCsv(engine: Engine, dir: string, schema: FileSchema): Promise<string> {
  await engine.sql(`SET VARIABLE path_${schema.stem} = $path`, {path: join(dir, schema.file)});
  return plainCsv(`path_${schema.stem}`, schema.columns.map((column) => [column.name, sqlType(column)] as const));
}

/** Reads the named `columns` of `schema`'s file in `dir` into the table typed_<stem>: what DuckDB parses and casts. */
export async function typedTable(engine: Engine, dir: string, schema: FileSchema, columns: readonly string[]): Promise<void> {
  await engine.sql(`CREATE TABLE typed_${schema.stem} AS SELECT ${columns.join(", ")} FROM ${await typedCsv(engine, dir, schema)}`);
}
