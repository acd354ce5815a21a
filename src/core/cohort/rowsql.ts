// The row rules of schema.ts as DuckDB SQL over a file's raw cells (raw_<stem>: line plus one VARCHAR per column,
// '' for an empty cell, never NULL, so every "breaks" predicate is true or false). One generator, two uses: while
// the file is loaded, the rules decide each row's `ok` flag (a column's own rule on its distinct values, the rules
// between columns row by row); then, only for rows that are not ok, they become located problems (file, line,
// column, value, rule, message), at most one per cell: the column's own rule first, then the conditionals, then
// the other checks, in declaration order.
import {sqlString, type Check, type Column, type FileSchema} from "./schema.js";

/** A double-quoted SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

// JavaScript's \s (what the free-text rule always meant) spelled out for RE2.
const SPACE = String.raw`\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const TEXT = String.raw`[^${SPACE}\x{7F}](?:[^\x{00}-\x{1F}\x{7F}]*[^${SPACE}\x{7F}])?`;

/** SQL that is true when the non-empty cell `v` passes its check. */
function passes(v: string, check: Check): string {
  const number = `TRY_CAST(${v} AS DOUBLE)`;
  switch (check.kind) {
    case "integer":
      return `regexp_full_match(${v}, '-?[0-9]+') AND ${number} BETWEEN ${check.min} AND ${check.max}`;
    case "decimal":
      return `regexp_full_match(${v}, '-?[0-9]+([.][0-9]+)?') AND ${number} BETWEEN ${check.min} AND ${check.max}`;
    case "positive":
      return `regexp_full_match(${v}, '[0-9]+([.][0-9]+)?') AND ${number} > 0 AND ${number} <= ${check.max}`;
    case "enum":
      return `${v} IN (${check.values.map(sqlString).join(", ")})`;
    case "pattern":
      return `regexp_full_match(${v}, ${sqlString(check.regex)})`;
    case "text":
      return `length(${v}) <= 200 AND regexp_full_match(${v}, ${sqlString(TEXT)})`;
    case "date":
      return `regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND TRY_CAST(${v} AS DATE) IS NOT NULL`;
  }
}

/**
 * The DuckDB type a column's cells are loaded as once valid. A codelist column is an ENUM of its codes: one byte a
 * cell instead of a string, which is what makes joining and copying 10^7 assessments cheap (docs/scale.md). ENUMs
 * order by code position, not alphabetically, so the ADaM tables turn them back into VARCHAR (sql-adam.test.ts).
 */
export function sqlType({check, type}: Column): string {
  if (type) return type;
  switch (check.kind) {
    case "enum":
      return `ENUM(${check.values.map(sqlString).join(", ")})`;
    case "integer":
      return "INTEGER";
    case "decimal":
    case "positive":
      return "DOUBLE";
    case "date":
      return "DATE";
    default:
      return "VARCHAR";
  }
}

/** One rule on one cell: when it is broken, and the message (SQL expressions over the raw cells). */
interface CellRule {
  column: string;
  breaks: string;
  rule: string;
  message: string;
}

/** A column's own rule as two cell rules on `v`: required (never broken when optional), then its check. */
function columnRules(column: Column, v = ident(column.name)): CellRule[] {
  return [
    {column: column.name, breaks: column.optional ? "false" : `${v} = ''`, rule: "'required'",
      message: sqlString(`${column.name} is required`)},
    {column: column.name, breaks: `${v} <> '' AND NOT coalesce(${passes(v, column.check)}, false)`,
      rule: sqlString(column.rule), message: sqlString(column.message)}
  ];
}

/** A conditional's cell predicates, broken when its `when` holds: a required cell empty, a forbidden one filled. */
const missing = (column: string) => `${ident(column)} = ''`;
const present = (column: string) => `${ident(column)} <> ''`;

/** Every rule of a file, in priority order (the first broken rule of a cell is the one reported). */
function cellRules(schema: FileSchema): CellRule[] {
  return [
    ...schema.columns.flatMap((column) => columnRules(column)),
    ...schema.conditionals.flatMap(({when, why, require = [], forbid = []}) => [
      ...require.map((column) => ({column, breaks: `(${when}) AND ${missing(column)}`, rule: "'required-when'",
        message: `${sqlString(`${column} is required when `)} || (${why})`})),
      ...forbid.map((column) => ({column, breaks: `(${when}) AND ${present(column)}`, rule: "'not-applicable'",
        message: `${sqlString(`${column} must be empty when `)} || (${why})`}))
    ]),
    ...schema.checks.map(({column, rule, when, message}) => ({column, breaks: `(${when})`, rule: sqlString(rule), message}))
  ];
}

/** A column's own rule, as a predicate on one of its values `v` (required, then its check). */
function columnBreaks(column: Column, v: string): string {
  return columnRules(column, v).map((r) => `(${r.breaks})`).join(" OR ");
}

/**
 * bad_values_<stem>(column, value): the values of each column that break the column's own rule. Each rule runs
 * once per distinct value, not once per row (a column of 10^7 cells holds a few thousand dates or codes); the
 * distinct values of every column are collected in one scan of the file. A file's single-column key (USUBJID of
 * patients.csv, EPISODEID) is the exception: its values are all distinct, so collecting them builds a hash table of
 * every row for nothing, and its rule runs row by row (treatments at 10^6: 4.2 → 1.4 s, docs/scale.md).
 */
export function badValues(schema: FileSchema): string {
  const perRow = schema.key.columns.length === 1 ? schema.key.columns[0] : undefined;
  const distinct = schema.columns.filter((column) => column.name !== perRow);
  const seen = distinct.map((c) => `list(DISTINCT ${ident(c.name)}) AS ${ident(c.name)}`);
  const selects = schema.columns.map((column) => column.name === perRow
    ? `SELECT DISTINCT ${sqlString(column.name)} AS "column", ${ident(column.name)} AS value FROM raw_${schema.stem} ` +
      `WHERE ${columnBreaks(column, ident(column.name))}`
    : `SELECT ${sqlString(column.name)} AS "column", v AS value FROM (SELECT unnest(${ident(column.name)}) AS v FROM seen) ` +
      `WHERE ${columnBreaks(column, "v")}`);
  return `CREATE OR REPLACE TEMP TABLE bad_values_${schema.stem} AS
WITH seen AS MATERIALIZED (SELECT ${seen.join(", ")} FROM raw_${schema.stem})
${selects.join("\nUNION ALL ")}`;
}

/**
 * The typed, checked table cohort_<stem> from raw_<stem>: line, `ok` (the row breaks no row rule), and each column
 * cast to its type (NULL when empty or malformed). `badColumns` are the columns with a value in bad_values_<stem>.
 * USUBJID is kept whenever it is well-formed, even on a row that is not ok: the key rules use every well-formed
 * USUBJID. `into` names another table, without the line column (the direct load numbers rows by position, direct.ts).
 */
export function loadChecked(schema: FileSchema, badColumns: readonly string[],
  into: {table: string; line: boolean} = {table: `cohort_${schema.stem}`, line: true}): string {
  // The same rules as cellRules, but each conditional's `when` once per row rather than once per column it names:
  // a row of treatments.csv would otherwise test its TRTCAT some 60 times.
  const rowRules = [
    ...schema.conditionals.flatMap(({when, require = [], forbid = []}) => {
      const cells = [...require.map(missing), ...forbid.map(present)];
      return cells.length > 0 ? [`(${when}) AND (${cells.join(" OR ")})`] : [];
    }),
    ...schema.checks.map(({when}) => `(${when})`),
    ...badColumns.map((column) =>
      `${ident(column)} IN (SELECT value FROM bad_values_${schema.stem} WHERE "column" = ${sqlString(column)})`)
  ];
  // A typed pattern (USUBJID) is NULL unless well-formed: "01" is not patient 1. A column without bad values is
  // well-formed wherever it is not empty, so only a column with some pays for the pattern on every row.
  const columns = schema.columns.map((column) => {
    const v = ident(column.name);
    const cast = `TRY_CAST(NULLIF(${v}, '') AS ${sqlType(column)})`;
    const guarded = column.type && badColumns.includes(column.name);
    return `${guarded ? `CASE WHEN ${passes(v, column.check)} THEN ${cast} END` : cast} AS ${v}`;
  });
  const ok = rowRules.length === 0 ? "true" : `NOT (${rowRules.join("\n  OR ")})`;
  return `CREATE OR REPLACE TABLE ${into.table} AS\nSELECT ${into.line ? "line, " : ""}${ok} AS ok,\n  ` +
    `${columns.join(",\n  ")}\nFROM raw_${schema.stem}`;
}

/**
 * The located problems of the rows of raw_<stem> that are not ok (`lines`: a table of their line numbers), at most
 * one per cell; columns: file, line, column, value, rule, message.
 */
export function rowProblems(schema: FileSchema, lines: string): string {
  const bad = `(SELECT * FROM raw_${schema.stem} WHERE line IN (SELECT line FROM ${lines}))`;
  const selects = cellRules(schema).map((r, priority) =>
    `SELECT line, ${sqlString(r.column)} AS "column", ${ident(r.column)} AS value, ${r.rule} AS rule, ` +
    `${r.message} AS message, ${priority} AS priority FROM bad WHERE ${r.breaks}`);
  return `WITH bad AS MATERIALIZED ${bad}\nSELECT ${sqlString(schema.file)} AS file, line, "column", value, rule, message\n` +
    `FROM (${selects.join("\nUNION ALL ")})\n` +
    `QUALIFY row_number() OVER (PARTITION BY line, "column" ORDER BY priority) = 1`;
}
