import assert from "node:assert/strict";
import {test} from "node:test";
import {clopperPearson, incompleteBeta} from "../../src/core/stats/binomial.js";

const close = (actual: number, expected: number, tol: number) =>
  assert.ok(Math.abs(actual - expected) < tol, `${actual} ≉ ${expected}`);

test("regularised incomplete beta in closed form", () => {
  // I_p(5, 2) = P(Bin(6, p) ≥ 5) = 6p⁵(1−p) + p⁶ = 6p⁵ − 5p⁶; at p = 0.5: 6/32 − 5/64 = 7/64
  close(incompleteBeta(0.5, 5, 2), 7 / 64, 1e-14);
  // I_p(1, 1) = p
  close(incompleteBeta(0.3, 1, 1), 0.3, 1e-14);
});

test("Clopper–Pearson 4/6 = 0.2227781–0.9567281 (ORR)", () => {
  const ci = clopperPearson(4, 6);
  // lower solves P(Bin(6, p) ≥ 4) = 0.025 → 15p⁴(1−p)² + 6p⁵(1−p) + p⁶ = 0.025 at p = 0.2227781
  // upper solves P(Bin(6, p) ≤ 4) = 0.025, i.e. I_p(5, 2) = 6p⁵ − 5p⁶ = 0.975 at p = 0.9567281
  close(ci.estimate, 4 / 6, 1e-15);
  close(ci.low, 0.2227781, 5e-8);
  close(ci.high, 0.9567281, 5e-8);
});

test("Clopper–Pearson at x = 0 and x = n", () => {
  // 0/6: lower 0; upper solves (1 − p)⁶ = 0.025 → 1 − 0.025^(1/6) = 0.4592581264
  const none = clopperPearson(0, 6);
  assert.equal(none.low, 0);
  close(none.high, 0.4592581264, 1e-9);
  // 6/6: upper 1; lower solves p⁶ = 0.025 → 0.025^(1/6) = 0.5407418736
  const all = clopperPearson(6, 6);
  assert.equal(all.high, 1);
  close(all.low, 0.5407418736, 1e-9);
  // 1/1: lower = 0.025
  close(clopperPearson(1, 1).low, 0.025, 1e-12);
});

test("Clopper–Pearson rejects impossible counts", () => {
  assert.throws(() => clopperPearson(7, 6), RangeError);
  assert.throws(() => clopperPearson(0, 0), RangeError);
});
