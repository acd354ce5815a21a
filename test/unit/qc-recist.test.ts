import assert from "node:assert/strict";
import {test} from "node:test";
import {bestOverallResponse, firstResponseDate, type Assessment} from "../../src/core/qc/lib/recist.js";

// Day 1 is day number 0 below; dates are days after it.
const at = (...pairs: [number, string][]): Assessment[] => pairs.map(([date, response]) => ({date, response}));

test("CR confirmed by a CR ≥ 28 days later; PR confirmed by PR or CR", () => {
  assert.equal(bestOverallResponse(at([60, "PR"], [95, "PR"], [180, "CR"], [270, "CR"]), 0), "CR");
  assert.equal(bestOverallResponse(at([60, "PR"], [88, "CR"]), 0), "PR"); // 28 days: PR confirmed by CR
  assert.equal(bestOverallResponse(at([60, "PR"], [180, "CR"], [200, "CR"]), 0), "PR"); // CR only 20 days apart
});

test("unconfirmed responses count as SD after 42 days, else PD or NE", () => {
  assert.equal(bestOverallResponse(at([60, "PR"], [87, "PR"]), 0), "SD"); // 27 days: not confirmed
  assert.equal(bestOverallResponse(at([42, "SD"], [70, "PD"]), 0), "SD"); // SD exactly 42 days after Day 1
  assert.equal(bestOverallResponse(at([41, "SD"], [70, "PD"]), 0), "PD"); // SD too early
  assert.equal(bestOverallResponse(at([30, "SD"]), 0), "NE");
  assert.equal(bestOverallResponse([], 0), "NE");
});

test("assessments after the first PD do not count", () => {
  assert.equal(bestOverallResponse(at([30, "PD"], [90, "PR"], [150, "PR"]), 0), "PD");
  assert.equal(firstResponseDate(at([30, "PD"], [90, "PR"])), null);
  assert.equal(firstResponseDate(at([150, "PR"], [60, "SD"], [100, "PR"])), 100);
});
