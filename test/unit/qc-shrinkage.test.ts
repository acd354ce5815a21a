import assert from "node:assert/strict";
import {test} from "node:test";
import * as shrinkage from "../../src/core/qc/shrinkage.js";
import {close, rowOf, runTwin} from "../fixtures/qc.js";

const {stats, rows} = await runTwin(shrinkage);
const waterfall = rows["response.waterfall"]!;

test("shrinkage ≥ 30% before resection: 4 patients, 38.3% to 47.2%", () => {
  // best change before resection: 28/53 → −47.17%, 37/60 → −38.33%, 24/40 → −40%, 39/70 → −44.29%
  const {n, min, max} = stats["response.shrinkage"]!;
  assert.equal(n, 4);
  close(min, (100 * 23) / 60);
  close(max, (100 * 25) / 53);
  assert.deepEqual(stats["response.waterfall"], {}); // row-only: its rows are compared
});

test("waterfall: best % change before resection, per patient", () => {
  // patient 1: baseline 53 mm, 28 mm (day 75) and 29 mm before the resection → (28 − 53)/53 = −47.17%
  assert.deepEqual(rowOf(waterfall, {USUBJID: 1}), {USUBJID: 1, MORPH: "SCNEC", BOR: "PR", PCHG: (-25 / 53) * 100, PDSITE: null});
  // patient 3: PD with the primary +11% (below RECIST's +20%): first progression (day 70) distant and locoregional
  assert.equal(rowOf(waterfall, {USUBJID: 3})!.PDSITE, "DISTANT, LOCOREGIONAL");
  // patient 2 (not operated): 48 → best 49 mm: +2.08%
  assert.equal(rowOf(waterfall, {USUBJID: 2})!.PCHG, (100 * (49 - 48)) / 48);
  assert.equal(waterfall.rows.length, 6);
});
