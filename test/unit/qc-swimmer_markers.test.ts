import assert from "node:assert/strict";
import {test} from "node:test";
import * as markers from "../../src/core/qc/swimmer_markers.js";
import {rowOf, runTwin} from "../fixtures/qc.js";

test("markers: first response, a later first CR, progression by site, death", async () => {
  const table = (await runTwin(markers)).rows["swimmer.markers"]!;
  // patient 1: first PR 2019-07-26 → day 75; progression (distant) 2020-03-28 → day 321; death → day 472
  assert.deepEqual(rowOf(table, {USUBJID: 1, kind: "response"}), {USUBJID: 1, kind: "response", day: 75, label: "PR"});
  assert.equal(rowOf(table, {USUBJID: 1, kind: "progression_distant"})!.day, 321);
  assert.equal(rowOf(table, {USUBJID: 1, kind: "death"})!.day, 472);
  // patient 6: first PR 2020-06-22, first CR 2021-02-22; Day 1 = 2020-03-30 → CR on day 329 + 1 = 330
  assert.deepEqual(rowOf(table, {USUBJID: 6, kind: "complete_response"}), {USUBJID: 6, kind: "complete_response", day: 330, label: "CR"});
  // a first response of CR is the response marker alone: no patient but 6 has a later CR
  assert.deepEqual(table.rows.filter((r) => r.kind === "complete_response").map((r) => r.USUBJID), [6]);
  // patient 3: locoregional and two distant progressions on one day (day 70)
  assert.deepEqual(table.rows.filter((r) => r.USUBJID === 3).map((r) => `${r.kind}@${r.day}`),
    ["progression_locoregional@70", "progression_distant@70", "progression_distant@70", "death@300"]);
});
