import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import {QC_MODULES, qcAll, qcResults, qcRows} from "../../src/core/qc/index.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {SEVERE_EVENTS} from "../fixtures/qc.js";

// The registry of twins (src/core/qc/index.ts); each twin has its own test, qc-<analysis>.test.ts.
const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const qc = await qcResults(cohortDir);

test("QC covers exactly the result ids of docs/results.md", () => {
  const contract = readFileSync(fileURLToPath(new URL("../../docs/results.md", import.meta.url)), "utf8");
  const ids = new Set<string>();
  for (const line of contract.split("\n").filter((l) => l.startsWith("| `"))) {
    let last = "";
    for (const [, token] of line.split("|")[1].matchAll(/`([^`]+)`/g)) {
      // "`table1.morph.lcnec` / `.scnec`": a leading dot replaces the last part of the previous id
      last = token.startsWith(".") ? last.replace(/\.[^.]+$/, token) : token;
      ids.add(last);
    }
  }
  assert.ok(ids.has("table1.morph.scnec") && ids.has("tte.dor"));
  assert.deepEqual(Object.keys(QC_MODULES).sort(), [...ids].sort());
  assert.deepEqual(Object.keys(qc).sort(), [...ids].sort());
});

test("qcAll reads the cohort once and returns what qcResults and qcRows return", async () => {
  const dir = makeCohort(SEVERE_EVENTS);
  try {
    const both = await qcAll(dir);
    assert.deepEqual(both.stats, await qcResults(dir));
    assert.deepEqual(both.rows, await qcRows(dir));
    assert.equal(both.stats["safety.grade34"]!.n, 3);
    assert.deepEqual(Object.keys(both.rows).sort(), [
      "response.waterfall", "safety.ae_by_grade", "safety.discontinuation", "safety.dose_reduction", "safety.grade34",
      "swimmer.lanes", "swimmer.markers", "swimmer.segments", "tte.dor", "tte.dor.risk", "tte.os", "tte.os.risk",
      "tte.pfs", "tte.pfs.risk",
    ]);
  } finally {
    removeCohort(dir);
  }
});
