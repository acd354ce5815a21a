// The CSV reader: RFC 4180 quoting, line numbers, file-level problems, a 50 MB file streamed through the whole
// validation, and an 80 MB plain file read by DuckDB in parallel with its problems on their physical lines.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {CsvRecordParser, emptyReport, readCsv, type CsvRow} from "../../src/core/cohort/csv.js";
import {formatProblem} from "../../src/core/cohort/problem.js";
import {loadCohort, validateCohort} from "../../src/core/cohort/validate.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";

const tmp = mkdtempSync(join(tmpdir(), "csv-"));
after(() => rmSync(tmp, {recursive: true, force: true}));

async function read(text: string | Buffer, columns = ["A", "B", "C"]) {
  const path = join(tmp, "t.csv");
  writeFileSync(path, text);
  const report = emptyReport();
  const rows: CsvRow[] = [];
  for await (const batch of readCsv(path, "t.csv", columns, report)) for (const row of batch) rows.push(row);
  return {rows, report, problems: report.problems.map(formatProblem)};
}

test("the record parser splits quoted commas, doubled quotes and quoted line breaks", () => {
  const parser = new CsvRecordParser();
  assert.deepEqual(parser.feed('1,"a, ""b""",c', 2), {fields: ["1", 'a, "b"', "c"], badQuote: false});
  assert.deepEqual(parser.feed('2,"first', 3), undefined);
  assert.equal(parser.unterminated, true);
  assert.deepEqual(parser.feed('second",""', 4), {fields: ["2", "first\nsecond", ""], badQuote: false});
  assert.equal(parser.startLine, 3);
  assert.deepEqual(parser.feed("x,,", 5), {fields: ["x", "", ""], badQuote: false});
  assert.deepEqual(parser.feed('"a"b,c', 6)?.badQuote, true);
});

test("rows carry the line they start on; CRLF and a BOM are invisible", async () => {
  const {rows, problems, report} = await read('\uFEFFA,B,C\r\n1,"two\r\nlines",3\r\n4,5,6\r\n\r\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(rows, [
    {line: 2, values: {A: "1", B: "two\nlines", C: "3"}},
    {line: 4, values: {A: "4", B: "5", C: "6"}}
  ]);
  assert.equal(report.rows, 2);
});

test("file-level problems are located", async () => {
  assert.deepEqual((await read("")).problems, [
    "t.csv: breaks rule empty-file (t.csv must start with the header line A,B,C)"
  ]);
  assert.deepEqual((await read("\n\n")).problems, [
    "t.csv: breaks rule empty-file (t.csv must start with the header line A,B,C)"
  ]);
  assert.deepEqual((await read("A,B,C\n")).rows, []);
  assert.deepEqual((await read("A,B,C\n1,2\n3,4,5,6\n7,8,9\n")).problems, [
    "t.csv:2: breaks rule ragged-row (expected 3 fields as in the header, found 2)",
    "t.csv:3: breaks rule ragged-row (expected 3 fields as in the header, found 4)"
  ]);
  assert.deepEqual((await read('A,B,C\n1,"2,3\n4,5,6\n')).problems, [
    "t.csv:2: breaks rule unterminated-quote (a quoted field is never closed)"
  ]);
  assert.deepEqual((await read("A,C,D\n")).problems, [
    "t.csv:1:D: breaks rule unknown-column (not a column of this file; expected A,B,C)",
    "t.csv:1:B: breaks rule missing-column (column missing from the header)"
  ]);
  const missing = emptyReport();
  for await (const _ of readCsv(join(tmp, "absent.csv"), "absent.csv", ["A"], missing)) assert.fail("no rows");
  assert.deepEqual(missing.problems.map(formatProblem), [
    "absent.csv: breaks rule missing-file (absent.csv is required in the cohort directory)"
  ]);
});

test("invalid UTF-8 is located on its line, even across read chunks", async () => {
  const head = Buffer.from(`A,B,C\n${"1,2,3\n".repeat(300_000)}`); // 1.8 MB: more than one chunk
  const {problems} = await read(Buffer.concat([head, Buffer.from([0x34, 0xc3, 0x28]), Buffer.from(",5,6\n")]));
  assert.deepEqual(problems, ["t.csv:300002: breaks rule invalid-utf8 (the file must be encoded as UTF-8)"]);
});

test("a 50 MB adverse_events.csv streams through the whole validation", async () => {
  const dir = makeCohort();
  after(() => removeCohort(dir));
  const path = join(dir, "adverse_events.csv");
  // Quoted commas, doubled quotes and non-ASCII text in every row exercise the slow path; the numbered term keeps
  // each row its own adverse event (the file's key).
  const term = (i: number) => `"Træthed, grad 2 – ""fatigue"" ${"x".repeat(143)} ${String(i).padStart(6, "0")}"`;
  const row = (i: number) => `4,${term(i)},Fatigue,2,2020-04-05,CHEMOTHERAPY,DOSE REDUCED\n`;
  const rows = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(row(0)) / 1000) * 1000;
  const out = createWriteStream(path);
  out.write("USUBJID,AETERM,AEDECOD,AETOXGR,AESTDTC,AEREL,AEACN\n");
  for (let start = 0; start < rows; start += 1000) {
    let block = "";
    for (let i = start; i < start + 1000; i++) block += row(i);
    out.write(block);
  }
  await new Promise((resolve) => out.end(resolve));

  const {problems, summary} = await validateCohort(dir);
  assert.deepEqual(problems, []);
  const file = summary.files.find((f) => f.file === "adverse_events.csv")!;
  assert.equal(file.rows, rows);
  assert.ok(file.bytes > 50 * 1024 * 1024);
  assert.equal(file.sha256, createHash("sha256").update(readFileSync(path)).digest("hex"));
  assert.equal((await loadCohort(dir)).adverse_events.at(-1)!.AETERM,
    `Træthed, grad 2 – "fatigue" ${"x".repeat(143)} ${String(rows - 1).padStart(6, "0")}`);
});

// A plain file (no quotes) goes through DuckDB's parallel reader, where a row's line is its position in the file
// (read.ts): problems deep in a file of several reader buffers must still name their physical lines.
test("an 80 MB plain adverse_events.csv: problems deep in the file keep their line numbers", async () => {
  const dir = makeCohort();
  after(() => removeCohort(dir));
  const path = join(dir, "adverse_events.csv");
  // The line number in the term keeps each row its own adverse event (the file's key).
  const row = (line: number, grade: number) =>
    `4,Fatigue grade 2 ${"x".repeat(143)} ${String(line).padStart(6, "0")},Fatigue,${grade},2020-04-05,CHEMOTHERAPY,DOSE REDUCED\n`;
  const rows = Math.ceil((80 * 1024 * 1024) / Buffer.byteLength(row(0, 2)) / 1000) * 1000;
  const bad = [3, Math.floor(rows * 0.6) + 1, rows + 1]; // physical lines (the header is line 1)
  const out = createWriteStream(path);
  out.write("USUBJID,AETERM,AEDECOD,AETOXGR,AESTDTC,AEREL,AEACN\n");
  for (let start = 2; start <= rows + 1; start += 1000) {
    let block = "";
    for (let line = start; line < start + 1000; line++) block += row(line, bad.includes(line) ? 7 : 2);
    out.write(block);
  }
  await new Promise((resolve) => out.end(resolve));

  const {problems, summary} = await validateCohort(dir);
  assert.equal(summary.files.find((f) => f.file === "adverse_events.csv")!.rows, rows);
  assert.deepEqual(problems.map(({file, line, column, value, rule}) => ({file, line, column, value, rule})),
    bad.map((line) => ({file: "adverse_events.csv", line, column: "AETOXGR", value: "7", rule: "aetoxgr-range"})));
});
