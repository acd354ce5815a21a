// The reconciliation of the paper with the data (src/core/reconcile/): on the demo cohort, every status and the
// discrepancies the paper's own numbers contain, hand-checked; the comparison and explanation functions on
// constructed inputs (a correct printed number is never flagged, a wrong one always is, with its cause); a
// malformed published file refused with file, path and rule; and the CLI's exit codes and streams.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, test} from "node:test";
import {
  checkPublished, countByStatus, explainCount, explainPercent, loadPublished, numberTokens, printedAs,
  PublishedFileError, reconcile, ReconcileError, reprint, type PublishedFile, type PublishedValue
} from "../../src/core/reconcile/index.js";
import {buildResults, type Result, type ResultsDataset} from "../../src/core/results/index.js";
import {DEMO_COHORT, makeCohort, removeCohort} from "../fixtures/cohort.js";

const root = join(import.meta.dirname, "..", "..");
const published = loadPublished(join(root, "data", "published", "floe-2024.json"));
const demo = await buildResults(DEMO_COHORT);
const rows = reconcile(demo, published);
const row = (id: string) => {
  const found = rows.find((r) => r.id === id);
  assert.ok(found, `no row ${id}`);
  return found;
};

const temp = mkdtempSync(join(tmpdir(), "reconcile-test-"));
const cohorts: string[] = [];
after(() => {
  rmSync(temp, {recursive: true, force: true});
  cohorts.forEach(removeCohort);
});

describe("the demo cohort against the paper", () => {
  test("one row per published value, every status present, and exactly the four contradictions of the paper", () => {
    assert.equal(rows.length, published.values.length);
    assert.deepEqual(countByStatus(rows), {match: 89, discrepancy: 4, "not-derivable": 19});
    assert.deepEqual(rows.filter((r) => r.status === "discrepancy").map((r) => r.id),
      ["abstract.rt_50gy28f", "t1.rt_50gy28f", "t1.r0", "case6.schedule"]);
  });

  test("Table 1 n (%) rows that match: 3 (50) female, 1(17) small cell printed without a space, 2 (67) RFA of 3", () => {
    assert.deepEqual(
      ["t1.female", "t1.scnec", "t1.liver_rfa", "t1.rt_neoadjuvant"].map((id) => [row(id).published, row(id).recomputed, row(id).status]),
      [["3 (50)", "3 (50)", "match"], ["1(17)", "1(17)", "match"], ["2 (67)", "2 (67)", "match"], ["5 (83)", "5 (83)", "match"]]
    );
    assert.equal(row("t1.female").compared_with, "table1.female: n, pct");
  });

  test("medians and ranges in the printed unit and precision: follow-up 17 (9.86–35.91) months, DoR 11.2 (8.11–24.21)", () => {
    assert.equal(row("abstract.followup").recomputed, "17 months (range 10–36 months)");
    assert.equal(row("efficacy.dor").recomputed, "11.2 months, ranging from 8.1 to 24.2");
    assert.equal(row("results.age").recomputed, "62 years (48–79)"); // median (61 + 63) / 2
    assert.equal(row("t1.age").recomputed, "62 (48–79)"); // mean 372 / 6
    assert.equal(row("efficacy.shrinkage").recomputed, "(38–47%) primary tumour size shrinkage was observed in four");
    assert.ok(["abstract.followup", "efficacy.dor", "results.age", "t1.age", "efficacy.shrinkage"].every((id) => row(id).status === "match"));
  });

  test("words stay words: Four of the six, three out of four, no discontinuation", () => {
    assert.deepEqual([row("results.metastatic").recomputed, row("efficacy.r0").recomputed, row("toxicity.discontinuation").recomputed],
      ["Four of the six", "three out of four", "no"]);
  });

  test("times from rows: CRT from day 22; 28 months after surgery (1093 − 243 = 850 days); SD 12 months after CRT (390 − 26 = 364 days)", () => {
    assert.equal(row("treatment.crt_day").recomputed, "day 22");
    assert.equal(row("treatment.rt_weeks_long").recomputed, "5 weeks"); // days 22–59: 37 days = 5.29 weeks, all four patients
    assert.equal(row("treatment.rt_weeks_short").recomputed, "1 week"); // days 22–26: 4 days = 0.57 weeks
    assert.equal(row("discussion.no_relapse").recomputed, "28 months");
    assert.equal(row("discussion.sd_followup").recomputed, "12-month");
    assert.equal(row("case6.ned").status, "match");
    assert.equal(row("case6.ned").note, "The paper states a lower bound, so the check is at least 2 years: day 1093 is 2.99 years.");
    assert.equal(row("case6.ned").bound, "at least 2 years");
    assert.equal(row("treatment.crt_day").bound, undefined);
    assert.equal(row("methods.cutoff").recomputed, "April 1st 2023");
  });

  test("RFA one before CRT (#1, day 14 < day 22) and one after (#5, day 100 > day 22)", () => {
    assert.equal(row("efficacy.liver_rfa_timing").recomputed, "one before CTR and one after");
    assert.equal(row("efficacy.liver_rfa_timing").status, "match");
  });

  test("patients placed by the text: #6 the complete response, #6 not on cisplatin, #1 small cell", () => {
    for (const id of ["case6.cr", "case6.carboplatin", "discussion.scnec_patient", "discussion.rfa_patient"]) assert.equal(row(id).status, "match", id);
  });

  test("abstract: five patients at 50.4 Gy/28 fractions, but four are, and the two schedules split the six", () => {
    const r = row("abstract.rt_50gy28f");
    assert.equal(r.recomputed, "Four");
    assert.equal(r.note, "Printed Five but the data give Four: Dose 50.4 Gy/28 fractions counts 4 patients; 5 is the count of " +
      "Neoadjuvant (table1.rt.neoadjuvant) in the same section; Dose 50.4 Gy/28 fractions and Dose 25 Gy/5 fractions divide " +
      "the 6 patients (4 + 2 = 6), so 5 would make 7.");
  });

  test("Table 1: 50.4 Gy 4 (63) is 4/6 = 66.7% → 67, and R0 3 (73) is 3/4 = 75%, neither a fraction of any population", () => {
    assert.equal(row("t1.rt_50gy28f").recomputed, "4 (67)");
    assert.match(row("t1.rt_50gy28f").note, /4 of 6 \(all patients\) is 66\.7%; no count of any population in the dataset \(6, 4, 3 patients\) gives 63%.*63 differs from 67 in one digit/);
    assert.equal(row("t1.r0").recomputed, "3 (75)");
    assert.match(row("t1.r0").note, /3 of 4 \(operated patients\) is 75%; no count .* gives 73%.*73 differs from 75 in one digit/);
  });

  test("case #6: 50.4 Gy/25F, but patient 6 is counted at 50.4 Gy/28 fractions (2.016 against 1.8 Gy per fraction)", () => {
    const r = row("case6.schedule");
    assert.equal(r.recomputed, "50.4 Gy/28F");
    assert.match(r.note, /patient 6 is counted in Dose 50\.4 Gy\/28 fractions \(table1\.rt\.50gy28f\); 50\.4 Gy in 25 fractions would be 2\.016 Gy per fraction against 1\.8 Gy in 28/);
  });

  test("not-derivable rows carry no recomputed value and say why", () => {
    const nd = rows.filter((r) => r.status === "not-derivable");
    assert.ok(nd.every((r) => r.recomputed === null && r.note.length > 20));
    assert.match(row("case6.age").note, /mean and range \(table1\.age\)/);
  });
});

describe("printed numbers", () => {
  test("tokens: digits with their precision, decimal commas, number words, 'no' as zero", () => {
    assert.deepEqual(numberTokens("Four of the six").map((t) => [t.value, t.word]), [[4, true], [6, true]]);
    assert.deepEqual(numberTokens("1(17)").map((t) => t.value), [1, 17]);
    assert.deepEqual(numberTokens("Dose 50,4 Gy").map((t) => [t.value, t.decimals, t.comma]), [[50.4, 1, true]]);
    assert.deepEqual(numberTokens("no patients").map((t) => t.value), [0]);
    assert.deepEqual(numberTokens("11.2 months (range 8.1 to 24.2 months)").map((t) => t.decimals), [1, 1, 1]);
  });

  test("a percentage is compared at its printed precision, rounding half away from zero", () => {
    const [t17] = numberTokens("17");
    assert.ok(printedAs(t17!, 100 / 6)); // 16.67 → 17
    assert.ok(!printedAs(numberTokens("16")[0]!, 100 / 6));
    assert.ok(printedAs(numberTokens("67")[0]!, 200 / 3)); // 66.67 → 67
    assert.ok(printedAs(numberTokens("66.7")[0]!, 200 / 3));
    assert.ok(!printedAs(numberTokens("66")[0]!, 200 / 3));
    assert.ok(printedAs(numberTokens("13")[0]!, 12.5)); // half away from zero, not to even
    assert.ok(printedAs(numberTokens("0.3")[0]!, 0.25));
  });

  test("reprinted like the paper: same words, capitals, spacing and precision", () => {
    assert.equal(reprint("Five", [4]), "Four");
    assert.equal(reprint("4 (63)", [4, 200 / 3]), "4 (67)");
    assert.equal(reprint("1(17)", [2, 100 / 3]), "2(33)");
    assert.equal(reprint("11.2 months (range 8.1 to 24.2 months)", [11.203, 8.115, 24.2135]), "11.2 months (range 8.1 to 24.2 months)");
    assert.equal(reprint("Dose 50,4 Gy", [45]), "Dose 45,0 Gy");
    assert.equal(reprint("no", [2]), "two");
  });
});

/** A result as the results dataset has it, with only what the reconciliation reads. */
function result(id: string, n: number, denominator: number, patients: number[], extra: Partial<Result> = {}): Result {
  return {
    id, label: id, section: "S", stats: {n, pct: (100 * n) / denominator}, denominator, display: null,
    population: denominator === 6 ? "All patients" : "Operated patients", method: "n (%)", source: "", qc: {module: "", agree: true, checked: []},
    patients, ...extra
  };
}

const dataset = (results: Result[]): ResultsDataset => ({
  report: {title: "", study_id: "", citation: "", version: "", cutoff: "2023-04-01", reconstructed: true, data_sha256: {}, data_sha256_all: "", commit: "", tools: {}, n_patients: 6},
  results
});

const value = (printed: string, kind: PublishedValue["kind"], result: string): PublishedValue =>
  ({id: `v.${printed}`, where: {section: "S", quote: printed}, printed, kind, result} as PublishedValue);

const file = (values: PublishedValue[]): PublishedFile => ({paper: "p", scope: "s", values});

describe("comparison on constructed inputs", () => {
  const data = dataset([
    result("all.one", 1, 6, [1]),
    result("all.two", 2, 6, [2, 3]),
    result("all.three", 3, 6, [4, 5, 6]),
    result("op.r0", 3, 4, [1, 4, 5])
  ]);

  test("a correct printed number is never flagged: 1 (17) for 16.67%, 2 (33) for 33.33%, 50%, 3 (75), three, 3 of 4", () => {
    const out = reconcile(data, file([
      value("1 (17)", "n (pct)", "all.one"), value("2 (33)", "n (pct)", "all.two"), value("3 (75)", "n (pct)", "op.r0"),
      value("50%", "percent", "all.three"), value("three", "count", "op.r0"), value("3 of 4", "n of N", "op.r0")
    ]));
    assert.deepEqual(out.map((r) => r.status), ["match", "match", "match", "match", "match", "match"]);
    assert.ok(out.every((r) => r.note === ""));
  });

  test("a wrong denominator is found: 3 (50) for 3 of 4 operated is 3/6", () => {
    const [r] = reconcile(data, file([value("3 (50)", "n (pct)", "op.r0")]));
    assert.equal(r!.status, "discrepancy");
    assert.equal(r!.recomputed, "3 (75)");
    assert.equal(r!.note, "Printed 3 (50) but the data give 3 (75): 3 of 4 (operated patients) is 75%; the printed percentage uses the wrong denominator: 3/6 (all patients) is 50%.");
  });

  test("rounding direction: 1 (16) truncates 16.7%; 2 (34) rounds 33.3% up", () => {
    const [a, b] = reconcile(data, file([value("1 (16)", "n (pct)", "all.one"), value("2 (34)", "n (pct)", "all.two")]));
    assert.match(a!.note, /the printed percentage truncates 16\.7% instead of rounding it\.$/);
    assert.match(b!.note, /the printed percentage rounds 33\.3% up instead of to the nearest\.$/);
  });

  test("a count that does not fit its percentage: 2 (50) is 3 of 6", () => {
    assert.equal(explainPercent(50, 0, 2, 6, [{denominator: 6, population: "All patients"}]),
      "the printed percentage is that of 3 of 6, not of the 2 counted: the count and the percentage disagree.");
  });

  test("a wrong count names the sibling with that count; with no cause, says so", () => {
    const [r] = reconcile(data, file([value("two", "count", "all.three")]));
    assert.equal(r!.recomputed, "three");
    assert.match(r!.note, /2 is the count of all\.two \(all\.two\) in the same section; all\.three and all\.one and all\.two divide the 6 patients \(3 \+ 1 \+ 2 = 6\), so 2 would make 5\.$/);
    assert.equal(explainCount(9, data.results[3]!, data.results), 'no result of the section "S" counts 9 patients.');
  });

  test("a printed median that is another statistic of the result: the mean; a range limit rounded up", () => {
    const dor = result("tte.x", 4, 4, [1, 2, 3, 4], {stats: {median: 11.2, mean: 13.68, min: 8.11, max: 24.21}});
    const [a, b] = reconcile(dataset([dor]), file([
      value("13.7 months (range 8.1–24.2)", "median (range)", "tte.x"), value("11.2 months (range 8.2–24.2)", "median (range)", "tte.x")
    ]));
    assert.equal(a!.recomputed, "11.2 months (range 8.1–24.2)");
    assert.match(a!.note, /: 13\.7 is the mean \(13\.68\) of the same result, not its median\.$/);
    assert.match(b!.note, /: the printed min rounds 8\.11 up instead of to the nearest\.$/);
  });

  test("claims about patients and rows: a patient outside the result, a time from rows, a patient the data cannot single out", () => {
    const lanes = result("lanes", 0, 6, [1, 2], {rows: [{USUBJID: 1, followup_days: 400}, {USUBJID: 2, followup_days: 800}]});
    const out = reconcile(dataset([...data.results, lanes]), file([
      {...value("#2", "patient", "all.one"), member: true} as PublishedValue,
      {id: "t", where: {section: "S", quote: "q"}, printed: "14 months", kind: "time", unit: "months",
        row: {result: "lanes", filter: {USUBJID: {patient_of: "all.one"}}, field: "followup_days"}},
      {id: "u", where: {section: "S", quote: "q"}, printed: "13 months", kind: "time", unit: "months",
        row: {result: "lanes", filter: {USUBJID: {patient_of: "all.two"}}, field: "followup_days"}}
    ]));
    assert.deepEqual(out.map((r) => [r.status, r.recomputed]), [["discrepancy", "#1"], ["discrepancy", "13 months"], ["discrepancy", null]]);
    assert.equal(out[0]!.note, "The paper places patient 2 in all.one (all.one), but the patients counted there are #1.");
    assert.equal(out[1]!.note, "Printed 14 months but the data give 13 months: day 400 is 13.14 months.");
    assert.equal(out[2]!.note, "The paper describes one patient of all.two (all.two); the data have 2.");
  });

  test("a published value naming a result the dataset lacks is an error, not a finding", () => {
    assert.throws(() => reconcile(data, file([value("1", "count", "no.such")])), ReconcileError);
  });
});

describe("a malformed published file", () => {
  test("every problem at once, each with its JSON path and rule", () => {
    const problems = checkPublished("f.json", {
      paper: "p", scope: "",
      values: [
        {id: "a", where: {section: "S", quote: "q"}, printed: "4 (63)", kind: "count", result: "x"},
        {id: "a", where: {section: "S"}, printed: "6", kind: "percentage", result: "x"},
        {id: "c", where: {section: "S", quote: "q"}, printed: "6", kind: "count", resul: "x"},
        {id: "d", where: {section: "S", quote: "q"}, printed: "1st of April", kind: "date", report: "cutoff"}
      ]
    });
    assert.deepEqual(problems.map((p) => [p.column, p.rule]), [
      ["scope", "field-type"],
      ["values[0].printed", "printed-numbers"],
      ["values[1].kind", "kind"],
      ["values[2].result", "field-type"],
      ["values[2].resul", "unknown-field"],
      ["values[3].printed", "printed-date"]
    ]);
  });

  test("loadPublished refuses it whole with file, path and rule; unreadable JSON too", () => {
    const bad = join(temp, "bad.json");
    writeFileSync(bad, JSON.stringify({paper: "p", scope: "s", values: [{id: "a", where: {section: "S", quote: "q"}, printed: "6", kind: "count"}]}));
    assert.throws(() => loadPublished(bad), (error: unknown) => error instanceof PublishedFileError &&
      error.message.includes(`${bad}:values[0].result: breaks rule field-type (result must be a non-empty string for kind "count")`));
    const broken = join(temp, "broken.json");
    writeFileSync(broken, "{");
    assert.throws(() => loadPublished(broken), (error: unknown) => error instanceof PublishedFileError && error.problems[0]!.rule === "json");
  });
});

describe("npm run reconcile", () => {
  const run = (...args: string[]) => spawnSync("npm", ["run", "--silent", "reconcile", "--", ...args], {cwd: root, encoding: "utf8"});

  test("the demo cohort: exit 0 with the discrepancies as findings, the rows as JSON on stdout", () => {
    const {status, stdout, stderr} = run("--data", "data/cohort");
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), rows);
  });

  test("an invalid cohort: exit 1 with the validation errors, nothing on stdout", () => {
    const dir = makeCohort([{file: "patients.csv", line: 4, column: "KI67", value: "120"}]);
    cohorts.push(dir);
    const {status, stdout, stderr} = run("--data", dir);
    assert.equal(status, 1);
    assert.equal(stdout, "");
    assert.equal(stderr, `${dir}: invalid cohort, 1 problem:\npatients.csv:4:KI67: value "120" breaks rule ki67-range (Ki-67 must be 0–100)\n`);
  });

  test("a malformed published file: exit 1 naming file, path and rule, nothing on stdout", () => {
    const bad = join(temp, "cli-bad.json");
    writeFileSync(bad, JSON.stringify({paper: "p", scope: "s", values: [{id: "a", where: {section: "S", quote: "q"}, printed: "4 (63)", kind: "count", result: "cohort.n"}]}));
    const {status, stdout, stderr} = run("--published", bad);
    assert.equal(status, 1);
    assert.equal(stdout, "");
    assert.equal(stderr, `${bad}: malformed published-values file, 1 problem:\n` +
      `${bad}:values[0].printed: value "4 (63)" breaks rule printed-numbers (kind "count" compares 1 printed number, found 2)\n`);
  });
});
