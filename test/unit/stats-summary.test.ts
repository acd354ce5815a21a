import assert from "node:assert/strict";
import {test} from "node:test";
import {mean, median, percentage, summarise} from "../../src/core/stats/summary.js";

test("median of odd and even counts", () => {
  assert.equal(median([5, 1, 3]), 3); // sorted 1 3 5 → middle 3
  assert.equal(median([4, 8, 5, 6, 6, 4]), 5.5); // sorted 4 4 5 6 6 8 → (5 + 6)/2
  assert.equal(median([]), null);
});

test("mean, range and n", () => {
  // ages 55 79 61 48 66 63: sum 372 / 6 = 62; sorted 48 55 61 63 66 79 → median (61 + 63)/2 = 62
  assert.deepEqual(summarise([55, 79, 61, 48, 66, 63]), {n: 6, mean: 62, median: 62, min: 48, max: 79});
  assert.equal(mean([]), null);
  assert.deepEqual(summarise([]), {n: 0, mean: null, median: null, min: null, max: null});
});

test("range of a million values (no argument spreading)", () => {
  const values = Array.from({length: 1_000_000}, (_, i) => 999_999 - i); // 999999 … 0
  assert.equal(summarise(values).min, 0);
  assert.equal(summarise(values).max, 999_999);
});

test("percentage 0–100, null for an empty denominator", () => {
  assert.equal(percentage(3, 6), 50);
  assert.equal(percentage(3, 4), 75);
  assert.equal(percentage(0, 0), null);
});
