import assert from "node:assert/strict";
import {test} from "node:test";
import * as table1 from "../../src/core/qc/table1.js";
import {close, runTwin} from "../fixtures/qc.js";

const {stats: qc} = await runTwin(table1);

test("patient and tumour characteristics of the demo cohort", () => {
  assert.deepEqual(qc["cohort.n"], {n: 6});
  assert.deepEqual(qc["table1.female"], {n: 3, pct: 50}); // patients 3, 4, 6
  // ages 55 79 61 48 66 63 → mean 372/6 = 62, median (61 + 63)/2 = 62
  assert.deepEqual(qc["table1.age"], {mean: 62, median: 62, min: 48, max: 79, n: 6});
  assert.deepEqual(qc["table1.ps01"], {n: 6, pct: 100});
  // Ki-67 95 60 90 100 95 100 → 540/6 = 90; sorted 60 90 95 95 100 100 → median 95
  assert.deepEqual(qc["table1.ki67"], {mean: 90, median: 95, min: 60, max: 100});
  assert.deepEqual(["lcnec", "scnec", "minen"].map((m) => qc[`table1.morph.${m}`].n), [2, 1, 3]);
  assert.deepEqual([qc["table1.stage.la"].n, qc["table1.stage.metastatic"].n], [2, 4]);
  assert.deepEqual(qc["table1.mets.liver"], {n: 3, pct: 50});
  assert.equal(qc["table1.mets.peritoneum"].n, 1);
  assert.deepEqual(qc["table1.comorbidity"], {n: 1, pct: 100 / 6}); // patient 2
  assert.deepEqual([qc["table1.site.rectum"].n, qc["table1.site.anus"].n], [5, 1]); // patient 5: anus
  // cT3: patients 1, 4, 5; cT4: 2, 3, 6; cN1: 1, 2, 5; cN2: 3, 4, 6
  assert.deepEqual(["t1", "t2", "t3", "t4"].map((t) => qc[`table1.ct.${t}`].n), [0, 0, 3, 3]);
  assert.deepEqual(["n0", "n1", "n2"].map((n) => qc[`table1.cn.${n}`].n), [0, 3, 3]);
});

test("treatment characteristics of the demo cohort", () => {
  assert.equal(qc["table1.chemo.cis_etop"].n, 4); // induction cisplatin: 1, 3, 4, 5
  assert.equal(qc["table1.chemo.carbo_etop"].n, 2); // induction carboplatin: 2, 6
  // first-line cycles: 1+2+2, 1+1+2, 1+1+2, 1+2+3, 1+2+3, 1+2+3+2 (adjuvant) = 5 4 4 6 6 8 → 33/6 = 5.5
  assert.deepEqual(qc["table1.chemo.cycles"], {mean: 5.5, median: 5.5, min: 4, max: 8});
  assert.deepEqual([qc["table1.rt.neoadjuvant"].n, qc["table1.rt.definitive"].n], [5, 1]);
  assert.deepEqual([qc["table1.rt.25gy5f"].n, qc["table1.rt.50gy28f"].n], [2, 4]);
  assert.deepEqual([qc["table1.surgery.yes"].n, qc["table1.surgery.no"].n], [4, 2]);
  // liver-directed treatment among the 3 with liver metastases: RFA 2 (66.7%), resection 1
  assert.equal(qc["table1.liver.rfa"].n, 2);
  close(qc["table1.liver.rfa"].pct, 200 / 3);
  assert.equal(qc["table1.liver.resection"].n, 1);
});

test("every declared id and only those", () => {
  assert.deepEqual(Object.keys(qc).sort(), [...table1.ids].sort());
});
