import assert from "node:assert/strict";
import {test} from "node:test";
import {compareResults, compareRows, formatDisagreement, qcRows, type QcRow, type Stats} from "../../src/core/qc/index.js";
import {DEMO_COHORT} from "../fixtures/cohort.js";

type Result = {id: string; stats: Stats};

const qc = {
  "table1.female": {n: 3, pct: 50},
  "response.orr": {n: 4, pct: 66.66666666666667, ci_low: 22.27780955, ci_high: null},
  "tte.os": {median: 17.00205338809035},
};

test("agreement within tolerance gives no disagreements", () => {
  const results: Result[] = [
    {id: "table1.female", stats: {n: 3, pct: 50}},
    {id: "response.orr", stats: {n: 4, pct: 200 / 3, ci_low: 22.27780955, ci_high: null}},
    {id: "tte.os", stats: {median: 17.00205338809035 + 1e-12}},
  ];
  assert.deepEqual(compareResults(results, qc), []);
});

test("a planted disagreement, a null against a number and missing ids and stats are all reported", () => {
  const results: Result[] = [
    {id: "table1.female", stats: {n: 4, pct: 50}}, // planted: n 4 instead of 3
    {id: "response.orr", stats: {n: 4, pct: 66.66666666666667, ci_low: 22.27780955, ci_high: 95.67}},
    {id: "tte.pfs", stats: {median: 12.9}},
  ];
  const found = compareResults(results, {...qc, "tte.os": {median: 17, km_median: null}});
  assert.deepEqual(found, [
    {id: "response.orr", stat: "ci_high", result: 95.67, qc: null, difference: null, problem: "differs"},
    {id: "table1.female", stat: "n", result: 4, qc: 3, difference: 1, problem: "differs"},
    {id: "tte.os", stat: null, result: null, qc: null, difference: null, problem: "missing in results"},
    {id: "tte.pfs", stat: null, result: null, qc: null, difference: null, problem: "missing in QC"},
  ]);
  assert.equal(formatDisagreement(found[1]), "table1.female.n: results 4 ≠ QC 3 (difference 1)");
  const extraStat = compareResults([{id: "tte.os", stats: {median: 17.00205338809035, n: 6}}], {"tte.os": qc["tte.os"]});
  assert.deepEqual(extraStat.map((d) => [d.stat, d.problem]), [["n", "missing in QC"]]);
});

test("tolerance is relative for large values", () => {
  assert.equal(compareResults([{id: "x", stats: {v: 1000}}], {x: {v: 1000 + 5e-7}}).length, 0);
  assert.equal(compareResults([{id: "x", stats: {v: 1000}}], {x: {v: 1000.01}}).length, 1);
});

const tables = await qcRows(DEMO_COHORT);

test("compareRows: matched on key fields, only QC fields compared, planted differences found", () => {
  const lanes: QcRow[] = tables["swimmer.lanes"].rows.map((r) => ({...r, colour: "any"})); // extra field: not checked
  lanes[2] = {...lanes[2], followup_days: 301}; // planted: patient 3 has 300
  const waterfall = tables["response.waterfall"].rows.filter((r) => r.USUBJID !== 1).reverse(); // order free; patient 1 dropped
  const results = Object.entries(tables).map(([id, {rows}]) => ({id, rows}));
  const found = compareRows(
    [...results.filter((r) => r.id !== "swimmer.lanes" && r.id !== "response.waterfall"),
      {id: "swimmer.lanes", rows: lanes}, {id: "response.waterfall", rows: waterfall}],
    tables,
  );
  assert.deepEqual(found, [
    {id: "response.waterfall", stat: "rows[USUBJID=1]", result: null, qc: null, difference: null, problem: "missing in results"},
    {id: "swimmer.lanes", stat: "rows[USUBJID=3].followup_days", result: 301, qc: 300, difference: 1, problem: "differs"},
  ]);
  assert.deepEqual(compareRows(results, tables), []);
  const noKm = compareRows(results.filter((r) => r.id !== "tte.os"), tables);
  assert.deepEqual(noKm.map((d) => [d.id, d.stat, d.problem]), [["tte.os", "rows", "missing in results"]]);
});
