// RFC 4180 CSV reading, streamed line by line so that large files never sit in memory as
// one string. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF
// both end a line; a UTF-8 byte-order mark is dropped; blank lines at the end are ignored.
// Every row keeps the 1-based physical line it starts on, so problems can be located.
import {createHash} from "node:crypto";
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import type {Problem} from "./problem.js";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Filled in while the rows are read; complete once the generator is exhausted. */
export interface CsvReport {
  bytes: number;
  sha256: string;
  rows: number;
  problems: Problem[];
}

export function emptyReport(): CsvReport {
  return {bytes: 0, sha256: "", rows: 0, problems: []};
}

/** File-level rules, checked while reading. */
export const CSV_RULES = {
  "missing-file": "every cohort file is present",
  "empty-file": "a file holds at least its header line",
  "missing-column": "the header holds every column of the file",
  "unknown-column": "the header holds no other column",
  "duplicate-column": "no column appears twice in the header",
  "ragged-row": "every row has as many fields as the header",
  "bad-quote": "quoted fields follow RFC 4180 (whole field quoted, inner quotes doubled)",
  "unterminated-quote": "every quoted field is closed",
  "blank-line": "no blank line between rows (blank lines at the end are ignored)",
  "invalid-utf8": "files are UTF-8"
} as const;

const QUOTE = 34;

/** Splits physical lines into records; a quoted field left open continues on the next line. */
export class CsvRecordParser {
  private fields: string[] = [];
  private field = "";
  private inQuotes = false;
  private badQuote = false;
  /** First line of the record being read. */
  startLine = 0;

  /** Feeds one physical line; returns the record it completes, if any, and whether its quoting was malformed. */
  feed(line: string, lineNo: number): {fields: string[]; badQuote: boolean} | undefined {
    let atFieldStart = !this.inQuotes;
    if (this.inQuotes) {
      this.field += "\n";
    } else {
      this.startLine = lineNo;
      this.fields = [];
      this.field = "";
      this.badQuote = false;
      if (!line.includes('"')) return {fields: line.split(","), badQuote: false};
    }
    let i = 0;
    let justClosed = false;
    for (;;) {
      if (this.inQuotes) {
        const j = line.indexOf('"', i);
        if (j < 0) {
          this.field += line.slice(i);
          return undefined;
        }
        this.field += line.slice(i, j);
        if (line.charCodeAt(j + 1) === QUOTE) {
          this.field += '"';
          i = j + 2;
          continue;
        }
        this.inQuotes = false;
        justClosed = true;
        i = j + 1;
        continue;
      }
      if (atFieldStart && line.charCodeAt(i) === QUOTE) {
        this.inQuotes = true;
        atFieldStart = false;
        i += 1;
        continue;
      }
      const comma = line.indexOf(",", i);
      const segment = line.slice(i, comma < 0 ? line.length : comma);
      // Text after a closing quote, or a quote inside an unquoted field, is not RFC 4180.
      if ((justClosed && segment !== "") || segment.includes('"')) this.badQuote = true;
      this.fields.push(this.field + segment);
      this.field = "";
      justClosed = false;
      if (comma < 0) return {fields: this.fields, badQuote: this.badQuote};
      i = comma + 1;
      atFieldStart = true;
    }
  }

  /** True when the input ended inside a quoted field. */
  get unterminated(): boolean {
    return this.inQuotes;
  }
}

class InvalidUtf8 extends Error {
  constructor(readonly line: number) {
    super(`invalid UTF-8 on line ${line}`);
  }
}

/** Physical lines of a file, a chunk at a time, decoded as strict UTF-8 and hashed as they stream. */
async function* physicalLines(path: string, report: CsvReport): AsyncGenerator<string[]> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", {fatal: true});
  let rest = "";
  let first = true;
  let yielded = 0;
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 20})) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    report.bytes += bytes.length;
    let text: string;
    try {
      text = decoder.decode(bytes, {stream: true});
    } catch {
      // Locate the first undecodable byte by decoding leniently up to it.
      const lenient = rest + new TextDecoder("utf-8").decode(bytes);
      const before = lenient.slice(0, lenient.indexOf("\uFFFD"));
      throw new InvalidUtf8(yielded + before.split("\n").length);
    }
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const lines = (rest + text).split("\n");
    rest = lines.pop()!;
    yielded += lines.length;
    yield lines.map(dropCR);
  }
  rest += decoder.decode();
  report.sha256 = hash.digest("hex");
  if (rest !== "") yield [dropCR(rest)];
}

const dropCR = (line: string) => (line.endsWith("\r") ? line.slice(0, -1) : line);

/**
 * Reads `path` as a CSV whose header must hold exactly `columns` (in any order) and yields
 * its data rows in batches, one per chunk read. File-level problems (missing or empty file,
 * bad header, ragged rows, bad quoting, invalid UTF-8) go to `report.problems`; rows with
 * such problems are not yielded. A bad header or invalid UTF-8 stops the reading (and
 * leaves `report.sha256` empty).
 */
export async function* readCsv(
  path: string,
  file: string,
  columns: readonly string[],
  report: CsvReport
): AsyncGenerator<CsvRow[]> {
  const problem = (rule: string, message: string, at: Partial<Problem> = {}) =>
    report.problems.push({file, ...at, rule, message});
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    problem("missing-file", `${file} is required in the cohort directory`);
    return;
  }
  const parser = new CsvRecordParser();
  let header: string[] | undefined;
  let lineNo = 0;
  let pendingBlank: number[] = [];
  try {
    for await (const lines of physicalLines(path, report)) {
      const batch: CsvRow[] = [];
      for (const line of lines) {
        lineNo += 1;
        if (line === "" && !parser.unterminated) {
          pendingBlank.push(lineNo);
          continue;
        }
        const record = parser.feed(line, lineNo);
        if (!record) continue;
        const at = parser.startLine;
        for (const blank of pendingBlank) problem("blank-line", "blank line inside the file", {line: blank});
        pendingBlank = [];
        if (record.badQuote) {
          problem("bad-quote", 'a quoted field must be wholly quoted; write a quote inside it as ""', {line: at});
          continue;
        }
        if (!header) {
          header = record.fields;
          if (!checkHeader(header, at, columns, problem)) return;
          continue;
        }
        if (record.fields.length !== header.length) {
          problem("ragged-row", `expected ${header.length} fields as in the header, found ${record.fields.length}`, {
            line: at
          });
          continue;
        }
        const values: Record<string, string> = {};
        for (let c = 0; c < header.length; c++) values[header[c]!] = record.fields[c]!;
        batch.push({line: at, values});
      }
      report.rows += batch.length;
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (!(error instanceof InvalidUtf8)) throw error;
    problem("invalid-utf8", "the file must be encoded as UTF-8", {line: error.line});
    return;
  }
  if (parser.unterminated) {
    problem("unterminated-quote", "a quoted field is never closed", {line: parser.startLine});
  } else if (!header) {
    problem("empty-file", `${file} must start with the header line ${columns.join(",")}`);
  }
}

export function checkHeader(
  header: readonly string[],
  line: number,
  columns: readonly string[],
  problem: (rule: string, message: string, at: Partial<Problem>) => void
): boolean {
  const before = new Set<string>();
  let ok = true;
  for (const name of header) {
    if (before.has(name)) {
      problem("duplicate-column", `column ${name} appears twice in the header`, {line, column: name});
      ok = false;
    } else if (!columns.includes(name)) {
      problem("unknown-column", `not a column of this file; expected ${columns.join(",")}`, {line, column: name});
      ok = false;
    }
    before.add(name);
  }
  for (const name of columns) {
    if (!before.has(name)) {
      problem("missing-column", "column missing from the header", {line, column: name});
      ok = false;
    }
  }
  return ok;
}
