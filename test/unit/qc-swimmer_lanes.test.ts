import assert from "node:assert/strict";
import {test} from "node:test";
import * as lanes from "../../src/core/qc/swimmer_lanes.js";
import {rowOf, runTwin} from "../fixtures/qc.js";

test("one lane per patient to the end of follow-up, in study days", async () => {
  const {stats, rows} = await runTwin(lanes);
  const table = rows["swimmer.lanes"]!;
  assert.deepEqual(stats, {"swimmer.lanes": {}});
  // patient 5: Day 1 2020-10-12, alive at the last contact on day 880; patient 1 died on day 472
  assert.deepEqual(rowOf(table, {USUBJID: 5}), {USUBJID: 5, MORPH: "MINEN", BOR: "PR", followup_days: 880, alive: true});
  assert.deepEqual(rowOf(table, {USUBJID: 1}), {USUBJID: 1, MORPH: "SCNEC", BOR: "PR", followup_days: 472, alive: false});
  assert.deepEqual(table.rows.map((r) => r.USUBJID), [1, 2, 3, 4, 5, 6]);
});
