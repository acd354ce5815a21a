import assert from "node:assert/strict";
import {test} from "node:test";
import * as lrtc from "../../src/core/qc/lrtc.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {runTwin} from "../fixtures/qc.js";

test("local–regional control: patients 3 and 4 failed locoregionally, 4 of 6 controlled", async () => {
  assert.deepEqual((await runTwin(lrtc)).stats, {"control.lrtc": {n: 4, pct: 200 / 3}});
});

test("a distant progression turned locoregional is a failure", async () => {
  const dir = makeCohort([{file: "events.csv", replace: "1,PROGRESSION,2020-03-28,DISTANT,", with: "1,PROGRESSION,2020-03-28,LOCOREGIONAL,"}]);
  try {
    assert.deepEqual((await runTwin(lrtc, dir)).stats, {"control.lrtc": {n: 3, pct: 50}});
  } finally {
    removeCohort(dir);
  }
});
