// The ARD in the cards shape (src/core/interchange/ard.ts): its columns, hand-checked rows, every number of the
// results dataset present (percentages as cards' proportions), and the CSV and JSON holding the same rows.
import assert from "node:assert/strict";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {csvParse} from "d3-dsv";
import {ARD_COLUMNS, ardCsv, ardJson, toArd, type ArdRow} from "../../src/core/interchange/ard.js";
import {buildResults} from "../../src/core/results/index.js";

const data = await buildResults(fileURLToPath(new URL("../../data/cohort", import.meta.url)));
const ard = toArd(data);
const of = (id: string) => ard.filter((row) => row.result_id === id);
const brief = (rows: ArdRow[]) => rows.map((r) => [r.variable, r.variable_level, r.context, r.stat_name, r.stat, r.fmt_fun]);

test("the columns of cards, then the lineage", () => {
  assert.deepEqual(Object.keys(ard[0]!), [...ARD_COLUMNS]);
  assert.deepEqual(ARD_COLUMNS.slice(0, 11), ["group1", "group1_level", "variable", "variable_level", "context",
    "stat_name", "stat_label", "stat", "fmt_fun", "warning", "error"]);
});

test("hand-checked rows: the population, a dichotomous and a categorical level, a mean, the ORR with its CI", () => {
  assert.deepEqual(brief(of("cohort.n")), [["..ard_total_n..", null, "total_n", "N", 6, 0]]);
  // 3 women of 6: p = 0.5, shown as 50% (2 decimals of the proportion).
  assert.deepEqual(brief(of("table1.female")), [["SEX", null, "attributes", "label", "Female", null],
    ["SEX", "F", "dichotomous", "n", 3, 0], ["SEX", "F", "dichotomous", "N", 6, 0], ["SEX", "F", "dichotomous", "p", 0.5, 2]]);
  // A categorical variable's label is its section, written once, with its first level.
  assert.deepEqual(brief(of("table1.morph.lcnec"))[0], ["MORPH", null, "attributes", "label", "Morphology", null]);
  assert.deepEqual(brief(of("table1.morph.minen")).map((r) => r.slice(0, 3)), [
    ["MORPH", "MINEN", "categorical"], ["MORPH", "MINEN", "categorical"], ["MORPH", "MINEN", "categorical"]]);
  // Ages 48–79, mean 62 (docs/reconstruction.md).
  assert.deepEqual(brief(of("table1.age")).filter((r) => ["mean", "min", "max"].includes(r[3] as string)),
    [["AGE", null, "continuous", "mean", 62, 0], ["AGE", null, "continuous", "min", 48, 0], ["AGE", null, "continuous", "max", 79, 0]]);
  const orr = Object.fromEntries(of("response.orr").map((r) => [r.stat_name, r.stat]));
  assert.equal(orr.n, 4);
  assert.equal(orr.N, 6);
  assert.ok(Math.abs((orr.estimate as number) - 4 / 6) < 1e-12);
  // Exact binomial 95% CI for 4 of 6: 0.2228–0.9567 (R: binom.test(4, 6)$conf.int).
  assert.equal((orr["conf.low"] as number).toFixed(4), "0.2228");
  assert.equal((orr["conf.high"] as number).toFixed(4), "0.9567");
  assert.equal(orr.method, "Exact binomial (Clopper-Pearson)");
  assert.ok(of("tte.os").every((r) => r.dataset === "ADTTE" && r.paramcd === "OS" && r.source === "src/sql/analysis/km.sql"));
  assert.deepEqual(ard.filter((r) => r.group1 !== null || r.group1_level !== null), []);
});

test("every number of the results dataset is a statistic of its result (percentages / 100); listings and risk tables are left out", () => {
  for (const result of data.results) {
    const rows = of(result.id);
    if (["response.waterfall", "swimmer.lanes", "swimmer.segments", "swimmer.markers", "tte.os.risk", "tte.pfs.risk", "tte.dor.risk"].includes(result.id)) {
      assert.equal(rows.length, 0, result.id);
      continue;
    }
    const stats = rows.map((r) => r.stat);
    const has = (value: number, what: string) =>
      assert.ok(stats.some((s) => typeof s === "number" && Math.abs(s - value) < 1e-12), `${result.id} ${what} = ${value}`);
    for (const [key, value] of Object.entries(result.stats)) {
      if (value === null) assert.ok(rows.some((r) => r.stat === null), `${result.id} ${key} (not reached)`);
      else has(["pct", "ci_low", "ci_high"].includes(key) ? value / 100 : value, key);
    }
    if (result.denominator !== null) has(result.denominator, "denominator");
    if (result.id.startsWith("tte.") && result.id !== "tte.followup") {
      for (const row of result.rows ?? []) {
        const at = new Map(rows.filter((r) => r.variable === "time" && r.variable_level === String(row.time_days))
          .map((r) => [r.stat_name, r.stat]));
        assert.deepEqual([at.get("n.risk"), at.get("n.event"), at.get("n.censor"), at.get("estimate"), at.get("std.error"),
          at.get("conf.low"), at.get("conf.high"), at.get("time_months")],
        [row.n_risk, row.n_event, row.n_censor, row.surv, row.se, row.ci_low, row.ci_high, row.time], `${result.id} day ${row.time_days}`);
      }
    }
  }
});

test("the CSV and the JSON hold the same rows, numbers exactly", () => {
  const json = JSON.parse(ardJson(ard)) as ArdRow[];
  assert.deepEqual(json, ard);
  const csv = csvParse(ardCsv(ard));
  assert.deepEqual(csv.columns, [...ARD_COLUMNS]);
  assert.equal(csv.length, ard.length);
  csv.forEach((row, i) => {
    for (const column of ARD_COLUMNS) {
      const value = ard[i]![column];
      assert.equal(row[column], value === null ? "" : String(value), `row ${i + 1} ${column}`);
      if (typeof value === "number") assert.equal(Number(row[column]), value);
    }
  });
});
