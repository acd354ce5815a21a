// Property-based fuzzing of the validator (fast-check): random corruptions of the shipped cohort (a cell, whole
// lines, bytes and encodings, truncation, a missing file) never crash it, and it always answers either "valid" with
// no problem or a problem list in which every problem names a cohort file, a known rule and, for every rule about
// rows, a line of that file. The command-line entry points print nothing and write nothing for such a cohort.
// Runs are reproducible: FUZZ_SEED picks another sample (fast-check prints the seed and the case that failed).
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import fc from "fast-check";
import {formatProblem, RULES, validateCohort, type Problem} from "../../src/core/cohort/validate.js";
import {KEY_RULES, ROW_RULES, SCHEMAS} from "../../src/core/cohort/schema.js";
import {CROSS_RULES} from "../../src/core/cohort/validate.js";
import {DEMO_COHORT} from "../fixtures/cohort.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SEED = Number(process.env.FUZZ_SEED ?? 20240306);
const FILES = [...SCHEMAS.map((s) => s.file), "study.json"];
const DEMO = new Map(FILES.map((file) => [file, readFileSync(join(DEMO_COHORT, file))]));
/** Rules that are always about a row, so their problems must name its line. */
const ROW_LEVEL = new Set([...Object.keys(ROW_RULES), ...Object.keys(KEY_RULES), ...Object.keys(CROSS_RULES)]);

const scratch = mkdtempSync(join(tmpdir(), "validate-fuzz-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

type Corruption =
  | {kind: "cell"; file: string; line: number; column: number; value: string}
  | {kind: "delete-line" | "duplicate-line"; file: string; line: number}
  | {kind: "swap-lines"; file: string; line: number; other: number}
  | {kind: "insert-bytes"; file: string; at: number; bytes: Uint8Array}
  | {kind: "truncate"; file: string; at: number}
  | {kind: "crlf" | "bom" | "remove"; file: string};

/** Cell values that have broken parsers before: numbers at the edges, impossible dates, quotes, formulas, NUL. */
const NASTY = ["", " ", "-1", "0", "1e3", "NaN", "Infinity", "2020-02-30", "2019-13-01", "20200101", "999999999999",
  '"', '""', "a,b", '"quoted"', "=1+1", "@SUM(A1)", "<script>alert(1)</script>", "é", "\u0000", "\t", "\r",
  "x".repeat(300), "1-01", "01", "M1", "CR", "PROGRESSION", "DOSE REDUCED"];

const index = fc.nat({max: 1000});
const file = fc.constantFrom(...FILES);
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({kind: fc.constant("cell" as const), file, line: index, column: index,
    value: fc.oneof(fc.constantFrom(...NASTY), fc.string({unit: "binary", maxLength: 20}), fc.string({maxLength: 20}))}),
  fc.record({kind: fc.constantFrom("delete-line" as const, "duplicate-line" as const), file, line: index}),
  fc.record({kind: fc.constant("swap-lines" as const), file, line: index, other: index}),
  fc.record({kind: fc.constant("insert-bytes" as const), file, at: index,
    bytes: fc.oneof(fc.constantFrom(Uint8Array.of(0xc3, 0x28), Uint8Array.of(0xff), Uint8Array.of(0), Uint8Array.of(0x0a),
      Uint8Array.of(0x22), Uint8Array.of(0x2c)), fc.uint8Array({minLength: 1, maxLength: 8}))}),
  fc.record({kind: fc.constant("truncate" as const), file, at: index}),
  fc.record({kind: fc.constantFrom("crlf" as const, "bom" as const, "remove" as const), file})
);

/** The file's bytes after the corruption, or undefined when it is removed. Indices wrap around the file. */
function corrupt(bytes: Buffer, c: Corruption): Buffer | undefined {
  const lines = bytes.toString("utf8").split("\n");
  const data = (i: number) => 1 + (i % Math.max(1, lines.length - 1)); // a line after the header
  const text = (edited: string[]) => Buffer.from(edited.join("\n"));
  switch (c.kind) {
    case "cell": {
      const at = data(c.line);
      const fields = (lines[at] ?? "").split(",");
      fields[c.column % fields.length] = c.value;
      return text(lines.with(at, fields.join(",")));
    }
    case "delete-line":
      return text(lines.toSpliced(data(c.line), 1));
    case "duplicate-line":
      return text(lines.toSpliced(data(c.line), 0, lines[data(c.line)]!));
    case "swap-lines": {
      const [a, b] = [data(c.line), data(c.other)];
      return text(lines.with(a, lines[b]!).with(b, lines[a]!));
    }
    case "insert-bytes": {
      const at = c.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), c.bytes, bytes.subarray(at)]);
    }
    case "truncate":
      return bytes.subarray(0, c.at % bytes.length);
    case "crlf":
      return Buffer.from(bytes.toString("utf8").replaceAll("\n", "\r\n"));
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case "remove":
      return undefined;
  }
}

let runs = 0;
/** A fresh cohort directory: the demo cohort with the corruptions applied in order. */
function cohortWith(corruptions: readonly Corruption[]): string {
  const dir = join(scratch, `c${runs++}`);
  mkdirSync(dir);
  const files = new Map<string, Buffer | undefined>(DEMO);
  for (const c of corruptions) {
    const bytes = files.get(c.file);
    if (bytes !== undefined) files.set(c.file, corrupt(bytes, c));
  }
  for (const [name, bytes] of files) if (bytes !== undefined) writeFileSync(join(dir, name), bytes);
  return dir;
}

function checkProblem(dir: string, p: Problem): void {
  const what = formatProblem(p);
  assert.ok(FILES.includes(p.file), `names a cohort file: ${what}`);
  assert.ok(p.rule in RULES, `a documented rule: ${what}`);
  assert.ok(typeof p.message === "string" && p.message.length > 0, `says what the rule requires: ${what}`);
  assert.ok(what.startsWith(`${p.file}:`), what);
  if (ROW_LEVEL.has(p.rule)) assert.notEqual(p.line, undefined, `a row rule names its line: ${what}`);
  if (p.line !== undefined) {
    const lines = readFileSync(join(dir, p.file)).toString("latin1").split("\n").length;
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines, `line ${p.line} of ${lines}: ${what}`);
  }
}

test("random corruptions of the cohort: a valid cohort or located problems, never a crash", async () => {
  let invalid = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(corruption, {minLength: 1, maxLength: 3}), async (corruptions) => {
      const dir = cohortWith(corruptions);
      try {
        const {study, problems} = await validateCohort(dir);
        if (study) {
          assert.deepEqual(problems, []);
        } else {
          assert.ok(problems.length > 0, "no study and no problem");
          problems.forEach((p) => checkProblem(dir, p));
          invalid++;
        }
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    }),
    {seed: SEED, numRuns: 60}
  );
  // Most corruptions must be caught: a validator that accepted everything would pass the checks above.
  assert.ok(invalid >= 40, `only ${invalid} of 60 corrupted cohorts were invalid`);
});

test("on a corrupted cohort the commands print every problem, nothing on stdout, and write nothing", () => {
  // Patient 3's age (patients.csv line 4) is made invalid, so each sample is invalid whatever else it breaks.
  const elsewhere = fc.array(corruption.filter((c) => c.file !== "patients.csv"), {minLength: 1, maxLength: 3});
  for (const corruptions of fc.sample(elsewhere, {seed: SEED + 1, numRuns: 3})) {
    const dir = cohortWith([...corruptions, {kind: "cell", file: "patients.csv", line: 2, column: 2, value: "17"}]);
    const out = join(scratch, `out${runs++}`);
    mkdirSync(out);
    writeFileSync(join(out, "kept.txt"), "an earlier output\n");
    for (const args of [["results", "--data", dir], ["datasets", "--data", dir, "--out", out]]) {
      const r = spawnSync("npm", ["run", "--silent", ...args.slice(0, 1), "--", ...args.slice(1)], {cwd: ROOT, encoding: "utf8"});
      assert.equal(r.stdout, "", `${args[0]} printed on stdout`);
      assert.notEqual(r.status, 0, `${args[0]} exited 0`);
      assert.match(r.stderr, /patients\.csv:4:AGE: value "17" breaks rule age-range/, args[0]);
      assert.doesNotMatch(r.stderr, /\n\s+at /, `${args[0]} printed a stack trace`);
    }
    assert.deepEqual(readdirSync(out), ["kept.txt"]);
    assert.equal(readFileSync(join(out, "kept.txt"), "utf8"), "an earlier output\n");
  }
});
