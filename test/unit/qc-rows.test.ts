import assert from "node:assert/strict";
import {appendFileSync, cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import {compareRows, qcAll, qcResults, qcRows, type Row} from "../../src/core/qc/index.js";
import {buildResults} from "../../src/core/results/build.js";

const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const qc = await qcRows(cohortDir);
const rowOf = (id: string, match: Row) =>
  qc[id].rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

test("waterfall: best % change before resection, per patient", () => {
  // patient 1: baseline 53 mm, 28 mm (day 75) and 29 mm before the resection → (28 − 53)/53 = −47.17%
  assert.deepEqual(rowOf("response.waterfall", {USUBJID: 1}), {USUBJID: 1, MORPH: "SCNEC", BOR: "PR", PCHG: (-25 / 53) * 100, PDSITE: null});
  // patient 3: PD with the primary +11% (below RECIST's +20%): first progression (day 70) distant and locoregional
  assert.equal(rowOf("response.waterfall", {USUBJID: 3})!.PDSITE, "DISTANT, LOCOREGIONAL");
  // patient 2 (not operated): 48 → best 49 mm: +2.08%
  assert.equal(rowOf("response.waterfall", {USUBJID: 2})!.PCHG, (100 * (49 - 48)) / 48);
  assert.equal(qc["response.waterfall"].rows.length, 6);
});

test("swimmer lanes, segments and markers in study days", () => {
  assert.deepEqual(rowOf("swimmer.lanes", {USUBJID: 5}), {USUBJID: 5, MORPH: "MINEN", BOR: "PR", followup_days: 880, alive: true});
  // patient 1: Day 1 = 2019-05-13; RT 2019-06-03 → day 22, 2019-07-10 → day 59; RFA 2019-05-26 → day 14
  assert.deepEqual(rowOf("swimmer.segments", {USUBJID: 1, kind: "crt"}), {USUBJID: 1, kind: "crt", start_day: 22, end_day: 59});
  assert.equal(rowOf("swimmer.segments", {USUBJID: 1, kind: "liver_rfa"})!.start_day, 14);
  // first PR 2019-07-26 → day 75; progression (distant) 2020-03-28 → day 321; death → day 472
  assert.equal(rowOf("swimmer.markers", {USUBJID: 1, kind: "response"})!.day, 75);
  assert.equal(rowOf("swimmer.markers", {USUBJID: 1, kind: "progression_distant"})!.day, 321);
  assert.equal(rowOf("swimmer.markers", {USUBJID: 1, kind: "death"})!.day, 472);
  // patient 6: first PR 2020-06-22, first CR 2021-02-22; Day 1 = 2020-03-30 → CR on day 329 + 1 = 330
  assert.deepEqual(rowOf("swimmer.markers", {USUBJID: 6, kind: "complete_response"}), {USUBJID: 6, kind: "complete_response", day: 330, label: "CR"});
  // a first response of CR is the response marker alone: no patient but 6 has a later CR
  assert.deepEqual(qc["swimmer.markers"].rows.filter((r) => r.kind === "complete_response").map((r) => r.USUBJID), [6]);
});

test("adverse events of any grade: each patient once per term, at the worst grade", () => {
  const cell = (AEDECOD: string | null, grade: string) => rowOf("safety.ae_by_grade", {AEDECOD, grade});
  // any event: patients 1, 2, 4, 5, 6; worst grades 2, 1, 2, 2, 1 → grade 1: 2, grade 2: 3 of 6
  assert.deepEqual([1, 2, 3, 4, 5].map((g) => cell(null, String(g))!.n), [2, 3, 0, 0, 0]);
  assert.equal(cell(null, "Any")!.n, 5);
  // fatigue: patient 4 grade 2 and patient 2 grade 1
  assert.deepEqual([cell("Fatigue", "1")!.n, cell("Fatigue", "2")!.n, cell("Fatigue", "Any")!.n], [1, 1, 2]);
  // exact 95% CI of 0/6: 0 to 1 − 0.025^(1/6) = 45.93%; of 5/6: 35.88% (R: binom.test(5, 6)) to 0.975^(1/6)
  assert.equal(cell("Fatigue", "3")!.ci_low, 0);
  assert.ok(Math.abs((cell("Fatigue", "3")!.ci_high as number) - 100 * (1 - 0.025 ** (1 / 6))) < 1e-9);
  assert.ok(Math.abs((cell(null, "Any")!.ci_low as number) - 35.876542) < 1e-5);
  assert.ok(Math.abs((cell(null, "Any")!.ci_high as number) - 100 * 0.975 ** (1 / 6)) < 1e-9);
  // any event and 4 terms (dermatitis radiation, fatigue, neutrophil count decreased, rectal pain), × 6 columns
  assert.equal(qc["safety.ae_by_grade"].rows.length, 5 * 6);
});

test("the events behind a dose reduction: patient 4's fatigue and neutrophil count decreased, grade 2", () => {
  assert.deepEqual(qc["safety.dose_reduction"].rows, [
    {AEDECOD: "Fatigue", AETOXGR: 2, n_patients: 1, n_events: 1, patient_ids: [4]},
    {AEDECOD: "Neutrophil count decreased", AETOXGR: 2, n_patients: 1, n_events: 1, patient_ids: [4]},
  ]);
  assert.deepEqual(qc["safety.discontinuation"].rows, []);
});

test("grade 3–4 adverse events by preferred term: none in the demo cohort (all grade 1–2)", () => {
  assert.deepEqual(qc["safety.grade34"], {key: ["AEDECOD"], rows: []});
});

test("grade 3–4 adverse events: patients and events, by preferred term", async () => {
  const dir = mkdtempSync(join(tmpdir(), "qc-ae-"));
  try {
    cpSync(cohortDir, dir, {recursive: true});
    appendFileSync(
      join(dir, "adverse_events.csv"),
      [
        // the worst grade (4) not last in the file: the worst is a maximum, not the latest record
        "4,Neutropenia,Neutrophil count decreased,4,2020-03-02,CHEMOTHERAPY,DOSE NOT CHANGED",
        "4,Neutropenia,Neutrophil count decreased,3,2020-02-10,CHEMOTHERAPY,DOSE REDUCED",
        "2,Neutropenia,Neutrophil count decreased,3,2019-09-20,CHEMOTHERAPY,DRUG WITHDRAWN",
        "1,Diarrhoea,Diarrhoea,3,2019-06-20,RADIOTHERAPY,DOSE NOT CHANGED",
      ].join("\n") + "\n",
    );
    const both = await qcAll(dir);
    assert.deepEqual(both.rows, await qcRows(dir));
    assert.deepEqual(both.stats, await qcResults(dir));
    const rows = both.rows["safety.grade34"].rows;
    assert.deepEqual(
      [...rows].sort((a, b) => String(a.AEDECOD).localeCompare(String(b.AEDECOD))),
      [
        {AEDECOD: "Diarrhoea", AETOXGR: 3, n_patients: 1, n_events: 1, patient_ids: [1]},
        {AEDECOD: "Neutrophil count decreased", AETOXGR: 4, n_patients: 2, n_events: 3, patient_ids: [4, 2]},
      ],
    );
    const stats = await qcResults(dir);
    // patients 1, 2, 4 of 6 with 4 grade 3–4 events; patient 2 withdrew; patient 4 already had a reduction
    // exact 95% CI of 3/6: 11.81–88.19% (symmetric about 50%)
    const {ci_low, ci_high, ...grade34} = stats["safety.grade34"];
    assert.deepEqual(grade34, {n: 3, pct: 50, events: 4});
    assert.ok(Math.abs(ci_low! - 11.811725) < 1e-5 && Math.abs(ci_low! + ci_high! - 100) < 1e-9);
    assert.equal(stats["safety.discontinuation"].n, 1);
    assert.equal(stats["safety.dose_reduction"].n, 1);
    // Worst grade per patient and term: neutrophil count decreased #4 grades 2, 3, 4 → 4; #2 → 3. Any event:
    // #1 3 (diarrhoea), #2 3, #4 4, #5 2, #6 1 → grades 1–5: 1, 1, 2, 1, 0. The SQL (buildResults, which also
    // fails on any disagreement with the QC) and the QC both.
    const {results} = await buildResults(dir);
    const sqlRows = results.find((r) => r.id === "safety.ae_by_grade")!.rows!;
    for (const table of [both.rows["safety.ae_by_grade"].rows, sqlRows]) {
      const n = (AEDECOD: string | null, grade: string) => table.find((r) => r.AEDECOD === AEDECOD && r.grade === grade)!.n;
      assert.deepEqual(["1", "2", "3", "4", "5", "Any"].map((g) => n("Neutrophil count decreased", g)), [0, 0, 1, 1, 0, 2]);
      assert.deepEqual(["1", "2", "3", "4", "5", "Any"].map((g) => n(null, g)), [1, 1, 2, 1, 0, 5]);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("KM table rows carry months and patient ids", () => {
  const row = rowOf("tte.dor", {time_days: 320})!;
  assert.equal(row.surv, 0.5); // 3/4 · 2/3
  assert.equal(row.time, 320 / (365.25 / 12));
  assert.deepEqual(row.event_ids, [4]);
  assert.deepEqual(qc["tte.dor"].rows[0], {
    time_days: 0, time: 0, n_risk: 4, n_event: 0, n_censor: 0, surv: 1, se: 0, ci_low: null, ci_high: null,
    event_ids: [], censor_ids: [],
  });
});

test("compareRows: matched on key fields, only QC fields compared, planted differences found", () => {
  const lanes: Row[] = qc["swimmer.lanes"].rows.map((r) => ({...r, colour: "any"})); // extra field: not checked
  lanes[2] = {...lanes[2], followup_days: 301}; // planted: patient 3 has 300
  const waterfall = qc["response.waterfall"].rows.filter((r) => r.USUBJID !== 1).reverse(); // order free; patient 1 dropped
  const results = Object.entries(qc).map(([id, {rows}]) => ({id, rows}));
  const found = compareRows(
    [...results.filter((r) => r.id !== "swimmer.lanes" && r.id !== "response.waterfall"),
      {id: "swimmer.lanes", rows: lanes}, {id: "response.waterfall", rows: waterfall}],
    qc,
  );
  assert.deepEqual(found, [
    {id: "response.waterfall", stat: "rows[USUBJID=1]", result: null, qc: null, difference: null, problem: "missing in results"},
    {id: "swimmer.lanes", stat: "rows[USUBJID=3].followup_days", result: 301, qc: 300, difference: 1, problem: "differs"},
  ]);
  assert.deepEqual(compareRows(results, qc), []);
  const noKm = compareRows(results.filter((r) => r.id !== "tte.os"), qc);
  assert.deepEqual(noKm.map((d) => [d.id, d.stat, d.problem]), [["tte.os", "rows", "missing in results"]]);
});
