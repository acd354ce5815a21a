// The layout logic behind the report's figures, on small hand-built inputs.
import assert from "node:assert/strict";
import {test} from "node:test";
import {months} from "../../src/components/page/text.js";
import {fmtMonths, FORMATS, kmMedianText} from "../../src/core/results/format.js";
import {waterfallOrder} from "../../src/components/figures/waterfall.js";
import type {SwimmerLane, SwimmerMarker} from "../../src/core/results/rows.js";
import {dodgeMarkers, layoutLanes} from "../../src/core/results/swimmer-layout.js";

test("months are days / (365.25 / 12)", () => {
  assert.equal(months(365.25), 12);
  assert.equal(months(30.4375), 1);
});

test("KM median text says 'not reached' plainly, in the one format of the results' display", () => {
  assert.equal(kmMedianText({km_median: null, km_ci_low: null, km_ci_high: null}), "not reached");
  assert.equal(kmMedianText({km_median: 11.23, km_ci_low: 8.1, km_ci_high: null}), "11.2 months (95% CI 8.1–not reached)");
  const os = {km_median: 17.04, km_ci_low: 9.95, km_ci_high: null};
  assert.equal(FORMATS.km_median(os), "17.0 months (95% CI 10.0–not reached)");
  assert.equal(kmMedianText(os), FORMATS.km_median(os));
  assert.equal(FORMATS.km_median({km_median: null, km_ci_low: null, km_ci_high: null}), "Median not reached");
});

test("months print to one decimal, halves away from zero as the paper rounds (not toFixed's binary rounding)", () => {
  assert.equal((0.15).toFixed(1), "0.1");
  assert.equal(fmtMonths(0.15), "0.2");
  assert.equal(fmtMonths(11.23), "11.2");
});

test("waterfall: largest growth first, largest shrinkage last, ties by patient number", () => {
  const rows = [
    {USUBJID: 4, MORPH: "LCNEC", BOR: "PR" as const, PCHG: -38, PDSITE: null},
    {USUBJID: 3, MORPH: "MINEN", BOR: "PD" as const, PCHG: 11, PDSITE: null},
    {USUBJID: 2, MORPH: "MINEN", BOR: "SD" as const, PCHG: -38, PDSITE: null},
    {USUBJID: 1, MORPH: "SCNEC", BOR: "PR" as const, PCHG: -47, PDSITE: null}
  ];
  assert.deepEqual(waterfallOrder(rows).map((r) => r.USUBJID), [3, 2, 4, 1]);
});

const lane = (USUBJID: number, MORPH: string, BOR: SwimmerLane["BOR"], followup_days: number): SwimmerLane => ({USUBJID, MORPH, BOR, followup_days, alive: false});
const lanes = [lane(1, "SCNEC", "PR", 470), lane(2, "MINEN", "SD", 390), lane(3, "MINEN", "PD", 300), lane(4, "LCNEC", "PR", 564), lane(5, "MINEN", "PR", 390)];

test("swimmer lanes: each order, ties by patient number", () => {
  const ids = (order: Parameters<typeof layoutLanes>[1]["order"]) => layoutLanes(lanes, {order, max: 50}).lanes.map((l) => l.USUBJID);
  assert.deepEqual(ids("followup"), [4, 1, 2, 5, 3]);
  assert.deepEqual(ids("response"), [4, 1, 5, 2, 3]);
  assert.deepEqual(ids("morphology"), [4, 2, 3, 5, 1]);
  assert.deepEqual(ids("patient"), [1, 2, 3, 4, 5]);
});

test("swimmer lanes: filter, then cap, counting what is not shown", () => {
  const layout = layoutLanes(lanes, {order: "patient", morphologies: ["MINEN"], max: 2});
  assert.deepEqual(layout.lanes.map((l) => l.USUBJID), [2, 3]);
  assert.equal(layout.matching, 3);
  assert.equal(layout.total, 5);
});

test("swimmer markers: same-day or near markers of one patient are offset, none dropped", () => {
  const marker = (USUBJID: number, kind: SwimmerMarker["kind"], day: number): SwimmerMarker => ({USUBJID, kind, day, label: ""});
  const dodged = dodgeMarkers([marker(3, "progression_distant", 70), marker(3, "progression_locoregional", 70), marker(3, "death", 300), marker(4, "death", 70)], 2);
  assert.equal(dodged.length, 4);
  const offset = (id: number, kind: string) => dodged.find((m) => m.USUBJID === id && m.kind === kind)!.offset;
  assert.equal(offset(3, "progression_distant"), -0.25);
  assert.equal(offset(3, "progression_locoregional"), 0.25);
  assert.equal(offset(3, "death"), 0);
  assert.equal(offset(4, "death"), 0, "another patient's marker on the same day is in its own lane");
  const three = dodgeMarkers([marker(1, "response", 10), marker(1, "progression_distant", 11), marker(1, "death", 12)], 2);
  assert.deepEqual(three.map((m) => m.offset), [-0.36, 0, 0.36]);
});
