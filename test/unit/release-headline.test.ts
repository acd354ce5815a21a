import assert from "node:assert/strict";
import {test} from "node:test";
import {compareHeadlines, headlineTable, type ResultsLike} from "../../src/core/release/headline.js";

const version = (v: string, os: string, median: number | null, events: number): ResultsLike => ({
  report: {version: v, cutoff: "2023-04-01"},
  results: [
    {id: "cohort.n", label: "Patients included", display: "6", stats: {n: 6}},
    {id: "tte.os", label: "Overall survival", display: os, stats: {events, median}}
  ]
});
const v1 = version("1.0.0", "17.0 months", 517.5, 4);
const v2 = version("1.1.0", "not reached", null, 5);

test("a first release lists the values, with no change column", () => {
  assert.equal(
    headlineTable(compareHeadlines(undefined, v1), null, "1.0.0"),
    "| result | 1.0.0 |\n| --- | --- |\n| Patients included | 6 |\n| Overall survival | 17.0 months |"
  );
});

test("a later release spells out what changed, stat by stat", () => {
  assert.equal(
    headlineTable(compareHeadlines(v1, v2), "1.0.0", "1.1.0"),
    [
      "| result | 1.0.0 | 1.1.0 | change |",
      "| --- | --- | --- | --- |",
      "| Patients included | 6 | 6 | unchanged |",
      "| Overall survival | 17.0 months | not reached | events 4 → 5; median 517.50 → not reached |"
    ].join("\n")
  );
});
