// The bench's fused comparator (scripts/bench/fused.sql: the R script's analyses without ADaM tables, docs/scale.md)
// must compute what the report computes, or its time says nothing about the report's. Checked on the demo cohort and
// on a synthetic one, against the report's own analysis files; the bench checks it against R at every N.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {openCohort} from "../../src/core/adam/derive.js";
import {agree} from "../../src/core/agree.js";
import {ROOT} from "../../src/core/engine.js";
import {runAnalyses} from "../../src/core/results/analyses.js";
import {writeCohort} from "../../src/core/synth/write.js";
import {reportVsR, SAME_AS_R} from "../../scripts/bench/agreement.js";

const scratch = mkdtempSync(join(tmpdir(), "bench-fused-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

function fused(dir: string): {n: number; table1: {female: {n: number}}} {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/bench/fused.ts"), dir],
    {cwd: ROOT, encoding: "utf8"});
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

async function report(dir: string) {
  const engine = await openCohort(dir);
  try {
    const outputs = await runAnalyses(engine, {listPatients: false, sampleLanes: false}, SAME_AS_R);
    return [...outputs.values()].flat() as {id: string; stats: Record<string, unknown>}[];
  } finally {
    engine.close();
  }
}

async function assertSame(dir: string) {
  const values = fused(dir);
  const pairs = Object.entries(reportVsR(await report(dir), values));
  assert.equal(pairs.length, 59); // every value the R script prints
  for (const [what, {report, r}] of pairs) assert.ok(agree(report, r), `${what}: report ${report}, fused ${r}`);
  return values;
}

test("fused comparator: the demo cohort's values are the report's", async () => {
  const values = await assertSame(join(ROOT, "data/cohort"));
  // Counted from the file itself: SEX is the second column of patients.csv.
  const rows = readFileSync(join(ROOT, "data/cohort/patients.csv"), "utf8").trim().split("\n").slice(1);
  assert.equal(values.n, rows.length);
  assert.equal(values.table1.female.n, rows.filter((row) => row.split(",")[1] === "F").length);
});

test("fused comparator: a synthetic cohort's values are the report's", async () => {
  const dir = join(scratch, "n400");
  await writeCohort({n: 400, seed: 11, out: dir});
  const values = await assertSame(dir);
  assert.equal(values.n, 400);
});
