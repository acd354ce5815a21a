// validateCohort and loadCohort on the demo cohort and on valid variants of its format.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {after, test} from "node:test";
import {CohortError, loadCohort, RULES, validateCohort} from "../../src/core/cohort/validate.js";
import {DEMO_COHORT, makeCohort, removeCohort} from "../fixtures/cohort.js";
import {VALID_CASES} from "../fixtures/valid/cases.js";

const dirs: string[] = [];
after(() => dirs.forEach(removeCohort));

test("the demo cohort validates with zero problems and every rule checked", async () => {
  const {study, problems, summary} = await validateCohort(DEMO_COHORT);
  assert.deepEqual(problems, []);
  assert.ok(study);
  // Rows counted by hand in data/cohort.
  assert.deepEqual(
    summary.files.map((f) => [f.file, f.rows]),
    [
      ["patients.csv", 6],
      ["metastases.csv", 4],
      ["treatments.csv", 36],
      ["assessments.csv", 34],
      ["events.csv", 13],
      ["adverse_events.csv", 6],
      ["study.json", 0]
    ]
  );
  for (const file of summary.files) assert.match(file.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(new Set(summary.rules), new Set(Object.keys(RULES).filter((rule) => rule !== "missing-directory")));
});

test("loadCohort returns typed rows: numbers, codes, null for empty cells", async () => {
  const cohort = await loadCohort(DEMO_COHORT);
  assert.deepEqual(cohort.study.reconstructed, true);
  assert.equal(cohort.study.cutoff, "2023-04-01");
  assert.deepEqual(cohort.patients[1], {
    USUBJID: 2,
    SEX: "M",
    AGE: 79,
    DIAGDT: "2019-08-02",
    ECOG: 1,
    KI67: 60,
    MORPH: "MINEN",
    PRIMSITE: "RECTUM",
    AVDIST_CM: 4.5,
    CTSTAGE: "T4",
    CNSTAGE: "N1",
    CMSTAGE: "M0",
    COMORB: "Y",
    COMORBTX: "Ischaemic heart disease; chronic kidney disease"
  });
  assert.deepEqual(cohort.metastases[1], {USUBJID: 3, METSITE: "PERITONEUM", METNUM: null});
  const rt = cohort.treatments.find((t) => t.EPISODEID === "1-03")!;
  assert.deepEqual([rt.RTDOSE, rt.RTFRAC, rt.RTINTENT, rt.CYCLES, rt.MARGIN], [50.4, 28, "NEOADJUVANT", null, null]);
  const laterLine = cohort.treatments.find((t) => t.EPISODEID === "3-05")!;
  assert.deepEqual([laterLine.AGENT, laterLine.PLATDOSE, laterLine.CYCLES], ["TOPOTECAN", null, null]);
  assert.deepEqual(cohort.assessments[0], {
    USUBJID: 1,
    RSDTC: "2019-05-02",
    VISIT: "BASELINE",
    RSORRES: null,
    TUSIZE_MM: 53,
    METHOD: "MRI"
  });
});

test("loadCohort throws a CohortError carrying every problem", async () => {
  const dir = makeCohort([
    {file: "patients.csv", line: 4, column: "KI67", value: "120"},
    {file: "treatments.csv", line: 4, column: "RTFRAC", value: "5"}
  ]);
  dirs.push(dir);
  await assert.rejects(loadCohort(dir), (error: unknown) => {
    assert.ok(error instanceof CohortError);
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.line, p.column, p.rule]),
      [
        ["patients.csv", 4, "KI67", "ki67-range"],
        ["treatments.csv", 4, "RTDOSE", "rt-dose-per-fraction"]
      ]
    );
    assert.match(error.message, /: 2 problems\npatients\.csv:4:KI67: value "120" breaks rule ki67-range/);
    return true;
  });
});

test("a directory that does not exist is one problem", async () => {
  const {problems} = await validateCohort("/nonexistent/cohort");
  assert.deepEqual(problems, [
    {file: "/nonexistent/cohort", rule: "missing-directory", message: "the cohort directory does not exist"}
  ]);
});

for (const fixture of VALID_CASES) {
  test(`valid: ${fixture.name}`, async () => {
    const dir = makeCohort(fixture.edits);
    dirs.push(dir);
    const {problems} = await validateCohort(dir);
    assert.deepEqual(problems, []);
    fixture.check(await loadCohort(dir));
  });
}

test("the follow-up fixture (a later data cut-off of the same cohort) validates", async () => {
  const {problems, study} = await validateCohort(join(import.meta.dirname, "..", "fixtures", "followup"));
  assert.deepEqual(problems, []);
  assert.equal(study!.cutoff, "2024-04-01");
});

test("docs/data-dictionary.md names every rule the code checks", () => {
  const dictionary = readFileSync(join(import.meta.dirname, "..", "..", "docs", "data-dictionary.md"), "utf8");
  const missing = Object.keys(RULES).filter((rule) => !dictionary.includes(`\`${rule}\``));
  assert.deepEqual(missing, []);
});
