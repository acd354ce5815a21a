// The row rules of schema.ts as DuckDB SQL over a file's raw cells (raw_<stem>: line plus one VARCHAR per column,
// '' for an empty cell). One generator, two uses: every rule's "breaks" predicate is OR-ed into the row's `ok`
// flag computed while the file is loaded (one pass over the data), and, only for rows that are not ok, turned into
// located problems (file, line, column, value, rule, message), at most one per cell: the column's own rule first,
// then the conditionals, then the other checks, in declaration order.
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

/** The DuckDB type a column's cells are loaded as once valid. */
export function sqlType({check, type}: Column): string {
  if (type) return type;
  switch (check.kind) {
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

function columnRules(column: Column): CellRule[] {
  const v = ident(column.name);
  const rules: CellRule[] = [{
    column: column.name,
    breaks: `${v} <> '' AND NOT coalesce(${passes(v, column.check)}, false)`,
    rule: sqlString(column.rule),
    message: sqlString(column.message)
  }];
  if (!column.optional) {
    rules.unshift({column: column.name, breaks: `${v} = ''`, rule: "'required'",
      message: sqlString(`${column.name} is required`)});
  }
  return rules;
}

/** Every rule of a file, in priority order (the first broken rule of a cell is the one reported). */
function cellRules(schema: FileSchema): CellRule[] {
  return [
    ...schema.columns.flatMap(columnRules),
    ...schema.conditionals.flatMap(({when, why, require = [], forbid = []}) => [
      ...require.map((column) => ({column, breaks: `(${when}) AND ${ident(column)} = ''`, rule: "'required-when'",
        message: `${sqlString(`${column} is required when `)} || (${why})`})),
      ...forbid.map((column) => ({column, breaks: `(${when}) AND ${ident(column)} <> ''`, rule: "'not-applicable'",
        message: `${sqlString(`${column} must be empty when `)} || (${why})`}))
    ]),
    ...schema.checks.map(({column, rule, when, message}) => ({column, breaks: `(${when})`, rule: sqlString(rule), message}))
  ];
}

/** SQL true when a row breaks no row rule. */
export function rowOk(schema: FileSchema): string {
  return `NOT (${cellRules(schema).map((r) => `coalesce(${r.breaks}, false)`).join("\n  OR ")})`;
}

/**
 * The typed, checked table cohort_<stem> from raw_<stem>: line, `ok`, and each column cast to its type (NULL when
 * empty or malformed). USUBJID is kept whenever it is well-formed, even on a row that is not ok: the key rules
 * use every well-formed USUBJID.
 */
export function loadChecked(schema: FileSchema): string {
  // A typed pattern (USUBJID) is NULL unless well-formed: "01" is not patient 1.
  const columns = schema.columns.map((column) => {
    const v = ident(column.name);
    const cast = `TRY_CAST(NULLIF(${v}, '') AS ${sqlType(column)})`;
    return `${column.type ? `CASE WHEN ${passes(v, column.check)} THEN ${cast} END` : cast} AS ${v}`;
  });
  return `CREATE OR REPLACE TABLE cohort_${schema.stem} AS\nSELECT line, ${rowOk(schema)} AS ok,\n  ` +
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
    `${r.message} AS message, ${priority} AS priority FROM bad WHERE coalesce(${r.breaks}, false)`);
  return `WITH bad AS MATERIALIZED ${bad}\nSELECT ${sqlString(schema.file)} AS file, line, "column", value, rule, message\n` +
    `FROM (${selects.join("\nUNION ALL ")})\n` +
    `QUALIFY row_number() OVER (PARTITION BY line, "column" ORDER BY priority) = 1`;
}
