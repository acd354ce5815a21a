// The published ADaM datasets as SAS transport files (adsl.xpt, …), with the same rows in the same order as the CSVs
// (the tables src/sql/product/load.sql reads from the sorted Parquet files, in their order) and the labels of the data dictionary (src/core/adam-metadata.ts).
import {closeSync, openSync, writeSync} from "node:fs";
import {join} from "node:path";
import {ADAM_DATASETS, dataDictionary, type AdamTable, type Column, type DictionaryEntry} from "../adam-metadata.js";
import type {Engine} from "../engine.js";
import {ADAM_TABLES} from "../sql-catalog.js";
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

async function* batches(engine: Engine, table: AdamTable, names: readonly string[]): AsyncGenerator<XptValue[][]> {
  for await (const rows of engine.stream(`SELECT * FROM ${table}`)) {
    yield rows.map((row) => names.map((name) => row[name] as XptValue));
  }
}

/**
 * Writes <table>.xpt for every ADaM table into `dir` (from an engine over the build product, src/core/adam/product.ts),
 * dated `created`. Every dataset is checked before any file is written: XptError names each problem of each. Returns
 * the variables as published, for Define-XML.
 */
export async function writeAdamXpt(engine: Engine, dir: string, created: Date): Promise<PublishedVariable[]> {
  const dictionary = await adamDictionary(engine);
  const plans = [];
  const problems: string[] = [];
  for (const table of ADAM_TABLES) {
    const entries = dictionary.filter((entry) => entry.dataset === table.toUpperCase());
    const writer = new XptWriter({
      name: table.toUpperCase(), label: ADAM_DATASETS[table].label, created,
      variables: entries.map((entry) => ({name: entry.variable, label: entry.label,
        type: NUMERIC_TYPES.has(entry.type) ? "numeric" : "character"})),
    });
    const names = entries.map((entry) => entry.variable);
    for await (const rows of batches(engine, table, names)) writer.observe(rows);
    try {
      writer.header();
    } catch (error) {
      if (!(error instanceof XptError)) throw error;
      problems.push(...error.problems.map((problem) => `${table}.xpt: ${problem}`));
    }
    plans.push({table, entries, names, writer});
  }
  if (problems.length) throw new XptError(problems);
  const published: PublishedVariable[] = [];
  for (const {table, entries, names, writer} of plans) {
    const fd = openSync(join(dir, `${table}.xpt`), "w");
    try {
      writeSync(fd, writer.header());
      for await (const rows of batches(engine, table, names)) writeSync(fd, writer.encode(rows));
      writeSync(fd, writer.end());
    } finally {
      closeSync(fd);
    }
    const lengths = writer.variableLengths;
    published.push(...entries.map((entry) => ({...entry, numeric: NUMERIC_TYPES.has(entry.type), length: lengths[entry.variable]!})));
  }
  return published;
}
