// The swimmer plot at any N: stage from the stage results' patient lists, and the note that
// says how many of the cohort's patients are drawn, in which order.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {SwimmerLane} from "../../src/core/results/rows.js";
import {laneNote, layoutLanes, withStage, type Layout} from "../../src/core/results/swimmer-layout.js";

const lane = (USUBJID: number, MORPH: string, followup_days: number): SwimmerLane => ({USUBJID, MORPH, BOR: "PR", followup_days, alive: true});
const lanes = [lane(1, "SCNEC", 470), lane(2, "MINEN", 390), lane(3, "MINEN", 300), lane(4, "LCNEC", 564)];
const LA = {label: "Locally advanced (cM0)", patients: [2, 4]};
const M1 = {label: "Metastatic (cM1)", patients: [1, 3]};

test("swimmer stage: each lane labelled from the stage lists, then filtered by it", () => {
  const staged = withStage(lanes, [LA, M1]);
  assert.deepEqual(staged.map((l) => [l.USUBJID, l.STAGE]), [[1, M1.label], [2, LA.label], [3, M1.label], [4, LA.label]]);
  const layout = layoutLanes(staged, {order: "followup", stages: [M1.label], max: 50});
  assert.deepEqual(layout.lanes.map((l) => l.USUBJID), [1, 3]);
  assert.equal(layout.matching, 2);
});

test("swimmer stage: lists that miss a patient or place one twice give no stage at all", () => {
  for (const stages of [[LA, {label: M1.label, patients: [1]}], [LA, {label: M1.label, patients: [1, 2, 3]}], [LA, {label: M1.label}]]) {
    assert.ok(withStage(lanes, stages).every((l) => l.STAGE === undefined), JSON.stringify(stages));
  }
});

test("swimmer note: all shown, capped, filtered, none, and lanes held for fewer patients than the cohort", () => {
  const layout = (shown: number, matching: number, total: number): Layout => ({lanes: Array(shown).fill(lanes[0]), matching, total});
  assert.equal(laneNote(layout(4, 4, 4), 4, "followup"), "Showing 4 of 4 patients.");
  assert.equal(laneNote(layout(50, 10000, 10000), 10000, "followup"), "Showing 50 of 10,000 patients: the first 50 by follow-up (longest first).");
  assert.equal(laneNote(layout(50, 2300, 10000), 10000, "response"), "Showing 50 of 10,000 patients: the first 50 by best overall response of the 2,300 that match the filter.");
  assert.equal(laneNote(layout(3, 3, 6), 6, "patient"), "Showing 3 of 6 patients: the 3 that match the filter, ordered by patient number.");
  assert.equal(laneNote(layout(0, 0, 6), 6, "patient"), "Showing 0 of 6 patients: none match the filter.");
  assert.equal(laneNote(layout(40, 40, 40), 100000, "morphology"), "Showing 40 of 100,000 patients, ordered by morphology. Only 40 of the 100,000 patients have lanes in the results; the order and the filter apply to those.");
  assert.equal(laneNote(layout(50, 1000, 1000), 100000, "followup"), "Showing 50 of 100,000 patients: the first 50 by follow-up (longest first). Only 1,000 of the 100,000 patients have lanes in the results; the order and the filter apply to those.");
  assert.equal(laneNote(layout(50, 1000, 1000), 100000, "followup", "the 1000 patients with the smallest MD5 of their number"),
    "Showing 50 of 100,000 patients: the first 50 by follow-up (longest first). Only 1,000 of the 100,000 patients have lanes in the results (a sample: the 1000 patients with the smallest MD5 of their number); the order and the filter apply to those.");
});
