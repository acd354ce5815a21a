import assert from "node:assert/strict";
import {test} from "node:test";
import * as km from "../../src/core/qc/km.js";
import {close, MONTH, rowOf, runTwin} from "../fixtures/qc.js";

const {stats, rows} = await runTwin(km);

test("duration of response: 247, 320, 362 days (events) and 737 (censored)", () => {
  const dor = stats["tte.dor"]!;
  assert.deepEqual([dor.n, dor.events], [4, 3]);
  close(dor.median, 341 / MONTH); // (320 + 362)/2 days = 11.20 months
  close(dor.min, 247 / MONTH);
  close(dor.max, 737 / MONTH);
  close(dor.km_median, 341 / MONTH);
  assert.equal(dor.km_ci_high, null); // the upper band never reaches 0.5
});

test("OS and PFS Kaplan–Meier medians", () => {
  // OS: S = 0.5 from 472 until 563 days → (472 + 563)/2; PFS: S = 0.5 from 390 until 397 → 393.5
  close(stats["tte.os"]!.km_median, 517.5 / MONTH);
  assert.equal(stats["tte.os"]!.events, 4);
  close(stats["tte.pfs"]!.km_median, 393.5 / MONTH);
  assert.equal(stats["tte.pfs"]!.events, 5);
});

test("Kaplan–Meier table rows carry months and patient ids", () => {
  const row = rowOf(rows["tte.dor"]!, {time_days: 320})!;
  assert.equal(row.surv, 0.5); // 3/4 · 2/3
  assert.equal(row.time, 320 / MONTH);
  assert.deepEqual(row.event_ids, [4]);
  assert.deepEqual(rows["tte.dor"]!.rows[0], {
    time_days: 0, time: 0, n_risk: 4, n_event: 0, n_censor: 0, surv: 1, se: 0, ci_low: null, ci_high: null,
    event_ids: [], censor_ids: [],
  });
  assert.deepEqual(Object.keys(rows).sort(), ["tte.dor", "tte.os", "tte.pfs"]);
});
