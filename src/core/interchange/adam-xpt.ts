// The published ADaM datasets as SAS transport files (adsl.xpt, …), with the same rows in the same order as the CSVs
// (src/sql/export/xpt_rows.sql) and the labels of the data dictionary (src/core/adam-metadata.ts). One pass over each
// table: the text lengths come first from SQL (src/sql/export/xpt_lengths.sql), then the rows are checked and
// encoded a DuckDB chunk at a time, laid out by SQL as one string per row; value by value only for a table holding
// what XPT v5 cannot (that path names every problem).
import {closeSync, openSync, rmSync, writeSync} from "node:fs";
import {join} from "node:path";
import {ADAM_DATASETS, dataDictionary, type AdamTable, type Column, type DictionaryEntry} from "../adam-metadata.js";
import {queryOf, type Engine} from "../engine.js";
import {ADAM_TABLES, XPT_LENGTHS_FILE, XPT_ROWS_FILE} from "../sql-catalog.js";
import {LAID_OUT, XPT_LIMITS, XptError, XptWriter, type XptValue} from "./xpt.js";

const NUMERIC_TYPES = new Set(["INTEGER", "BIGINT", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "DECIMAL"]);

/** A variable as published: dictionary entry with its SAS type and length (bytes: text from the data, numbers 8). */
export interface PublishedVariable extends DictionaryEntry {
  numeric: boolean;
  length: number;
}

/** The data dictionary of the derived tables in `engine`. */
export async function adamDictionary(engine: Engine): Promise<DictionaryEntry[]> {
  const columns = await engine.sql(
    "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position");
  return dataDictionary(columns as unknown as Column[]);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A query over the rows of xpt_rows.sql, in their order: `expressions` of each row. */
const fromRows = (expressions: readonly string[]) => `SELECT ${expressions.join(", ")} FROM (\n${queryOf(XPT_ROWS_FILE)}\n)`;

/**
 * The query of a table's observations laid out by SQL for XptWriter.encodeLaidOut, over the rows of xpt_rows.sql in
 * their order: the record (each text variable blank-padded to its length, bound as VARIABLE xpt_lengths, and each
 * numeric variable's placeholder, LAID_OUT), then each numeric variable as DOUBLE. Built from the dictionary's
 * variable names. One string per row instead of one value per cell: reading a cell out of DuckDB costs more than
 * encoding it (ADSL's file at 10^6: 25 → 12 s, docs/scale.md).
 */
function laidOutSql(entries: readonly DictionaryEntry[], numeric: readonly boolean[]): string {
  const [missing, notFinite] = [LAID_OUT.missing, LAID_OUT.notFinite].map((code) => String.fromCharCode(code));
  const slots = entries.map(({variable}, i) => numeric[i]
    ? `CASE WHEN ${quoted(variable)} IS NULL THEN '${missing}' WHEN isfinite(${quoted(variable)}::DOUBLE) THEN ' '` +
      ` ELSE '${notFinite}' END || '${" ".repeat(7)}'`
    : `rpad(coalesce(${quoted(variable)}, ''), getvariable('xpt_lengths')[${i + 1}], ' ')`);
  const numbers = entries.flatMap(({variable}, i) => numeric[i] ? [`coalesce(${quoted(variable)}::DOUBLE, 0)`] : []);
  return fromRows([`concat(${slots.join(", ")}) AS record`, ...numbers]);
}

/** Writes the file: headers, the batches `encode` makes, the end; false (the file unfinished) if a batch is null. */
async function writeFile(file: string, writer: XptWriter,
  batches: AsyncIterable<{rowCount: number; columns: unknown[][]}>,
  encode: (columns: unknown[][], rowCount: number) => Buffer | null): Promise<boolean> {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, writer.header());
    for await (const {rowCount, columns} of batches) {
      const bytes = encode(columns, rowCount);
      if (!bytes) return false;
      writeSync(fd, bytes);
    }
    writeSync(fd, writer.end());
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Writes `dir`/<table>.xpt; returns the problems XPT v5 found in it (the file is then to be thrown away). */
async function writeTable(engine: Engine, table: AdamTable, entries: readonly DictionaryEntry[], file: string,
  created: Date): Promise<{problems: string[]; lengths: number[]}> {
  await engine.sql("SET VARIABLE xpt_table = $table", {table});
  const [longest] = await engine.run(XPT_LENGTHS_FILE);
  const numeric = entries.map((entry) => NUMERIC_TYPES.has(entry.type));
  const lengths = entries.map((entry, i) => numeric[i] ? 8 : Math.max(1, Number(longest![entry.variable] ?? 0)));
  const writer = () => new XptWriter({
    name: table.toUpperCase(), label: ADAM_DATASETS[table].label, created,
    variables: entries.map((entry, i) => ({name: entry.variable, label: entry.label, type: numeric[i] ? "numeric" : "character"})),
  }, lengths);
  // Laid out by SQL, unless a value needs a message (not ASCII, longer than XPT allows, not a finite number): then
  // value by value, where every problem is named with its row.
  if (lengths.every((length, i) => numeric[i] || length <= XPT_LIMITS.value)) {
    await engine.sql("SET VARIABLE xpt_lengths = CAST($lengths AS INTEGER[])", {lengths: JSON.stringify(lengths)});
    const laidOut = writer();
    if (await writeFile(file, laidOut, engine.streamColumns(laidOutSql(entries, numeric)),
      ([records, ...numbers], rowCount) => laidOut.encodeLaidOut(records as string[], numbers as number[][], rowCount))) {
      return {problems: laidOut.problems, lengths};
    }
  }
  const byValue = writer();
  await writeFile(file, byValue, engine.streamColumns(fromRows(entries.map(({variable}) => quoted(variable)))),
    (columns, rowCount) => byValue.encode(columns as XptValue[][], rowCount));
  return {problems: byValue.problems, lengths};
}

/**
 * Writes <table>.xpt for each of `tables` (every ADaM table unless given) into `dir` (from an engine over the build
 * product, src/core/adam/product.ts), dated `created`. If XPT v5 cannot hold any of them, removes every file it wrote
 * and throws XptError naming each problem of each dataset. Returns the variables as published, for Define-XML.
 */
export async function writeAdamXpt(engine: Engine, dir: string, created: Date,
  tables: readonly AdamTable[] = ADAM_TABLES): Promise<PublishedVariable[]> {
  const dictionary = await adamDictionary(engine);
  const problems: string[] = [];
  const published: PublishedVariable[] = [];
  const files: string[] = [];
  try {
    for (const table of tables) {
      const entries = dictionary.filter((entry) => entry.dataset === table.toUpperCase());
      const file = join(dir, `${table}.xpt`);
      files.push(file);
      const written = await writeTable(engine, table, entries, file, created);
      problems.push(...written.problems.map((problem) => `${table}.xpt: ${problem}`));
      published.push(...entries.map((entry, i) => ({...entry, numeric: NUMERIC_TYPES.has(entry.type), length: written.lengths[i]!})));
    }
    if (problems.length) throw new XptError(problems);
  } catch (error) {
    for (const file of files) rmSync(file, {force: true});
    throw error;
  }
  return published;
}
