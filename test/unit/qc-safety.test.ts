import assert from "node:assert/strict";
import {test} from "node:test";
import * as safety from "../../src/core/qc/safety.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {close, runTwin, SEVERE_EVENTS} from "../fixtures/qc.js";

// exact 95% CI of 0/6: 0 to 1 − 0.025^(1/6) = 45.93%; of 1/6: 0.42–64.12%
const NONE_HIGH = 100 * (1 - 0.025 ** (1 / 6));

test("demo cohort: no grade 3–4 event, one dose reduction, no discontinuation", async () => {
  const {stats, rows} = await runTwin(safety);
  const {ci_high, ...grade34} = stats["safety.grade34"]!;
  assert.deepEqual(grade34, {n: 0, pct: 0, ci_low: 0, events: 0});
  close(ci_high, NONE_HIGH);
  close(NONE_HIGH, 45.93, 0.005);
  assert.equal(stats["safety.dose_reduction"]!.n, 1);
  close(stats["safety.dose_reduction"]!.ci_low, 0.421074, 1e-6);
  close(stats["safety.dose_reduction"]!.ci_high, 64.123458, 1e-6);
  assert.equal(stats["safety.discontinuation"]!.n, 0);
  close(stats["safety.discontinuation"]!.ci_high, NONE_HIGH);
  // the events behind the dose reduction: patient 4's fatigue and neutrophil count decreased, grade 2
  assert.deepEqual(rows["safety.dose_reduction"]!.rows, [
    {AEDECOD: "Fatigue", AETOXGR: 2, n_patients: 1, n_events: 1, patient_ids: [4]},
    {AEDECOD: "Neutrophil count decreased", AETOXGR: 2, n_patients: 1, n_events: 1, patient_ids: [4]},
  ]);
  assert.deepEqual(rows["safety.discontinuation"], {key: ["AEDECOD"], rows: []});
  assert.deepEqual(rows["safety.grade34"], {key: ["AEDECOD"], rows: []});
});

test("grade 3–4 adverse events: patients and events, by preferred term", async () => {
  const dir = makeCohort(SEVERE_EVENTS);
  try {
    const {stats, rows} = await runTwin(safety, dir);
    assert.deepEqual(
      [...rows["safety.grade34"]!.rows].sort((a, b) => String(a.AEDECOD).localeCompare(String(b.AEDECOD))),
      [
        {AEDECOD: "Diarrhoea", AETOXGR: 3, n_patients: 1, n_events: 1, patient_ids: [1]},
        {AEDECOD: "Neutrophil count decreased", AETOXGR: 4, n_patients: 2, n_events: 3, patient_ids: [4, 2]},
      ],
    );
    // patients 1, 2, 4 of 6 with 4 grade 3–4 events; patient 2 withdrew; patient 4 already had a reduction
    // exact 95% CI of 3/6: 11.81–88.19% (symmetric about 50%)
    const {ci_low, ci_high, ...grade34} = stats["safety.grade34"]!;
    assert.deepEqual(grade34, {n: 3, pct: 50, events: 4});
    close(ci_low, 11.811725, 1e-5);
    close(ci_low! + ci_high!, 100);
    assert.equal(stats["safety.discontinuation"]!.n, 1);
    assert.equal(stats["safety.dose_reduction"]!.n, 1);
  } finally {
    removeCohort(dir);
  }
});
