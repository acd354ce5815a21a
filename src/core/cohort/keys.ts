// Row identity: no two rows of a file share its key (schema.ts, `key`), so nothing is counted twice. A later row
// that repeats an earlier one cell for cell breaks duplicate-row; one that only shares the key breaks the file's
// key rule. Either way the problem names both lines. Runs on a file's typed table (cohort_<stem>) while its raw
// cells (raw_<stem>) are still loaded: keys compare typed values ("2" and "02" are one grade), copies compare the
// cells as written.
import {ident} from "./rowsql.js";
import {sqlString, type FileSchema} from "./schema.js";

/**
 * The located key problems of one file; columns: file, line, column, value, rule, message (column and value are
 * NULL for a whole-row copy). A row takes part when it passed its row rules or, if not, when every key cell is
 * well-formed (not in bad_values_<stem>): a duplicated patient is reported even when another of its cells is wrong.
 */
export function keyProblems(schema: FileSchema): string {
  const {stem, file, key} = schema;
  const keys = key.columns.map(ident);
  const raw = (columns: readonly string[]) => columns.map((c) => `raw.${ident(c)}`);
  const wellFormed = key.columns.map((column) =>
    `raw.${ident(column)} NOT IN (SELECT value FROM bad_values_${stem} WHERE "column" = ${sqlString(column)})`);
  const sameKey = key.columns.map((c) => `keyed.${ident(c)} IS NOT DISTINCT FROM repeated.${ident(c)}`);
  const single = key.columns.length === 1;
  const keyMessage = single
    ? `${sqlString(`${key.columns[0]} `)} || key_value || ' is already on line ' || first`
    : `${sqlString(`${key.columns.join(", ")} are already on line `)} || first`;
  return `WITH keyed AS (
  SELECT line, ${keys.join(", ")} FROM cohort_${stem} WHERE ok
  UNION ALL
  SELECT c.line, ${keys.map((k) => `c.${k}`).join(", ")}
  FROM cohort_${stem} c JOIN raw_${stem} raw USING (line) WHERE NOT c.ok AND ${wellFormed.join(" AND ")}
),
repeated AS (
  SELECT ${keys.join(", ")}, min(line) AS first FROM keyed GROUP BY ALL HAVING count(*) > 1
),
-- Every row of a repeated key, with the key's first line and the first line of the rows equal to it cell for cell.
sharing AS (
  SELECT keyed.line, repeated.first,
    min(keyed.line) OVER (PARTITION BY ${raw(schema.columns.map((c) => c.name)).join(", ")}) AS original,
    ${single ? raw(key.columns)[0] : `concat_ws(', ', ${raw(key.columns).join(", ")})`} AS key_value
  FROM keyed JOIN repeated ON ${sameKey.join(" AND ")} JOIN raw_${stem} raw ON raw.line = keyed.line
)
SELECT ${sqlString(file)} AS file, line,
  CASE WHEN original < line THEN NULL ELSE ${sqlString(key.columns.join(", "))} END AS "column",
  CASE WHEN original < line THEN NULL ELSE key_value END AS value,
  CASE WHEN original < line THEN 'duplicate-row' ELSE ${sqlString(key.rule)} END AS rule,
  CASE WHEN original < line THEN 'the row repeats line ' || original || ' exactly' ELSE ${keyMessage} END AS message
FROM sharing WHERE line > first`;
}
