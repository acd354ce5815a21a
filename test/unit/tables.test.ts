// The report's tables as rows (src/core/results/tables.ts) and the formats they use, on the demo cohort's results:
// the values are counted by hand from data/cohort/.
import assert from "node:assert/strict";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import {buildResults} from "../../src/core/results/build.js";
import {ciText, followupText, medianRange} from "../../src/core/results/format.js";
import type {Results} from "../../src/core/results/lookup.js";
import {aeGradeRows, table1Rows, TABLE1_IDS, type AeGradeCell} from "../../src/core/results/tables.js";

const data = (await buildResults(fileURLToPath(new URL("../../data/cohort", import.meta.url)))) as unknown as Results;

test("formats: exact CI to one decimal with bare 0 and 100, median (range), follow-up by reverse KM", () => {
  assert.equal(ciText({ci_low: 0, ci_high: 45.92581264399001}), "0–45.9%"); // 0/6: 1 − 0.025^(1/6)
  assert.equal(ciText({ci_low: 35.87654210023259, ci_high: 100}), "35.9–100%");
  assert.equal(medianRange({median: 5.5, min: 4, max: 8}), "5.5 (4–8)");
  assert.equal(medianRange({median: 62, min: 48, max: 79}), "62 (48–79)");
  // reverse KM 986.5 days = 32.41 months; crude 517.5 days = 17.0, range 300–1093 days = 9.9–35.9
  assert.equal(followupText({km_median: 986.5 / (365.25 / 12), median: 517.5 / (365.25 / 12), min: 300 / (365.25 / 12), max: 1093 / (365.25 / 12)}),
    "32.4 months (crude median 17, range 10–36)");
  assert.equal(followupText({km_median: null, median: 17, min: 10, max: 36}), "not reached (crude median 17, range 10–36)");
});

test("Table 1 rows: characteristics at level 0, their categories indented, every table1 result once", () => {
  const rows = table1Rows(data);
  assert.deepEqual([...TABLE1_IDS].sort(), data.results.filter((r) => r.id.startsWith("table1.")).map((r) => r.id).sort());
  assert.deepEqual(rows.filter((r) => r.id).map((r) => r.id), TABLE1_IDS);
  const at = (label: string) => rows.findIndex((r) => r.label === label);
  assert.deepEqual(rows[at("Age, years")], {label: "Age, years", level: "variable", indent: 0, statistic: "Median (range)", value: "62 (48–79)", id: "table1.age"});
  assert.deepEqual(rows.slice(at("Clinical N category"), at("Clinical N category") + 4).map((r) => [r.label, r.level, r.indent, r.statistic, r.value]), [
    ["Clinical N category", "variable", 0, null, null],
    ["cN0", "level", 1, "n (%)", "0 (0%)"],
    ["cN1", "level", 1, "n (%)", "3 (50%)"], // patients 1, 2, 5
    ["cN2", "level", 1, "n (%)", "3 (50%)"] // patients 3, 4, 6
  ]);
  // a heading names its population when it is not every patient; the values stay "n (%)"
  assert.equal(rows[at("Local treatment of liver metastases, patients with liver metastases (n = 3)")]!.value, null);
  assert.deepEqual(rows.filter((r) => r.label === "Radiofrequency ablation").map((r) => r.value), ["2 (67%)"]);
  assert.equal(rows.find((r) => r.id === "table1.chemo.cycles")!.note, "ᵃ");
  for (const row of rows) assert.match(row.value ?? "", /^$|^\d+ \(\d+%\)$|^[\d.]+ \([\d.]+–[\d.]+\)$/);
});

test("adverse event rows: any event first, then terms by frequency and name; n (%) per grade and the any-grade CI", () => {
  const cell = (AEDECOD: string | null, grade: string, n: number): AeGradeCell =>
    ({AEDECOD, grade, n, pct: (100 * n) / 6, ci_low: n === 0 ? 0 : 1, ci_high: 50});
  const cells = ["1", "2", "3", "4", "5", "Any"].flatMap((g) => [
    cell("Rash", g, g === "1" || g === "Any" ? 1 : 0),
    cell(null, g, g === "1" ? 1 : g === "3" ? 1 : g === "Any" ? 2 : 0),
    cell("Anaemia", g, g === "3" || g === "Any" ? 1 : 0),
    cell("Fatigue", g, g === "3" ? 1 : g === "1" ? 1 : g === "Any" ? 2 : 0)
  ]);
  const rows = aeGradeRows(cells);
  assert.deepEqual(rows.map((r) => [r.label, r.level, r.indent]), [
    ["Any adverse event", "variable", 0], ["Fatigue", "level", 1], ["Anaemia", "level", 1], ["Rash", "level", 1]
  ]);
  assert.deepEqual(rows[1], {label: "Fatigue", level: "level", indent: 1, grades: ["1 (17%)", "0 (0%)", "1 (17%)", "0 (0%)", "0 (0%)"], any: "2 (33%)", ci: "1.0–50.0%"});
});
