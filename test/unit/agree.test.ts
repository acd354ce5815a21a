// The one rule of agreement (src/core/agree.ts) that the QC, the bench and /verify apply, on hand-picked values.
import assert from "node:assert/strict";
import {test} from "node:test";
import {AGREEMENT_RULE, agree, sameMembers, sameNumber, TOLERANCE} from "../../src/core/agree.js";

test("numbers agree within 1e-9 of their size, absolutely below 1", () => {
  assert.equal(TOLERANCE, 1e-9);
  assert.equal(sameNumber(0.5, 0.5 + 9e-10), true);
  assert.equal(sameNumber(0.5, 0.5 + 2e-9), false);
  assert.equal(sameNumber(1000, 1000 + 9e-7), true); // 1000 × 1e-9 = 1e-6
  assert.equal(sameNumber(1000, 1000 + 2e-6), false);
  assert.equal(sameNumber(-1000, -1000 - 9e-7), true);
});

test("two different counts below 10^9 never agree", () => {
  assert.equal(sameNumber(6, 5), false);
  assert.equal(sameNumber(999_999_999, 999_999_998), false);
});

test("id lists agree as sets of the same members; other lists too", () => {
  assert.equal(sameMembers([1, 2, 4, 6], [6, 4, 2, 1]), true);
  assert.equal(sameMembers([1, 2, 4, 6], [1, 2, 4, 5]), false);
  assert.equal(sameMembers([1, 2], [1, 2, 2]), false);
  assert.equal(agree([3, 1], [1, 3]), true);
});

test("anything else is identical; null only equals null (or an absent value)", () => {
  assert.equal(agree(null, null), true);
  assert.equal(agree(null, undefined), true);
  assert.equal(agree(null, 0), false);
  assert.equal(agree(17.5, null), false);
  assert.equal(agree("PR", "PR"), true);
  assert.equal(agree("PR", "SD"), false);
  assert.equal(agree(1, "1"), false);
});

test("the rule in words names the tolerance", () => {
  assert.equal(AGREEMENT_RULE, "counts and ids exactly, other numbers within 1e-9 of their size");
});
