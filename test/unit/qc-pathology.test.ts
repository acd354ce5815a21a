import assert from "node:assert/strict";
import {test} from "node:test";
import * as pathology from "../../src/core/qc/pathology.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {runTwin} from "../fixtures/qc.js";

test("margins and ypT0 among the operated: patients 1 (R0 ypT0), 4 (R1 ypT3), 5 (R0 ypT1), 6 (R0 ypT0)", async () => {
  const {stats} = await runTwin(pathology);
  assert.deepEqual(stats, {
    "table1.resection.r0": {n: 3, pct: 75},
    "table1.resection.r1": {n: 1, pct: 25},
    "response.ypt0": {n: 2, pct: 50},
  });
});

test("the denominator is the operated patients, not the cohort", async () => {
  // patient 5's resection dropped: 3 operated, R0 2 of 3, ypT0 still patients 1 and 6
  const dir = makeCohort([{file: "treatments.csv", replace: "5-06,5,PRIMARY_SURGERY,SURGERY,2021-02-28,2021-02-28,,,,,,,,,,ABDOMINOPERINEAL_RESECTION,R0,ypT1\n", with: ""}]);
  try {
    const {stats} = await runTwin(pathology, dir);
    assert.deepEqual(stats["table1.resection.r0"], {n: 2, pct: 200 / 3});
    assert.deepEqual(stats["response.ypt0"], {n: 2, pct: 200 / 3});
  } finally {
    removeCohort(dir);
  }
});
