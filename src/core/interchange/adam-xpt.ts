// The published ADaM datasets as SAS transport files (adsl.xpt, …), with the same rows in the same order as the CSVs
// (src/sql/export/xpt_rows.sql) and the labels of the data dictionary (src/core/adam-metadata.ts). One pass over each
// table: the text lengths come first from SQL (src/sql/export/xpt_lengths.sql), then the rows are checked and
// encoded a DuckDB chunk at a time.
import {closeSync, openSync, rmSync, writeSync} from "node:fs";
import {join} from "node:path";
import {ADAM_DATASETS, dataDictionary, type AdamTable, type Column, type DictionaryEntry} from "../adam-metadata.js";
import type {Engine} from "../engine.js";
import {ADAM_TABLES, XPT_LENGTHS_FILE, XPT_ROWS_FILE} from "../sql-catalog.js";
import {XptError, XptWriter, type XptValue} from "./xpt.js";

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

/** Writes `dir`/<table>.xpt; returns the problems XPT v5 found in it (the file is then to be thrown away). */
async function writeTable(engine: Engine, table: AdamTable, entries: readonly DictionaryEntry[], file: string,
  created: Date): Promise<{problems: string[]; lengths: number[]}> {
  await engine.sql("SET VARIABLE xpt_table = $table", {table});
  const [longest] = await engine.run(XPT_LENGTHS_FILE);
  const numeric = entries.map((entry) => NUMERIC_TYPES.has(entry.type));
  const lengths = entries.map((entry, i) => numeric[i] ? 8 : Math.max(1, Number(longest![entry.variable] ?? 0)));
  const writer = new XptWriter({
    name: table.toUpperCase(), label: ADAM_DATASETS[table].label, created,
    variables: entries.map((entry, i) => ({name: entry.variable, label: entry.label, type: numeric[i] ? "numeric" : "character"})),
  }, lengths);
  const fd = openSync(file, "w");
  try {
    writeSync(fd, writer.header());
    for await (const {names, rowCount, columns} of engine.streamColumns(XPT_ROWS_FILE)) {
      writeSync(fd, writer.encode(entries.map((entry) => columns[names.indexOf(entry.variable)] as XptValue[]), rowCount));
    }
    writeSync(fd, writer.end());
  } finally {
    closeSync(fd);
  }
  return {problems: writer.problems, lengths};
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
