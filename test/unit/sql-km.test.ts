// Kaplan–Meier in SQL (src/sql/lib/kaplan_meier.sql, src/sql/analysis/km.sql, followup.sql): hand-computed tables,
// Greenwood standard errors, log-log CIs and medians as R's survfit(conf.type = "log-log") prints them.
import assert from "node:assert/strict";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {openCohort} from "../../src/core/adam/derive.js";
import {Engine, type Row} from "../../src/core/engine.js";
import {runAnalyses} from "../../src/core/results/analyses.js";
import {LIBRARY_FILES} from "../../src/core/sql-catalog.js";

const month = 365.25 / 12;
const close = (actual: unknown, expected: number, tol = 1e-6) =>
  assert.ok(typeof actual === "number" && Math.abs(actual - expected) < tol, `${actual} ≉ ${expected}`);

const demo = await openCohort(fileURLToPath(new URL("../../data/cohort", import.meta.url)), "2023-04-01");
const outputs = await runAnalyses(demo);
after(() => demo.close());
const result = (id: string): Row => [...outputs.values()].flat().find((r) => r.id === id)!;

/** A fresh engine with an adtte table of (PARAMCD, USUBJID, AVAL, CNSR) rows and the statistical macros. */
async function withAdtte(rows: [string, number, number, number][], fn: (engine: Engine) => Promise<void>) {
  const engine = await Engine.open();
  try {
    await engine.sql("CREATE TABLE adtte (PARAMCD VARCHAR, USUBJID INTEGER, AVAL INTEGER, CNSR INTEGER)");
    for (const [p, id, aval, cnsr] of rows) {
      await engine.sql("INSERT INTO adtte VALUES ($p, $id, $aval, $cnsr)", {p, id, aval, cnsr});
    }
    await engine.runAll(LIBRARY_FILES);
    await fn(engine);
  } finally {
    engine.close();
  }
}

test("OS on the demo cohort: deaths at days 300, 390, 472, 563; censored at 880 and 1093", () => {
  const os = result("tte.os");
  const rows = os.rows as Row[];
  assert.deepEqual(rows.map((r) => [r.time_days, r.n_risk, r.n_event, r.n_censor]),
    [[0, 6, 0, 0], [300, 6, 1, 0], [390, 5, 1, 0], [472, 4, 1, 0], [563, 3, 1, 0], [880, 2, 0, 1], [1093, 1, 0, 1]]);
  [1, 5 / 6, 4 / 6, 3 / 6, 2 / 6, 2 / 6, 2 / 6].forEach((s, i) => close(rows[i].surv, s, 1e-12));
  // Greenwood: se = S·sqrt(Σ d/(n(n−d))): 5/6·√(1/30); 4/6·√(1/30 + 1/20); 1/2·√(1/30 + 1/20 + 1/12); 1/3·√(1/3)
  close(rows[1].se, (5 / 6) * Math.sqrt(1 / 30), 1e-12);
  close(rows[2].se, (4 / 6) * Math.sqrt(1 / 30 + 1 / 20), 1e-12);
  close(rows[3].se, 0.5 * Math.sqrt(1 / 30 + 1 / 20 + 1 / 12), 1e-12);
  close(rows[4].se, (1 / 3) * Math.sqrt(1 / 3), 1e-12);
  // log-log CI at day 472: exp(−exp(ln(−ln 0.5) ∓ 1.96·√(1/6)/ln 0.5)) = 0.1109, 0.8037 (R: 0.111, 0.804)
  close(rows[3].ci_low, 0.110948, 1e-6);
  close(rows[3].ci_high, 0.803709, 1e-6);
  assert.equal(rows[0].ci_low, null, "undefined where S = 1, as R's NA");
  assert.deepEqual(rows[3].event_ids, [1]);
  assert.deepEqual(rows[6].censor_ids, [6]);
  // S = 0.5 exactly from day 472 until the death at 563: R's median is the midpoint, 517.5 days = 17.0 months
  // (the first day with S ≤ 0.5 would be 472 = 15.5 months). LCL: the lower band first ≤ 0.5 at day 300;
  // the upper band never reaches 0.5 (0.676 at the end) → not reached.
  const stats = os.stats as Row;
  close(stats.km_median, 517.5 / month, 1e-9);
  close(stats.km_ci_low, 300 / month, 1e-9);
  assert.equal(stats.km_ci_high, null);
  assert.equal(stats.n, 6);
  assert.equal(stats.events, 4);
  close(stats.median, 517.5 / month, 1e-9); // observed times 300 390 472 563 880 1093
});

test("DoR on the demo cohort: observed median 341 days = 11.2 months (range 8.1–24.2); KM median 341", () => {
  const stats = result("tte.dor").stats as Row;
  close(stats.median, 341 / month, 1e-9); // (320 + 362)/2
  close(stats.min, 247 / month, 1e-9); // 8.11
  close(stats.max, 737 / month, 1e-9); // 24.21
  // S = 3/4, then 1/2 from day 320 until the event at 362 → R's midpoint (320 + 362)/2 = 341
  close(stats.km_median, 341 / month, 1e-9);
  close(stats.km_ci_low, 247 / month, 1e-9);
  assert.equal(stats.km_ci_high, null);
});

test("follow-up: median 517.5 days = 17.0 months (range 300–1093 days); reverse KM median 986.5 days", () => {
  const stats = result("tte.followup").stats as Row;
  close(stats.median, 517.5 / month, 1e-9);
  close(stats.min, 300 / month, 1e-9);
  close(stats.max, 1093 / month, 1e-9);
  // Reverse KM: the deaths are censorings; "events" at 880 (n = 2: S = 1/2) and 1093 (n = 1: S = 0)
  // → S = 0.5 exactly until 1093 → midpoint (880 + 1093)/2 = 986.5 days.
  close(stats.km_median, 986.5 / month, 1e-9);
});

test("ties: events before censorings at the same time; the median is the first time S ≤ 0.5", async () => {
  // times 1 (event), 2 (event), 2 (event), 2 (censored), 3 (censored), 4 (event), 5 (censored)
  const data: [string, number, number, number][] = [
    ["X", 1, 1, 0], ["X", 2, 2, 0], ["X", 3, 2, 0], ["X", 4, 2, 1], ["X", 5, 3, 1], ["X", 6, 4, 0], ["X", 7, 5, 1],
  ];
  await withAdtte(data, async (engine) => {
    const rows = await engine.sql("SELECT * FROM kaplan_meier(adtte)");
    assert.deepEqual(rows.map((r) => [r.time_days, r.n_risk, r.n_event, r.n_censor]),
      [[0, 7, 0, 0], [1, 7, 1, 0], [2, 6, 2, 1], [3, 3, 0, 1], [4, 2, 1, 0], [5, 1, 0, 1]]);
    // S: 6/7, 6/7·4/6 = 4/7, 4/7, 4/7·1/2 = 2/7, 2/7
    [1, 6 / 7, 4 / 7, 4 / 7, 2 / 7, 2 / 7].forEach((s, i) => close(rows[i].surv, s, 1e-12));
    // Greenwood at 2: 1/(7·6) + 2/(6·4) → se = 4/7·√(0.107143) = 0.187044
    close(rows[2].se, (4 / 7) * Math.sqrt(1 / 42 + 2 / 24), 1e-12);
    assert.deepEqual(rows[2].event_ids, [2, 3]);
    assert.deepEqual(rows[2].censor_ids, [4]);
    const [median] = await engine.sql("SELECT * FROM km_median(adtte)");
    assert.equal(median.median_days, 4); // S goes from 4/7 to 2/7 at 4
  });
});

test("all censored: S stays 1, no CI, no median; all events at one time: S = 0 and no SE", async () => {
  const data: [string, number, number, number][] = [
    ["CENSORED", 1, 10, 1], ["CENSORED", 2, 20, 1], ["CENSORED", 3, 30, 1],
    ["ALLDIE", 1, 5, 0], ["ALLDIE", 2, 5, 0],
  ];
  await withAdtte(data, async (engine) => {
    const censored = await engine.sql("SELECT * FROM kaplan_meier(adtte) WHERE PARAMCD = 'CENSORED'");
    assert.deepEqual(censored.map((r) => [r.surv, r.se, r.ci_low, r.ci_high]), [[1, 0, null, null], [1, 0, null, null],
      [1, 0, null, null], [1, 0, null, null]]);
    const allDie = await engine.sql("SELECT * FROM kaplan_meier(adtte) WHERE PARAMCD = 'ALLDIE'");
    assert.deepEqual(allDie.map((r) => [r.time_days, r.surv, r.se, r.ci_low]), [[0, 1, 0, null], [5, 0, null, null]]);
    const medians = await engine.sql("SELECT * FROM km_median(adtte) ORDER BY PARAMCD");
    assert.deepEqual(medians, [
      {PARAMCD: "ALLDIE", median_days: 5, ci_low_days: null, ci_high_days: null},
      {PARAMCD: "CENSORED", median_days: null, ci_low_days: null, ci_high_days: null},
    ]);
  });
});

test("km.sql runs on a synthetic ADTTE alone and reports an endpoint without patients as empty", async () => {
  await withAdtte([["OS", 1, 100, 1], ["OS", 2, 200, 1], ["PFS", 1, 50, 0], ["PFS", 2, 60, 1]], async (engine) => {
    const rows = await engine.run("src/sql/analysis/km.sql");
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    assert.equal((byId["tte.os"].stats as Row).km_median, null, "all censored: median not reached");
    assert.equal((byId["tte.os"].stats as Row).events, 0);
    close((byId["tte.pfs"].stats as Row).km_median, 50 / month, 1e-9); // S = 1/2 at 50, no later drop
    assert.deepEqual(byId["tte.dor"], {
      id: "tte.dor", denominator: 0, patients: [], rows: [],
      stats: {median: null, min: null, max: null, n: 0, events: 0, km_median: null, km_ci_low: null, km_ci_high: null},
    });
  });
});

test("km_risk.sql: the axis steps by 3, 6 or 12 months with the follow-up, and an endpoint without patients gets 0–3", async () => {
  // OS: event at 100 days (3.3 months), censored at 400 (13.1) → by 6 to 18. PFS: event at 50, censored at 1200
  // (39.4 months) → by 12 to 48. No DOR records.
  const data: [string, number, number, number][] = [["OS", 1, 100, 0], ["OS", 2, 400, 1], ["PFS", 1, 50, 0], ["PFS", 2, 1200, 1]];
  await withAdtte(data, async (engine) => {
    const byId = Object.fromEntries((await engine.run("src/sql/analysis/km_risk.sql")).map((r) => [r.id, r]));
    const table = (id: string) => (byId[id].rows as Row[]).map((r) => [r.time, r.n_risk, r.events, r.censored]);
    assert.deepEqual(table("tte.os.risk"), [[0, 2, 0, 0], [6, 1, 1, 0], [12, 1, 1, 0], [18, 0, 1, 1]]);
    assert.deepEqual(table("tte.pfs.risk"), [[0, 2, 0, 0], [12, 1, 1, 0], [24, 1, 1, 0], [36, 1, 1, 0], [48, 0, 1, 1]]);
    assert.deepEqual(table("tte.dor.risk"), [[0, 0, 0, 0], [3, 0, 0, 0]]);
    assert.deepEqual([byId["tte.dor.risk"].denominator, byId["tte.dor.risk"].patients], [0, []]);
    assert.deepEqual(byId["tte.os.risk"].patients, [1, 2]);
  });
});
