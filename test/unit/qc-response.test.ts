import assert from "node:assert/strict";
import {test} from "node:test";
import * as response from "../../src/core/qc/response.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {close, runTwin} from "../fixtures/qc.js";

test("BOR of the demo cohort: CR 1, PR 3, SD 1, PD 1, NE 0 of 6", async () => {
  const {stats} = await runTwin(response);
  assert.deepEqual(["cr", "pr", "sd", "pd", "ne"].map((bor) => stats[`response.bor.${bor}`]!.n), [1, 3, 1, 1, 0]);
  assert.deepEqual(stats["response.bor.pr"], {n: 3, pct: 50});
  // ORR 4/6 = 66.7%; exact 95% CI 22.28–95.67% (R: binom.test(4, 6))
  const {ci_low, ci_high, ...orr} = stats["response.orr"]!;
  assert.deepEqual(orr, {n: 4, pct: 200 / 3});
  close(ci_low, 22.27781, 1e-5);
  close(ci_high, 95.67281, 1e-5);
});

test("only assessments up to the cut-off count towards BOR", async () => {
  // cut-off 2020-07-01: #1 PR (PRs 2019-07-26 and -08-30, 35 days apart); #2 SD (SD on day 80); #3 PD; #4 PR (PRs
  // 37 days apart); #5 NE (Day 1 after the cut-off); #6 SD (PR 2020-06-22, its confirmation after the cut-off)
  const dir = makeCohort([{file: "study.json", replace: '"2023-04-01"', with: '"2020-07-01"'}]);
  try {
    const {stats} = await runTwin(response, dir);
    assert.deepEqual(["cr", "pr", "sd", "pd", "ne"].map((bor) => stats[`response.bor.${bor}`]!.n), [0, 2, 2, 1, 1]);
    assert.deepEqual([stats["response.orr"]!.n, stats["response.orr"]!.pct], [2, 100 / 3]);
  } finally {
    removeCohort(dir);
  }
});
