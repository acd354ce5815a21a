// The comparison of a result re-derived in the browser with the published one (src/components/verify/match.ts),
// on hand-made results, by the rule of src/core/agree.ts (numbers within 1e-9 of their size, patient ids as a set),
// every difference named by its path.
import assert from "node:assert/strict";
import {test} from "node:test";
import {
  compareAll, compareResult, summaryText, type PublishedResult, type Rederived,
} from "../../src/components/verify/match.js";

const ORR: PublishedResult = {
  id: "response.orr", source: "src/sql/analysis/response.sql",
  stats: {n: 4, pct: 66.66666666666667, ci_low: 22.27781749370182, ci_high: 95.67218617274482},
  denominator: 6, patients: [1, 2, 4, 6], display: "67% (95% CI 22–96)",
};
const again = (result: PublishedResult, changes: Partial<Rederived["row"]> = {}, display = result.display): Rederived => ({
  source: result.source,
  row: {id: result.id, stats: {...result.stats}, denominator: result.denominator, patients: [...result.patients], rows: result.rows, ...changes},
  display,
});

test("the same values match, with no difference listed", () => {
  assert.deepEqual(compareResult(ORR, again(ORR)), {id: "response.orr", match: true, differences: []});
});

test("a number within 1e-9 of its size matches; one just beyond does not", () => {
  assert.equal(compareResult(ORR, again(ORR, {stats: {...ORR.stats, pct: 66.66666666666667 + 5e-8}})).match, true);
  assert.deepEqual(compareResult(ORR, again(ORR, {stats: {...ORR.stats, ci_low: 22.27781749370182 + 3e-8}})).differences,
    [`stats.ci_low: published 22.27781749370182, re-derived ${22.27781749370182 + 3e-8}`]);
});

test("counts, denominators and patient ids must be exact; ids in any order", () => {
  const {differences} = compareResult(ORR, again(ORR, {stats: {...ORR.stats, n: 5}, denominator: 5, patients: [1, 2, 4, 5]}));
  assert.deepEqual(differences, [
    "denominator: published 6, re-derived 5",
    "patients: published [1,2,4,6], re-derived [1,2,4,5]",
    "stats.n: published 4, re-derived 5",
  ]);
  assert.equal(compareResult(ORR, again(ORR, {patients: [6, 4, 2, 1]})).match, true);
});

test("the tolerance scales with the size of the number (a study day of 10^5 within 10^-4)", () => {
  const day: PublishedResult = {...ORR, stats: {median: 100000.5}};
  assert.equal(compareResult(day, again(day, {stats: {median: 100000.5 + 5e-5}})).match, true);
  assert.equal(compareResult(day, again(day, {stats: {median: 100000.5 + 2e-4}})).match, false);
});

test("null stays null (a median not reached), a missing or extra stat is named", () => {
  const os: PublishedResult = {id: "tte.os", source: "src/sql/analysis/km.sql", stats: {km_median: null, n: 6}, denominator: 6, patients: [], display: null};
  assert.equal(compareResult(os, again(os)).match, true);
  assert.deepEqual(compareResult(os, again(os, {stats: {km_median: 17.5, n: 6}})).differences, ["stats.km_median: published null, re-derived 17.5"]);
  assert.deepEqual(compareResult(os, again(os, {stats: {km_median: null}})).differences, ["stats.n: published 6, re-derived nothing"]);
  assert.deepEqual(compareResult(os, again(os, {stats: {km_median: null, n: 6, events: 4}})).differences, ["stats.events: published nothing, re-derived 4"]);
});

test("rows compare by length, then cell by cell (strings exactly)", () => {
  const lanes: PublishedResult = {
    id: "swimmer.lanes", source: "src/sql/analysis/swimmer_lanes.sql", stats: {}, denominator: null, patients: [], display: null,
    rows: [{USUBJID: 1, BOR: "PR", followup_days: 472}, {USUBJID: 2, BOR: "SD", followup_days: 390}],
  };
  assert.deepEqual(compareResult(lanes, again(lanes, {rows: [lanes.rows![0]!]})).differences, ["rows: published 2 items, re-derived 1"]);
  assert.deepEqual(compareResult(lanes, again(lanes, {rows: [lanes.rows![0]!, {USUBJID: 2, BOR: "PD", followup_days: 391}]})).differences,
    ['rows[1].BOR: published "SD", re-derived "PD"', "rows[1].followup_days: published 390, re-derived 391"]);
});

test("an analysis row's absent fields default as the build assembles them", () => {
  const n: PublishedResult = {id: "cohort.n", source: "src/sql/analysis/table1.sql", stats: {}, denominator: null, patients: [], display: null};
  assert.equal(compareResult(n, {source: n.source, row: {id: "cohort.n", stats: null, denominator: null, patients: null, rows: null}, display: null}).match, true);
});

test("a result not returned, from another file, or displayed differently is a mismatch", () => {
  assert.deepEqual(compareResult(ORR, undefined).differences, ["not returned by src/sql/analysis/response.sql"]);
  assert.deepEqual(compareResult(ORR, {...again(ORR), source: "src/sql/analysis/table1.sql"}).differences,
    ["source: published src/sql/analysis/response.sql, re-derived src/sql/analysis/table1.sql"]);
  assert.deepEqual(compareResult(ORR, again(ORR, {}, "67% (95% CI 22–97)")).differences,
    ['display: published "67% (95% CI 22–96)", re-derived "67% (95% CI 22–97)"']);
});

test("compareAll compares every published result, and the summary counts and names them", () => {
  const female: PublishedResult = {id: "table1.female", source: "src/sql/analysis/table1.sql", stats: {n: 3, pct: 50}, denominator: 6, patients: [3, 4, 6], display: "3 (50%)"};
  const all = compareAll([ORR, female], new Map([[ORR.id, again(ORR)], [female.id, again(female, {patients: [3, 4, 5]})]]));
  assert.deepEqual(all.map((c) => [c.id, c.match]), [["response.orr", true], ["table1.female", false]]);
  assert.equal(summaryText(all, 4049), "1 of 2 published results match; 1 differs from what this browser re-derived: table1.female (4.0 s).");
  assert.equal(summaryText(all.slice(0, 1), 12345),
    "All 1 published results were re-derived in this browser and match (counts and ids exactly, other numbers within 1e-9 of their size), in 12.3 s.");
});
