import assert from "node:assert/strict";
import {test} from "node:test";
import {kaplanMeier, kmMedian, reverseKaplanMeier, type SurvivalRecord} from "../../src/core/stats/km.js";

// Expected values are hand-computed (arithmetic in the comments) and were confirmed with
// R 4.2 / survival 3.5.3: survfit(Surv(t, e) ~ 1, conf.type = "log-log") and print(fit).

const close = (actual: number | null, expected: number, tol = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tol, `${actual} ≉ ${expected}`);

function records(spec: [number, 0 | 1][]): SurvivalRecord[] {
  return spec.map(([time, event], i) => ({id: i + 1, time, event: event === 1}));
}

// id:   1  2  3  4  5  6  7
// time: 2  2  2  3  5  5  7
// event 1  1  0  0  1  0  1     → ties of events and a censoring at t = 2 and t = 5
const tied = records([[2, 1], [2, 1], [2, 0], [3, 0], [5, 1], [5, 0], [7, 1]]);

test("KM table: time-0 row, ties with events before censorings, Greenwood SE", () => {
  const rows = kaplanMeier(tied);
  assert.deepEqual(rows.map((r) => [r.time_days, r.n_risk, r.n_event, r.n_censor]), [
    [0, 7, 0, 0], [2, 7, 2, 1], [3, 4, 0, 1], [5, 3, 1, 1], [7, 1, 1, 0],
  ]);
  assert.deepEqual(rows[1].event_ids, [1, 2]);
  assert.deepEqual(rows[1].censor_ids, [3]);
  assert.equal(rows[0].surv, 1);
  assert.equal(rows[0].se, 0);
  // t=2: the censored patient 3 is still at risk: S = 1 − 2/7 = 5/7
  close(rows[1].surv, 5 / 7);
  // Greenwood: Σ d/(n(n−d)) = 2/(7·5) = 2/35; se = 5/7 · sqrt(2/35) = 0.714286 · 0.239046 = 0.1707469442
  close(rows[1].se, 0.1707469442, 1e-10);
  // t=3: censoring only, S unchanged
  close(rows[2].surv, 5 / 7);
  // t=5: S = 5/7 · (1 − 1/3) = 10/21; Σ = 2/35 + 1/(3·2) = 47/210; se = 10/21 · sqrt(47/210) = 0.2252786251
  close(rows[3].surv, 10 / 21);
  close(rows[3].se, 0.2252786251, 1e-10);
  // t=7: the last patient at risk dies: S = 0, SE and CI undefined (R: NaN, NA)
  assert.equal(rows[4].surv, 0);
  assert.equal(rows[4].se, null);
  assert.equal(rows[4].ci_low, null);
  assert.equal(rows[4].ci_high, null);
});

test("KM log-log 95% CI", () => {
  const rows = kaplanMeier(tied);
  // t=2: log S = ln(5/7) = −0.3364722; centre = ln(0.3364722) = −1.0892396;
  // half = 1.959964 · sqrt(2/35) / log S = 1.959964 · 0.2390457 / −0.3364722 = −1.3924507
  // low = exp(−exp(−1.0892396 + 1.3924507)) = exp(−exp(0.3032111)) = exp(−1.3542156) = 0.2581536655
  // high = exp(−exp(−1.0892396 − 1.3924507)) = exp(−exp(−2.4816903)) = exp(−0.0835981) = 0.9197974560
  close(rows[1].ci_low, 0.2581536655, 1e-10);
  close(rows[1].ci_high, 0.9197974560, 1e-10);
  // t=5: centre = ln(−ln(10/21)) = −0.2984905; half = 1.959964 · 0.4730851 / −0.7419373 = −1.2497414
  // low = exp(−exp(0.9512509)) = 0.0750991468; high = exp(−exp(−1.5482318)) = 0.8084603883
  close(rows[3].ci_low, 0.0750991468, 1e-10);
  close(rows[3].ci_high, 0.8084603883, 1e-10);
  // time 0 (S = 1): undefined, like R's NA
  assert.equal(rows[0].ci_low, null);
});

test("KM median: first time S ≤ 0.5; CI from the bands; UCL null when the upper band never reaches 0.5", () => {
  // S: 5/7 (t=2), 5/7 (t=3), 10/21 = 0.476 (t=5) → median 5.
  // Lower band 0.258 ≤ 0.5 already at t=2 → LCL 2. Upper band 0.920, 0.920, 0.808, then undefined
  // (S = 0 at t=7) → UCL not reached. R print(fit): median 5, 0.95LCL 2, 0.95UCL NA.
  assert.deepEqual(kmMedian(kaplanMeier(tied)), {estimate: 5, ci_low: 2, ci_high: null});
});

test("KM median when S = 0.5 exactly over an interval: midpoint to the next event (R rule)", () => {
  // Events at 247, 320, 362, censoring at 737 (the last time is censored).
  // S = 3/4, 1/2 (t=320, stays 1/2 until the event at 362), 1/4, 1/4 → median (320 + 362)/2 = 341.
  const rows = kaplanMeier(records([[247, 1], [320, 1], [362, 1], [737, 0]]));
  assert.equal(rows.at(-1)!.n_censor, 1);
  close(rows.at(-1)!.surv, 0.25);
  // Lower band at t=247: S = 0.75, Σ = 1/(4·3) = 1/12; centre = ln(−ln 0.75) = −1.2459090,
  // half = 1.959964 · 0.2886751 / −0.2876821 = −1.9667291 → low = exp(−exp(0.7208201)) = 0.1279469 ≤ 0.5 → LCL 247.
  // Upper band: 0.961, 0.845, 0.665, 0.665 — never ≤ 0.5 → UCL null. R: 341, 247, NA.
  close(rows[1].ci_low, 0.127946917595, 1e-10);
  assert.deepEqual(kmMedian(rows), {estimate: 341, ci_low: 247, ci_high: null});
});

test("KM median with a finite Brookmeyer–Crowley upper limit", () => {
  // Ten events at t = 1…10, no censoring: S(t) = (10 − t)/10 and
  // Σ d/(n(n−d)) = Σ_{i≤t} 1/((11−i)(10−i)) = 1/(10−t) − 1/10 = t/(10(10−t)).
  const rows = kaplanMeier(records(Array.from({length: 10}, (_, i): [number, 1] => [i + 1, 1])));
  // Median: S(5) = 0.5 exactly until the event at 6 → (5 + 6)/2 = 5.5.
  // LCL: at t=1, S = 0.9, σ² = 1/90: centre = ln(0.1053605) = −2.2503673, half = 1.959964·0.1054093/−0.1053605
  //   = −1.9608707 → low = exp(−exp(−0.2894966)) = 0.4730093 ≤ 0.5 → LCL 1.
  // UCL: t=7, S = 0.3, σ² = 7/30: high = exp(−exp(0.1856268 − 0.7863571)) = 0.5778673 > 0.5;
  //   t=8, S = 0.2, σ² = 0.4: high = exp(−exp(0.4758850 − 0.7702006)) = 0.4747147 ≤ 0.5 → UCL 8.
  close(rows[1].ci_low, 0.4730092714, 1e-9);
  close(rows[7].ci_high, 0.5778673306, 1e-9);
  close(rows[8].ci_high, 0.4747146904, 1e-9);
  assert.deepEqual(kmMedian(rows), {estimate: 5.5, ci_low: 1, ci_high: 8});
});

test("KM median when the curve ends exactly at 0.5: the time it reached 0.5 (print.survfit)", () => {
  // Event at 1 (S = 1/2), censoring at 2: S never drops below 0.5 → median 1 (R print: 1).
  assert.equal(kmMedian(kaplanMeier(records([[1, 1], [2, 0]]))).estimate, 1);
});

test("KM all censored: S = 1 throughout, median and its CI not reached", () => {
  const rows = kaplanMeier(records([[3, 0], [5, 0]]));
  assert.deepEqual(rows.map((r) => r.surv), [1, 1, 1]);
  assert.deepEqual(rows.map((r) => r.ci_low), [null, null, null]);
  assert.deepEqual(kmMedian(rows), {estimate: null, ci_low: null, ci_high: null});
});

test("reverse KM: censoring is the event (median potential follow-up)", () => {
  // Four deaths (censored in reverse) at 300, 390, 472, 563; alive at 880 and 1093 (events in reverse).
  // Reverse S: 1 until 880, then 1 − 1/2 = 0.5, then 0 at 1093 → median (880 + 1093)/2 = 986.5 days.
  const rows = reverseKaplanMeier(records([[300, 1], [390, 1], [472, 1], [563, 1], [880, 0], [1093, 0]]));
  assert.deepEqual(rows.map((r) => r.surv), [1, 1, 1, 1, 1, 0.5, 0]);
  assert.equal(kmMedian(rows).estimate, 986.5);
});

test("KM rejects a negative time", () => {
  assert.throws(() => kaplanMeier([{id: 1, time: -1, event: true}]), /bad time -1/);
});
