// The bench's typed-read floor (scripts/bench/typed.ts, docs/scale.md): DuckDB reading exactly the cohort columns
// the ADaM SQL uses, with the schema's types. Checked: which columns those are (hand-read from src/sql/adam/), that
// the step reads them from a real cohort, and that the bench prints its ratio with the others.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {SCHEMAS} from "../../src/core/cohort/schema.js";
import {ROOT} from "../../src/core/engine.js";
import {adamSql, usedColumns, withoutComments} from "../../scripts/bench/used-columns.js";

const scratch = mkdtempSync(join(tmpdir(), "bench-typed-"));
after(() => rmSync(scratch, {recursive: true, force: true}));
const schema = (stem: string) => SCHEMAS.find((s) => s.stem === stem)!;

test("used columns: those the ADaM SQL names as a word, comments aside", () => {
  const sql = adamSql();
  // Unused by every ADaM file: the diagnosis date, the distance from the anal verge, the comorbidity text; the
  // episode id, doses, RT technique and surgical procedure; the metastasis number.
  assert.deepEqual(schema("patients").columns.map((c) => c.name).filter((name) => !usedColumns(schema("patients"), sql).includes(name)),
    ["DIAGDT", "AVDIST_CM", "COMORBTX"]);
  assert.equal(usedColumns(schema("metastases"), sql).length, 2);
  assert.ok(!usedColumns(schema("metastases"), sql).includes("METNUM"));
  assert.deepEqual(schema("treatments").columns.map((c) => c.name).filter((name) => !usedColumns(schema("treatments"), sql).includes(name)),
    ["EPISODEID", "PLATDOSE", "PLATDOSU", "ETOPDOSE", "RTTECH", "PROCEDURE"]);
  assert.equal(usedColumns(schema("assessments"), sql).length, schema("assessments").columns.length);
  // A name in a comment is not a use; a longer word containing it is not either.
  assert.deepEqual(usedColumns(schema("patients"), withoutComments("-- SEX\nSELECT USUBJID, SEXES FROM t -- AGE")), ["USUBJID"]);
  assert.deepEqual(usedColumns(schema("patients"), "-- SEX\nSELECT USUBJID"), ["USUBJID", "SEX"]); // comments kept: taken for uses
});

test("the bench's typed step reads those columns, and the bench prints analyses ÷ typed read and validate ÷ scan", () => {
  const json = join(scratch, "bench.json");
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/bench/run.ts"), "--sizes", "40",
    "--steps", "synth,validate,analyses,typed,duckdb", "--dir", scratch, "--json", json], {cwd: ROOT, encoding: "utf8"});
  assert.equal(run.status, 0, run.stderr);
  const typed = JSON.parse(readFileSync(join(scratch, "n40-s1.out", "typed.out"), "utf8"));
  assert.deepEqual(typed.columns.patients, usedColumns(schema("patients"), adamSql()));
  const {runs: [bench]} = JSON.parse(readFileSync(json, "utf8"));
  const wall = (step: string) => bench.steps[step].wall_s as number;
  assert.equal(bench.ratios.analyses_over_typed, wall("analyses") / wall("typed"));
  assert.equal(bench.ratios.validate_over_floor, wall("validate") / wall("duckdb"));
  assert.match(run.stdout, new RegExp(`\\| 40 \\| analyses ÷ typed read \\| \\| ${bench.ratios.analyses_over_typed.toFixed(2)} \\|`));
  assert.match(run.stdout, new RegExp(`\\| 40 \\| validate ÷ scan \\| \\| ${bench.ratios.validate_over_floor.toFixed(2)} \\|`));
  assert.doesNotMatch(run.stdout, /build ÷ R/); // neither step ran
});
