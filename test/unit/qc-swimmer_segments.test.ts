import assert from "node:assert/strict";
import {test} from "node:test";
import * as segments from "../../src/core/qc/swimmer_segments.js";
import {rowOf, runTwin} from "../fixtures/qc.js";

test("treatment segments in study days", async () => {
  const table = (await runTwin(segments)).rows["swimmer.segments"]!;
  // patient 1: Day 1 = 2019-05-13; RT 2019-06-03 → day 22, 2019-07-10 → day 59; RFA 2019-05-26 → day 14
  assert.deepEqual(rowOf(table, {USUBJID: 1, kind: "crt"}), {USUBJID: 1, kind: "crt", start_day: 22, end_day: 59});
  assert.deepEqual(rowOf(table, {USUBJID: 1, kind: "liver_rfa"}), {USUBJID: 1, kind: "liver_rfa", start_day: 14, end_day: 14});
  // induction 2019-05-13 to -15: days 1 to 3 (Day 1 is day 1); consolidation chemotherapy is not a segment
  assert.equal(rowOf(table, {USUBJID: 1, kind: "induction", start_day: 1})!.end_day, 3);
  assert.equal(table.rows.some((r) => r.kind === "consolidation"), false);
});
