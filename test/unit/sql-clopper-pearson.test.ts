// Exact Clopper–Pearson intervals in SQL (src/sql/lib/clopper_pearson.sql) and the ORR of the demo cohort.
import assert from "node:assert/strict";
import {test} from "node:test";
import {Engine} from "../../src/core/engine.js";

const close = (actual: unknown, expected: number, tol = 1e-9) =>
  assert.ok(typeof actual === "number" && Math.abs(actual - expected) < tol, `${actual} ≉ ${expected}`);

const engine = await Engine.open();
await engine.run("src/sql/lib/clopper_pearson.sql");
await engine.sql(`CREATE TABLE counts AS SELECT * FROM (VALUES ('4/6', 4, 6), ('0/6', 0, 6), ('6/6', 6, 6),
  ('1/1', 1, 1), ('50/1000', 50, 1000), ('500000/1e6', 500000, 1000000), ('3/1e6', 3, 1000000),
  ('999997/1e6', 999997, 1000000), ('667123/1e6', 667123, 1000000), ('1/1e6', 1, 1000000),
  ('999999/1e6', 999999, 1000000)) t(id, x, n)`);
const ci = Object.fromEntries((await engine.sql("SELECT * FROM clopper_pearson(counts, 0.05)")).map((r) => [r.id, r]));
engine.close();

test("4/6: 22.28%–95.67% (the ORR of the paper)", () => {
  close(ci["4/6"].ci_low, 0.2227781, 1e-7);
  close(ci["4/6"].ci_high, 0.9567281, 1e-7);
});

test("0/n and n/n: the closed forms 1 − (α/2)^(1/n) and (α/2)^(1/n)", () => {
  assert.equal(ci["0/6"].ci_low, 0);
  close(ci["0/6"].ci_high, 1 - 0.025 ** (1 / 6), 1e-12); // 0.4593
  close(ci["6/6"].ci_low, 0.025 ** (1 / 6), 1e-12); // 0.5407
  assert.equal(ci["6/6"].ci_high, 1);
  close(ci["1/1"].ci_low, 0.025, 1e-12);
});

test("a larger n: 50/1000 as R's binom.test, 0.03733540–0.06539049", () => {
  close(ci["50/1000"].ci_low, 0.0373354, 1e-7);
  close(ci["50/1000"].ci_high, 0.06539049, 1e-7);
});

// The binomial CDF sums only the terms within 5·√n + 50 of the mean: at 10^6 patients, and at the extremes of p,
// the limits still match R's binom.test (R 4.x, printed to 12 decimals).
test("n = 10^6: as R's binom.test, also at the extremes of p", () => {
  close(ci["500000/1e6"].ci_low, 0.499019519195, 1e-11);
  close(ci["500000/1e6"].ci_high, 0.500980480805, 1e-11);
  close(ci["3/1e6"].ci_low, 0.000000618673, 1e-11);
  close(ci["3/1e6"].ci_high, 0.000008767248, 1e-11);
  close(ci["999997/1e6"].ci_low, 0.999991232752, 1e-11);
  close(ci["999997/1e6"].ci_high, 0.999999381327, 1e-11);
  close(ci["667123/1e6"].ci_low, 0.666198397813, 1e-11);
  close(ci["667123/1e6"].ci_high, 0.668046634083, 1e-11);
});

// x = 1 and x = n − 1 have closed forms: p_L = 1 − (1 − α/2)^(1/n) for 1/n, and 1 − p_L is p_U of (n − 1)/n. At
// 10^6 the lower limit is 2.5e-8, where ln(1 − p) in double precision loses the digits of p (ln_1m keeps them).
test("1/10^6 and (10^6 − 1)/10^6: the closed form, to 1e-12 of the limit's size", () => {
  const lower = -Math.expm1(Math.log(0.975) / 1e6); // 2.53178076637942e-8
  close(ci["1/1e6"].ci_low, lower, 1e-12 * lower);
  close(ci["999999/1e6"].ci_high, 1 - lower, 1e-12);
  close(ci["999999/1e6"].ci_low, 1 - 0.000005571630655172414, 1e-12);
});
