// The follow-up update worked example (docs/updating-follow-up.md): test/fixtures/followup is the demo cohort at a
// later cut-off (2024-04-01, version 1.1.0) where the censored responder #6 progresses (distant, day 1180), #5 dies
// (day 1100) and #6's follow-up extends to day 1450. Expected changes computed by hand; months = days / 30.4375.
import assert from "node:assert/strict";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {compareHeadlines} from "../../src/core/release/headline.js";
import {buildResults} from "../../src/core/results/index.js";

const dir = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const months = (days: number) => days / (365.25 / 12);
const [before, after] = await Promise.all([buildResults(dir("data/cohort")), buildResults(dir("test/fixtures/followup"))]);
const stats = (results: typeof before, id: string) => results.results.find((r) => r.id === id)!.stats;
const changes = new Map(compareHeadlines(before, after).map((c) => [c.id, c]));

test("follow-up: the median stays at 17 months, the range extends to 48", () => {
  // Before: 300, 390, 472, 563, 880, 1093 days; after: 300, 390, 472, 563, 1100 (#5 died), 1450 (#6).
  // Median (472 + 563) / 2 = 517.5 days in both.
  assert.ok(Math.abs(stats(after, "tte.followup").median! - months(517.5)) < 1e-9);
  assert.ok(Math.abs(stats(before, "tte.followup").max! - months(1093)) < 1e-9);
  assert.ok(Math.abs(stats(after, "tte.followup").max! - months(1450)) < 1e-9);
  assert.equal(changes.get("tte.followup")!.before, "17 months (range 10–36)");
  assert.equal(changes.get("tte.followup")!.after, "17 months (range 10–48)");
  // Reverse KM (alive = event): before #5 at 880 (S = 1/2 until 1093) → median (880 + 1093) / 2 = 986.5 days;
  // after only #6 is alive, at 1450 → median 1450 days.
  assert.ok(Math.abs(stats(before, "tte.followup").km_median! - months(986.5)) < 1e-9);
  assert.ok(Math.abs(stats(after, "tte.followup").km_median! - months(1450)) < 1e-9);
});

test("DoR: the ongoing response of #6 ends; one more event, longest duration 36.0 months", () => {
  // #6: first response day 85; censored at the last CR assessment (day 821 → 737 days), now progression on day 1180
  // → 1180 − 85 + 1 = 1096 days. Observed: 247, 320, 362, 1096 → median 341 days = 11.2 months, as before.
  assert.equal(stats(before, "tte.dor").events, 3);
  assert.equal(stats(after, "tte.dor").events, 4);
  assert.ok(Math.abs(stats(after, "tte.dor").max! - months(1096)) < 1e-9);
  assert.ok(Math.abs(stats(after, "tte.dor").median! - months(341)) < 1e-9);
  assert.equal(changes.get("tte.dor")!.after, "11.2 months (range 8.1–36.0)");
  assert.ok(changes.get("tte.dor")!.changed);
});

test("PFS: #6 progresses, so six events; the KM median is unchanged", () => {
  // PFS days: 70, 321, 390 (death), 397, 441, and #6 censored at 821 → event at 1180. S = 1/2 from day 390 until the
  // next event at 397 in both → median (390 + 397) / 2 = 393.5 days.
  assert.equal(stats(before, "tte.pfs").events, 5);
  assert.equal(stats(after, "tte.pfs").events, 6);
  assert.ok(Math.abs(stats(after, "tte.pfs").km_median! - months(393.5)) < 1e-9);
});

test("OS: #5 dies, so five deaths; the KM median stays at 17.0 months", () => {
  // Deaths 300, 390, 472, 563 (+ 1100 after); S = 1/2 from 472 to 563 → median 517.5 days in both.
  assert.equal(stats(before, "tte.os").events, 4);
  assert.equal(stats(after, "tte.os").events, 5);
  assert.ok(Math.abs(stats(after, "tte.os").km_median! - months(517.5)) < 1e-9);
  assert.deepEqual(changes.get("tte.os")!.stats.map((s) => s.stat), ["events", "max"]);
});

test("response, pathology and locoregional control do not change", () => {
  for (const id of ["response.orr", "response.bor.cr", "response.ypt0", "control.lrtc", "cohort.n"]) {
    assert.equal(changes.get(id)!.changed, false, id);
  }
  assert.equal(after.report.version, "1.1.0");
  assert.equal(after.report.cutoff, "2024-04-01");
});
