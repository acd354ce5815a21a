import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import {QC_MODULES, qcResults} from "../../src/core/qc/index.js";

const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const qc = await qcResults(cohortDir);

const close = (actual: number | null | undefined, expected: number, tol = 0.005) =>
  assert.ok(typeof actual === "number" && Math.abs(actual - expected) < tol, `${actual} ≉ ${expected}`);

test("QC reproduces Table 1 of the paper from the raw CSVs", () => {
  assert.deepEqual(qc["cohort.n"], {n: 6});
  assert.deepEqual(qc["table1.female"], {n: 3, pct: 50}); // patients 3, 4, 6
  // ages 55 79 61 48 66 63 → mean 372/6 = 62, median (61 + 63)/2 = 62
  assert.deepEqual(qc["table1.age"], {mean: 62, median: 62, min: 48, max: 79, n: 6});
  assert.deepEqual(qc["table1.ps01"], {n: 6, pct: 100});
  // Ki-67 95 60 90 100 95 100 → 540/6 = 90; sorted 60 90 95 95 100 100 → median 95
  assert.deepEqual(qc["table1.ki67"], {mean: 90, median: 95, min: 60, max: 100});
  assert.equal(qc["table1.morph.lcnec"].n, 2);
  assert.equal(qc["table1.morph.scnec"].n, 1);
  assert.equal(qc["table1.morph.minen"].n, 3);
  assert.equal(qc["table1.stage.la"].n, 2);
  assert.equal(qc["table1.stage.metastatic"].n, 4);
  assert.deepEqual(qc["table1.mets.liver"], {n: 3, pct: 50});
  assert.equal(qc["table1.mets.peritoneum"].n, 1);
  assert.equal(qc["table1.chemo.cis_etop"].n, 4); // induction cisplatin: 1, 3, 4, 5
  assert.equal(qc["table1.chemo.carbo_etop"].n, 2); // induction carboplatin: 2, 6
  assert.deepEqual(qc["table1.comorbidity"], {n: 1, pct: 100 / 6}); // patient 2
  assert.deepEqual([qc["table1.site.rectum"].n, qc["table1.site.anus"].n], [5, 1]); // patient 5: anus
  // cT3: patients 1, 4, 5; cT4: 2, 3, 6; cN1: 1, 2, 5; cN2: 3, 4, 6
  assert.deepEqual(["t1", "t2", "t3", "t4"].map((t) => qc[`table1.ct.${t}`].n), [0, 0, 3, 3]);
  assert.deepEqual(["n0", "n1", "n2"].map((n) => qc[`table1.cn.${n}`].n), [0, 3, 3]);
  // first-line cycles: 1+2+2, 1+1+2, 1+1+2, 1+2+3, 1+2+3, 1+2+3+2 (adjuvant) = 5 4 4 6 6 8 → 33/6 = 5.5
  assert.deepEqual(qc["table1.chemo.cycles"], {mean: 5.5, median: 5.5, min: 4, max: 8});
  assert.equal(qc["table1.rt.neoadjuvant"].n, 5);
  assert.equal(qc["table1.rt.definitive"].n, 1);
  assert.equal(qc["table1.rt.25gy5f"].n, 2);
  assert.equal(qc["table1.rt.50gy28f"].n, 4);
  assert.equal(qc["table1.surgery.yes"].n, 4);
  assert.equal(qc["table1.surgery.no"].n, 2);
  assert.deepEqual(qc["table1.resection.r0"], {n: 3, pct: 75}); // denominator: the 4 operated
  assert.deepEqual(qc["table1.resection.r1"], {n: 1, pct: 25});
  close(qc["table1.liver.rfa"].pct, 66.667); // 2 of the 3 with liver metastases
  assert.equal(qc["table1.liver.rfa"].n, 2);
  assert.equal(qc["table1.liver.resection"].n, 1);
});

test("QC reproduces response, control and safety", () => {
  assert.deepEqual(
    ["cr", "pr", "sd", "pd", "ne"].map((bor) => qc[`response.bor.${bor}`].n),
    [1, 3, 1, 1, 0],
  );
  const orr = qc["response.orr"];
  assert.equal(orr.n, 4);
  close(orr.ci_low, 22.27781, 1e-5);
  close(orr.ci_high, 95.67281, 1e-5);
  // best change before resection: 28/53 → −47.17%, 37/60 → −38.33%, 24/40 → −40%, 39/70 → −44.29%
  const shrinkage = qc["response.shrinkage"];
  assert.equal(shrinkage.n, 4);
  close(shrinkage.min, (100 * 23) / 60, 1e-9);
  close(shrinkage.max, (100 * 25) / 53, 1e-9);
  assert.deepEqual(qc["response.ypt0"], {n: 2, pct: 50});
  assert.equal(qc["control.lrtc"].n, 4); // patients 3 and 4 failed locoregionally
  // exact 95% CI of 0/6: 0 to 1 − 0.025^(1/6) = 45.93%; of 1/6: 0.42–64.12%
  const none = 100 * (1 - 0.025 ** (1 / 6));
  const {ci_high: grade34High, ...grade34} = qc["safety.grade34"];
  assert.deepEqual(grade34, {n: 0, pct: 0, ci_low: 0, events: 0});
  close(grade34High, none, 1e-9);
  close(none, 45.93, 0.005);
  assert.equal(qc["safety.dose_reduction"].n, 1);
  close(qc["safety.dose_reduction"].ci_low, 0.421074, 1e-6);
  close(qc["safety.dose_reduction"].ci_high, 64.123458, 1e-6);
  assert.equal(qc["safety.discontinuation"].n, 0);
  close(qc["safety.discontinuation"].ci_high, none, 1e-9);
  // any adverse event: patients 1, 2, 4, 5, 6 of 6; 5/6: 35.88% (R: binom.test(5, 6)) to 0.975^(1/6) = 99.58%
  assert.equal(qc["safety.ae_by_grade"].n, 5);
  close(qc["safety.ae_by_grade"].ci_high, 100 * 0.975 ** (1 / 6), 1e-9);
  close(qc["safety.ae_by_grade"].ci_low, 35.876542, 1e-6);
});

test("QC reproduces follow-up and duration of response", () => {
  const month = 365.25 / 12;
  // Day 1 → death/last contact: 472 390 300 563 880 1093 days; median (472 + 563)/2 = 517.5 days = 17.0 months
  const followup = qc["tte.followup"];
  close(followup.median, 517.5 / month, 1e-9);
  close(followup.min, 300 / month, 1e-9); // 9.86
  close(followup.max, 1093 / month, 1e-9); // 35.91
  // reverse KM: alive at 880 and 1093 → S = 0.5 from 880 → median (880 + 1093)/2 = 986.5 days
  close(followup.km_median, 986.5 / month, 1e-9);
  // DoR: 247, 320, 362 days (events), 737 (censored); median (320 + 362)/2 = 341 days = 11.20 months
  const dor = qc["tte.dor"];
  assert.equal(dor.n, 4);
  assert.equal(dor.events, 3);
  close(dor.median, 341 / month, 1e-9);
  close(dor.min, 247 / month, 1e-9); // 8.115
  close(dor.max, 737 / month, 1e-9); // 24.21
  close(dor.km_median, 341 / month, 1e-9);
  assert.equal(dor.km_ci_high, null); // upper band never reaches 0.5
  // OS KM: S = 0.5 from 472 until 563 → (472 + 563)/2; PFS: S = 0.5 from 390 until 397 → 393.5
  close(qc["tte.os"].km_median, 517.5 / month, 1e-9);
  assert.equal(qc["tte.os"].events, 4);
  close(qc["tte.pfs"].km_median, 393.5 / month, 1e-9);
  assert.equal(qc["tte.pfs"].events, 5);
});

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
