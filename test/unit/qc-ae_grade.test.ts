import assert from "node:assert/strict";
import {test} from "node:test";
import * as aeGrade from "../../src/core/qc/ae_grade.js";
import type {QcRows} from "../../src/core/qc/lib/tables.js";
import {buildResults} from "../../src/core/results/build.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {close, rowOf, runTwin, SEVERE_EVENTS} from "../fixtures/qc.js";

const GRADES = ["1", "2", "3", "4", "5", "Any"];

test("adverse events of any grade: each patient once per term, at the worst grade", async () => {
  const {stats, rows} = await runTwin(aeGrade);
  const table = rows["safety.ae_by_grade"]!;
  const cell = (AEDECOD: string | null, grade: string) => rowOf(table, {AEDECOD, grade})!;
  // any event: patients 1, 2, 4, 5, 6; worst grades 2, 1, 2, 2, 1 → grade 1: 2, grade 2: 3 of 6
  assert.deepEqual(GRADES.map((g) => cell(null, g).n), [2, 3, 0, 0, 0, 5]);
  // fatigue: patient 4 grade 2 and patient 2 grade 1
  assert.deepEqual([cell("Fatigue", "1").n, cell("Fatigue", "2").n, cell("Fatigue", "Any").n], [1, 1, 2]);
  // exact 95% CI of 0/6: 0 to 1 − 0.025^(1/6) = 45.93%; of 5/6: 35.88% (R: binom.test(5, 6)) to 0.975^(1/6)
  assert.equal(cell("Fatigue", "3").ci_low, 0);
  close(cell("Fatigue", "3").ci_high, 100 * (1 - 0.025 ** (1 / 6)));
  close(cell(null, "Any").ci_low, 35.876542, 1e-5);
  close(cell(null, "Any").ci_high, 100 * 0.975 ** (1 / 6));
  // any event and 4 terms (dermatitis radiation, fatigue, neutrophil count decreased, rectal pain), × 6 columns
  assert.equal(table.rows.length, 5 * 6);
  // the result's stats: the any event, any grade cell
  const {AEDECOD, grade, ...any} = cell(null, "Any");
  assert.deepEqual(stats["safety.ae_by_grade"], any);
});

test("the worst grade is a maximum per patient and term, in the QC and in the SQL", async () => {
  const dir = makeCohort(SEVERE_EVENTS);
  try {
    // neutrophil count decreased: #4 grades 2, 3, 4 → 4; #2 → 3. Any event: #1 3 (diarrhoea), #2 3, #4 4, #5 2,
    // #6 1 → grades 1–5: 1, 1, 2, 1, 0
    const qc = (await runTwin(aeGrade, dir)).rows["safety.ae_by_grade"]!;
    const {results} = await buildResults(dir); // which also fails on any disagreement with the QC
    const sql: QcRows = {key: qc.key, rows: results.find((r) => r.id === "safety.ae_by_grade")!.rows as QcRows["rows"]};
    for (const table of [qc, sql]) {
      const n = (AEDECOD: string | null, grade: string) => rowOf(table, {AEDECOD, grade})!.n;
      assert.deepEqual(GRADES.map((g) => n("Neutrophil count decreased", g)), [0, 0, 1, 1, 0, 2]);
      assert.deepEqual(GRADES.map((g) => n(null, g)), [1, 1, 2, 1, 0, 5]);
    }
  } finally {
    removeCohort(dir);
  }
});
