// Which columns of the cohort files the report reads: those its ADaM SQL names (src/sql/adam/; the analysis SQL
// reads only the ADaM tables). The typed-read floor of the bench (scripts/bench/typed.ts) reads exactly these.
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {FileSchema} from "../../src/core/cohort/schema.js";
import {ROOT} from "../../src/core/engine.js";
import {ADAM_FILES} from "../../src/core/sql-catalog.js";

/** SQL without its line comments, so that a column named in prose is not taken for a use. */
export const withoutComments = (sql: string): string => sql.replace(/--[^\n]*/g, " ");

/** The ADaM SQL without its comments. */
export const adamSql = (): string =>
  ADAM_FILES.map((file) => withoutComments(readFileSync(resolve(ROOT, file), "utf8"))).join("\n");

/** The columns of `schema` that `sql` names as a whole word (an over-approximation, never an omission). */
export function usedColumns(schema: FileSchema, sql: string): string[] {
  return schema.columns.map((column) => column.name).filter((name) => new RegExp(`\\b${name}\\b`, "i").test(sql));
}
