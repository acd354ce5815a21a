import assert from "node:assert/strict";
import {test} from "node:test";
import * as followup from "../../src/core/qc/followup.js";
import {close, MONTH, runTwin} from "../fixtures/qc.js";

test("follow-up: simple median and range, reverse Kaplan–Meier median", async () => {
  const {stats} = await runTwin(followup);
  const f = stats["tte.followup"]!;
  // Day 1 → death/last contact: 472 390 300 563 880 1093 days; median (472 + 563)/2 = 517.5 days = 17.0 months
  assert.equal(f.n, 6);
  close(f.median, 517.5 / MONTH);
  close(f.min, 300 / MONTH); // 9.86
  close(f.max, 1093 / MONTH); // 35.91
  // reverse KM: alive at 880 and 1093 → S = 0.5 from 880 → median (880 + 1093)/2 = 986.5 days
  close(f.km_median, 986.5 / MONTH);
});
