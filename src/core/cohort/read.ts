// Reads one cohort CSV into DuckDB as the view raw_<stem>: the physical line of each row plus one VARCHAR per column
// of the file ('' for an empty cell), whatever the column order of the header, over the table raw_cells_<stem>.
// Two ways in, one result:
// - plain files (valid UTF-8, no quote character, no CR, no blank line; what exports and the synthetic cohorts
//   write) are read by DuckDB's parallel CSV reader, never by JavaScript, into a table that keeps the file's row
//   order, so a row's line is its rowid + 2 (the header is line 1) and no single-threaded numbering is needed;
// - anything else (quoting, CRLF, a byte-order mark, blank or ragged lines, bad bytes) goes through the streaming
//   RFC 4180 reader of csv.ts, which locates every file-level problem, and reaches DuckDB as newline-delimited JSON.
// A plain file on which DuckDB's reader fails (a ragged row) is read again the second way, so that every
// file-level problem has one implementation (csv.ts). DuckDB reads while JavaScript hashes the bytes and checks that
// the file is plain: one pass each, side by side.
import {createHash} from "node:crypto";
import {createReadStream, createWriteStream} from "node:fs";
import {stat} from "node:fs/promises";
import {join} from "node:path";
import {isUtf8} from "node:buffer";
import type {Engine} from "../engine.js";
import {checkHeader, emptyReport, readCsv} from "./csv.js";
import type {Problem} from "./problem.js";
import {ident} from "./rowsql.js";
import type {FileSchema} from "./schema.js";

export interface FileSummary {
  file: string;
  /** Data rows read (header excluded); 0 for study.json. */
  rows: number;
  /** SHA-256 of the file's bytes; empty if the file could not be read to its end. */
  sha256: string;
  bytes: number;
}

export interface RawFile {
  summary: FileSummary;
  /** File-level problems (csv.ts rules). */
  problems: Problem[];
  /** A file-level problem that makes the rules across files meaningless (missing file or column, …). */
  structural: boolean;
  /** How the file was read. */
  path: "duckdb" | "stream";
}

interface Scan {
  bytes: number;
  sha256: string;
  plain: boolean;
}

const NL = 0x0a;

/** Bytes up to the last complete UTF-8 sequence (a chunk may end inside one). */
function completeUtf8(buffer: Buffer): number {
  let back = 0;
  while (back < 3 && back < buffer.length && (buffer[buffer.length - 1 - back]! & 0xc0) === 0x80) back++;
  const leadAt = buffer.length - 1 - back;
  if (leadAt < 0) return buffer.length;
  const lead = buffer[leadAt]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return size > back + 1 ? leadAt : buffer.length;
}

/** The first line of the file (at most 1 MiB), without its newline; "" for an empty file. */
export async function firstLine(path: string): Promise<string> {
  let head = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 16})) {
    head = Buffer.concat([head, chunk as Buffer]);
    const end = head.indexOf(NL);
    if (end >= 0) return head.subarray(0, end).toString("utf8");
    if (head.length > 1 << 20) break;
  }
  return head.toString("utf8");
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** One streaming pass over the bytes: digest, size, and whether DuckDB can read the file as is. */
export async function scan(path: string): Promise<Scan> {
  const hash = createHash("sha256");
  let bytes = 0;
  let plain = true;
  let carry = Buffer.alloc(0);
  let last = NL; // a blank first line counts as blank
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 22})) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    // A byte-order mark: the streaming reader knows what to do.
    if (bytes === 0 && buffer.subarray(0, 3).equals(BOM)) plain = false;
    bytes += buffer.length;
    if (!plain) continue;
    const text = carry.length > 0 ? Buffer.concat([carry, buffer]) : buffer;
    const complete = completeUtf8(text);
    carry = Buffer.from(text.subarray(complete));
    plain = isUtf8(text.subarray(0, complete)) && buffer.indexOf(0x22) < 0 && buffer.indexOf(0x0d) < 0 &&
      buffer.indexOf("\n\n") < 0 && !(last === NL && buffer[0] === NL);
    last = buffer[buffer.length - 1]!;
  }
  // A trailing blank line or an empty file: the streaming reader knows what to do.
  plain &&= carry.length === 0 && bytes > 0;
  return {bytes, sha256: hash.digest("hex"), plain};
}

/** raw_<stem> over a raw_cells_<stem> table that holds its own line numbers, empty (a file that could not be read). */
async function emptyRaw(engine: Engine, schema: FileSchema): Promise<void> {
  const columns = schema.columns.map((c) => `${ident(c.name)} VARCHAR`).join(", ");
  await engine.sql(`CREATE OR REPLACE TEMP TABLE raw_cells_${schema.stem} (line INTEGER, ${columns})`);
  await engine.sql(`CREATE OR REPLACE TEMP VIEW raw_${schema.stem} AS SELECT * FROM raw_cells_${schema.stem}`);
}

/**
 * Binds the path of a plain file and returns the query of its cells as DuckDB's reader gives them: one VARCHAR per
 * column of `schema` ('' for an empty cell), whatever the column order of `header`.
 */
export async function plainCells(engine: Engine, path: string, header: readonly string[], schema: FileSchema): Promise<string> {
  await engine.sql(`SET VARIABLE path_${schema.stem} = $path`, {path});
  const columns = header.map((name) => [name, "VARCHAR"] as const);
  return `SELECT ${schema.columns.map((c) => `coalesce(${ident(c.name)}, '') AS ${ident(c.name)}`).join(", ")}
    FROM ${plainCsv(`path_${schema.stem}`, columns)}`;
}

/** The plain way: DuckDB's CSV reader into a table in file order (it fails on a ragged row: see readRaw). */
async function plainRaw(engine: Engine, path: string, header: string[], schema: FileSchema): Promise<void> {
  const stem = schema.stem;
  const cells = await plainCells(engine, path, header, schema);
  // rowid must be the row's position in the file (DuckDB's default; deriveAdam turns it off for the ADaM tables).
  await engine.sql("SET preserve_insertion_order = true");
  await engine.sql(`CREATE OR REPLACE TEMP TABLE raw_cells_${stem} AS ${cells}`);
  await engine.sql(`CREATE OR REPLACE TEMP VIEW raw_${stem} AS
    SELECT CAST(rowid + 2 AS INTEGER) AS line, * FROM raw_cells_${stem}`);
}

/** Frees raw_<stem> once the typed table is loaded and its problems located. */
export async function dropRaw(engine: Engine, schema: FileSchema): Promise<void> {
  await engine.sql(`DROP VIEW IF EXISTS raw_${schema.stem}; DROP TABLE IF EXISTS raw_cells_${schema.stem}`);
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * DuckDB's reader of a plain file (no quoting: what the plain check admits) whose path is in VARIABLE `pathVariable`,
 * with the file's columns in order as [name, DuckDB type]; the header line is skipped, not interpreted.
 */
export function plainCsv(pathVariable: string, columns: readonly (readonly [string, string])[]): string {
  const struct = columns.map(([name, type]) => `${sqlText(name)}: ${sqlText(type)}`).join(", ");
  return `read_csv(getvariable(${sqlText(pathVariable)}), header = false, skip = 1, auto_detect = false, delim = ',',
      quote = '', escape = '', columns = {${struct}})`;
}

/** The streaming way: csv.ts reads and locates; its rows go to DuckDB as newline-delimited JSON. */
async function streamedRaw(
  engine: Engine, path: string, schema: FileSchema, scratch: string
): Promise<Omit<RawFile, "path">> {
  const report = emptyReport();
  const json = join(scratch, `${schema.stem}.ndjson`);
  const out = createWriteStream(json);
  const names = schema.columns.map((c) => c.name);
  for await (const batch of readCsv(path, schema.file, names, report)) {
    const text = batch.map(({line, values}) => JSON.stringify({line, v: names.map((n) => values[n])})).join("\n");
    if (!out.write(text + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  await emptyRaw(engine, schema);
  if (report.rows > 0) {
    await engine.sql(`SET VARIABLE path_${schema.stem} = $path`, {path: json});
    await engine.sql(`INSERT INTO raw_cells_${schema.stem} SELECT line, ${names.map((_, i) => `v[${i + 1}]`).join(", ")}
      FROM read_json(getvariable('path_${schema.stem}'), format = 'newline_delimited',
        columns = {line: 'INTEGER', v: 'VARCHAR[]'})`);
  }
  return {
    summary: {file: schema.file, rows: report.rows, sha256: report.sha256, bytes: report.bytes},
    problems: report.problems,
    structural: report.problems.length > 0
  };
}

/** raw_<stem> for the file of `schema` in `dir`, with its summary and file-level problems. */
export async function readRaw(engine: Engine, dir: string, schema: FileSchema, scratch: string): Promise<RawFile> {
  const path = join(dir, schema.file);
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    await emptyRaw(engine, schema);
    return {
      summary: {file: schema.file, rows: 0, sha256: "", bytes: 0},
      problems: [{file: schema.file, rule: "missing-file", message: `${schema.file} is required in the cohort directory`}],
      structural: true,
      path: "stream"
    };
  }
  const header = (await firstLine(path)).split(",");
  const problems: Problem[] = [];
  const headerOk = checkHeader(header, 1, schema.columns.map((c) => c.name),
    (rule, message, at) => problems.push({file: schema.file, ...at, rule, message}));
  const [scanned, loaded] = await Promise.all([
    scan(path),
    headerOk ? plainRaw(engine, path, header, schema).then(() => true, () => false) : Promise.resolve(false)
  ]);
  if (scanned.plain && !headerOk) {
    await emptyRaw(engine, schema);
    return {summary: {file: schema.file, rows: 0, sha256: "", bytes: scanned.bytes}, problems, structural: true,
      path: "duckdb"};
  }
  if (scanned.plain && loaded) {
    return {summary: {file: schema.file, rows: 0, sha256: scanned.sha256, bytes: scanned.bytes}, problems: [],
      structural: false, path: "duckdb"};
  }
  return {...(await streamedRaw(engine, path, schema, scratch)), path: "stream"};
}
