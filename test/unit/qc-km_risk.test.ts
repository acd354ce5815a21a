import assert from "node:assert/strict";
import {test} from "node:test";
import * as km_risk from "../../src/core/qc/km_risk.js";
import {runTwin} from "../fixtures/qc.js";

const {stats, rows} = await runTwin(km_risk);
const table = (id: string) => rows[id]!.rows.map((r) => [r.time, r.n_risk, r.events, r.censored]);

test("OS number at risk: deaths at 9.9, 12.8, 15.5, 18.5 months, censored at 28.9 and 35.9: axis 0–36 by 6", () => {
  assert.deepEqual(table("tte.os.risk"), [
    [0, 6, 0, 0], [6, 6, 0, 0], [12, 5, 1, 0], [18, 3, 3, 0], [24, 2, 4, 0], [30, 1, 4, 1], [36, 0, 4, 2],
  ]);
  assert.deepEqual(rows["tte.os.risk"]!.key, ["time"]);
});

test("DoR number at risk: events at 8.1, 10.5, 11.9 months, censored at 24.2: axis 0–30 by 6", () => {
  assert.deepEqual(table("tte.dor.risk"), [[0, 4, 0, 0], [6, 4, 0, 0], [12, 1, 3, 0], [18, 1, 3, 0], [24, 1, 3, 0], [30, 0, 3, 1]]);
});

test("PFS number at risk ends at the first tick past the last observation (27.0 months)", () => {
  assert.deepEqual(table("tte.pfs.risk").at(-1), [30, 0, 5, 1]);
  assert.deepEqual(Object.keys(stats).sort(), ["tte.dor.risk", "tte.os.risk", "tte.pfs.risk"]);
  assert.deepEqual(stats["tte.os.risk"], {});
});
