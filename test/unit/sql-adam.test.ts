// The ADaM derivations (src/sql/adam/) on the demo cohort, against values computed by hand from data/cohort.
import assert from "node:assert/strict";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {openCohort} from "../../src/core/adam/derive.js";
import {Engine} from "../../src/core/engine.js";
import {ADAM_TABLES} from "../../src/core/sql-catalog.js";

const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const engine = await openCohort(cohortDir, "2023-04-01");
after(() => engine.close());

test("study days have no Day 0: ADY = date − TRTSDT + 1 from Day 1, date − TRTSDT before it", async () => {
  // Patient 1: Day 1 = 2019-05-13 (induction); baseline MRI 2019-05-02 is 11 days before → −11; first PR
  // 2019-07-26 is 74 days after → Day 75; RFA 2019-05-26 → Day 14.
  const [row] = await engine.sql(`
    SELECT (SELECT ADY FROM adrs WHERE USUBJID = 1 AND AVISIT = 'BASELINE') AS baseline,
           (SELECT ADY FROM adrs WHERE USUBJID = 1 AND AVISIT = 'POST_CRT') AS post_crt,
           (SELECT LRFADY FROM adsl WHERE USUBJID = 1) AS rfa,
           study_day(DATE '2020-01-01', DATE '2020-01-01') AS same_day,
           study_day(DATE '2019-12-31', DATE '2020-01-01') AS day_before`);
  assert.deepEqual(row, {baseline: -11, post_crt: 75, rfa: 14, same_day: 1, day_before: -1});
});

test("ADRS: confirmed best overall response per patient (RECIST 1.1)", async () => {
  const rows = await engine.sql("SELECT USUBJID, AVALC, ADY FROM adrs WHERE PARAMCD = 'BOR' ORDER BY USUBJID");
  // 1, 4, 5: PR confirmed 35–38 days later; 2: SD at Day 80 ≥ 43; 3: PD at the first assessment;
  // 6: CR at Day 330 confirmed at Day 420.
  assert.deepEqual(rows.map((r) => [r.USUBJID, r.AVALC, r.ADY]),
    [[1, "PR", 75], [2, "SD", 80], [3, "PD", 70], [4, "PR", 78], [5, "PR", 80], [6, "CR", 330]]);
});

test("ADTTE: OS, PFS and DoR in days with CNSR", async () => {
  const rows = await engine.sql("SELECT PARAMCD, USUBJID, STARTDY, AVAL, CNSR FROM adtte ORDER BY PARAMCD, USUBJID");
  const of = (p: string) => rows.filter((r) => r.PARAMCD === p).map((r) => [r.USUBJID, r.AVAL, r.CNSR]);
  // OS: deaths at Day 472, 390, 300, 563; patients 5 and 6 alive at last contact (Day 880, 1093).
  assert.deepEqual(of("OS"), [[1, 472, 0], [2, 390, 0], [3, 300, 0], [4, 563, 0], [5, 880, 1], [6, 1093, 1]]);
  // PFS: progression Day 321, death Day 390 (no progression), PD Day 70, 397, 441; patient 6 censored at the
  // last adequate assessment (CR, Day 821).
  assert.deepEqual(of("PFS"), [[1, 321, 0], [2, 390, 0], [3, 70, 0], [4, 397, 0], [5, 441, 0], [6, 821, 1]]);
  // DoR from the first PR: 321 − 75 + 1 = 247, 397 − 78 + 1 = 320, 441 − 80 + 1 = 362; 821 − 85 + 1 = 737 censored.
  assert.deepEqual(of("DOR"), [[1, 247, 0], [4, 320, 0], [5, 362, 0], [6, 737, 1]]);
  assert.deepEqual(rows.filter((r) => r.PARAMCD === "DOR").map((r) => r.STARTDY), [75, 78, 80, 85]);
});

test("ADAE: study day of onset and the grade 3–4 flag", async () => {
  const rows = await engine.sql("SELECT USUBJID, AEDECOD, ADY, AEG34FL FROM adae WHERE USUBJID = 4 ORDER BY AEDECOD");
  // 2020-04-05 − 2020-01-13 = 83 days → Day 84; grade 2 → not grade 3–4.
  assert.deepEqual(rows.map((r) => [r.AEDECOD, r.ADY, r.AEG34FL]),
    [["Fatigue", 84, "N"], ["Neutrophil count decreased", 84, "N"]]);
});

test("the published ADaM tables hold no calendar date type", async () => {
  for (const table of ADAM_TABLES) {
    const columns = await engine.sql(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}'`);
    assert.ok(columns.length > 0, table);
    for (const c of columns) assert.doesNotMatch(String(c.data_type), /DATE|TIME/, `${table}.${c.column_name}`);
  }
});

test("the engine refuses to return a calendar date", async () => {
  const empty = await Engine.open();
  try {
    await assert.rejects(empty.sql("SELECT DATE '2020-01-01' AS d"), /d has type DATE: no calendar date may leave/);
    await assert.rejects(empty.sql("SELECT [TIMESTAMP '2020-01-01 10:00'] AS t"), /no calendar date/);
  } finally {
    empty.close();
  }
});

test("events after the cut-off: a later death means alive at the cut-off, a later progression is ignored", async () => {
  // The follow-up fixture (cut-off 2024-04-01) — re-read here with an earlier cut-off, 2021-06-30: patient 4 died
  // 2021-07-28 (after it) and progressed 2021-02-12 (before it); patient 5 progressed 2021-12-26 (after it).
  const early = await openCohort(fileURLToPath(new URL("../fixtures/followup", import.meta.url)), "2021-06-30");
  try {
    const rows = await early.sql("SELECT USUBJID, DTHFL, LSTALVDY, PROGFL FROM adsl WHERE USUBJID IN (4, 5) ORDER BY USUBJID");
    // Both are followed to the cut-off: 2021-06-30 − 2020-01-13 = 534 days → Day 535 for patient 4;
    // 2021-06-30 − 2020-10-12 = 261 → Day 262 for patient 5 (who died 2023-10-16, after the cut-off).
    assert.deepEqual(rows, [
      {USUBJID: 4, DTHFL: "N", LSTALVDY: 535, PROGFL: "Y"},
      {USUBJID: 5, DTHFL: "N", LSTALVDY: 262, PROGFL: "N"},
    ]);
  } finally {
    early.close();
  }
});

test("codelist columns are ENUMs in the source tables and VARCHAR in every ADaM table (ENUMs sort by code position)", async () => {
  const source = await engine.sql(`SELECT column_name, data_type FROM duckdb_columns()
    WHERE table_name = 'cohort_assessments' AND column_name IN ('VISIT', 'RSORRES', 'TUSIZE_MM') ORDER BY column_name`);
  assert.deepEqual(source, [
    {column_name: "RSORRES", data_type: "ENUM('CR', 'PR', 'SD', 'PD', 'NE')"},
    {column_name: "TUSIZE_MM", data_type: "DOUBLE"},
    {column_name: "VISIT", data_type: "ENUM('BASELINE', 'POST_CRT', 'CONFIRMATION', 'FOLLOW_UP')"}
  ]);
  const leaked = await engine.sql(`SELECT table_name, column_name FROM duckdb_columns()
    WHERE table_name IN (${ADAM_TABLES.map((t) => `'${t}'`).join(", ")}) AND data_type LIKE 'ENUM%'`);
  assert.deepEqual(leaked, []);
  const [{sex, avalc}] = await engine.sql(`SELECT (SELECT data_type FROM duckdb_columns() WHERE table_name = 'adsl' AND column_name = 'SEX') AS sex,
    (SELECT data_type FROM duckdb_columns() WHERE table_name = 'adrs' AND column_name = 'AVALC') AS avalc`);
  assert.deepEqual({sex, avalc}, {sex: "VARCHAR", avalc: "VARCHAR"});
});
