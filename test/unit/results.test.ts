// The results dataset (src/core/results/) on the demo cohort: every display string as the paper prints it (hand-
// computed from data/cohort), the report identity, no calendar date, and a build that stops when the QC disagrees.
// The real QC (src/core/qc/) checks the build; to show that a disagreement stops it, the same QC is made to
// disagree by one value.
import assert from "node:assert/strict";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {buildResults, CATALOG, QcDisagreementError} from "../../src/core/results/index.js";
import {QC, type QcApi} from "../../src/core/results/qc.js";

const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const dataset = await buildResults(cohortDir);
const byId = new Map(dataset.results.map((r) => [r.id, r]));

/** The real QC with its output changed by `edit` (QC.qcAll reads the cohort once, as the build does). */
function disagreeingQc(edit: (out: Awaited<ReturnType<NonNullable<QcApi["qcAll"]>>>) => void): QcApi {
  return {...QC, qcAll: async (dir) => {
    const out = await QC.qcAll!(dir);
    edit(out);
    return out;
  }};
}

test("display strings as the paper rounds them", () => {
  const display = Object.fromEntries(dataset.results.map((r) => [r.id, r.display]));
  assert.deepEqual(display, {
    "cohort.n": "6",
    "table1.female": "3 (50%)",
    "table1.age": "62 (48–79)", // (55 + 79 + 61 + 48 + 66 + 63)/6 = 62
    "table1.ps01": "6 (100%)",
    "table1.comorbidity": "1 (17%)", // patient 2
    "table1.ki67": "90% (60–100)",
    "table1.site.rectum": "5 (83%)",
    "table1.site.anus": "1 (17%)", // patient 5
    "table1.morph.lcnec": "2 (33%)",
    "table1.morph.scnec": "1 (17%)",
    "table1.morph.minen": "3 (50%)",
    "table1.ct.t1": "0 (0%)",
    "table1.ct.t2": "0 (0%)",
    "table1.ct.t3": "3 (50%)",
    "table1.ct.t4": "3 (50%)",
    "table1.cn.n0": "0 (0%)",
    "table1.cn.n1": "3 (50%)",
    "table1.cn.n2": "3 (50%)",
    "table1.stage.la": "2 (33%)",
    "table1.stage.metastatic": "4 (67%)",
    "table1.mets.liver": "3 (50%)",
    "table1.mets.peritoneum": "1 (17%)",
    "table1.chemo.cis_etop": "4 (67%)",
    "table1.chemo.carbo_etop": "2 (33%)", // patients 2 and 6
    "table1.chemo.cycles": "5.5", // 5 + 4 + 4 + 6 + 6 + 8 = 33 cycles / 6
    "table1.rt.neoadjuvant": "5 (83%)",
    "table1.rt.definitive": "1 (17%)",
    "table1.rt.25gy5f": "2 (33%)",
    "table1.rt.50gy28f": "4 (67%)", // the paper prints 4 (63), a typo for 4/6
    "table1.surgery.yes": "4 (67%)",
    "table1.surgery.no": "2 (33%)",
    "table1.resection.r0": "3 (75%)", // the paper prints 3 (73), a typo for 3/4
    "table1.resection.r1": "1 (25%)",
    "table1.liver.rfa": "2 (67%)",
    "table1.liver.resection": "1 (33%)",
    "response.bor.cr": "1 (17%)",
    "response.bor.pr": "3 (50%)",
    "response.bor.sd": "1 (17%)",
    "response.bor.pd": "1 (17%)",
    "response.bor.ne": "0 (0%)",
    "response.orr": "67% (95% CI 22–96)", // 4/6, Clopper–Pearson 22.28–95.67
    "response.shrinkage": "4 patients, 38–47%", // 23/60 = 38.3% … 25/53 = 47.2%
    "response.waterfall": null,
    "response.ypt0": "2 of 4 (50%)",
    "control.lrtc": "4 (67%)",
    "tte.followup": "17 months (range 10–36)", // 517.5, 300, 1093 days
    "tte.os": "17.0 months (95% CI 9.9–not reached)", // KM: (472 + 563)/2 = 517.5 days; LCL 300 days
    "tte.pfs": "12.9 months (95% CI 2.3–not reached)", // KM: (390 + 397)/2 = 393.5 days; LCL 70 days
    "tte.dor": "11.2 months (range 8.1–24.2)", // 341, 247, 737 days
    "tte.os.risk": null,
    "tte.pfs.risk": null,
    "tte.dor.risk": null,
    "safety.grade34": "None observed",
    "safety.dose_reduction": "1 (17%)",
    "safety.discontinuation": "0 (0%)",
    "safety.ae_by_grade": "5 (83%)", // patients 1, 2, 4, 5, 6
    "swimmer.lanes": null,
    "swimmer.segments": null,
    "swimmer.markers": null,
  });
});

test("each result carries its catalog metadata, source file, population and patients", () => {
  assert.deepEqual(dataset.results.map((r) => r.id), CATALOG.map((e) => e.id));
  const female = byId.get("table1.female")!;
  assert.deepEqual({...female, qc: undefined}, {
    id: "table1.female", label: "Female", section: "Patient characteristics", stats: {n: 3, pct: 50}, denominator: 6,
    display: "3 (50%)", population: "All patients", method: "n (%)", source: "src/sql/analysis/table1.sql",
    qc: undefined, patients: [3, 4, 6],
  });
  assert.equal(byId.get("response.ypt0")!.source, "src/sql/analysis/pathology.sql");
  assert.deepEqual(byId.get("response.orr")!.patients, [1, 4, 5, 6]);
  assert.equal(byId.get("tte.os")!.rows!.length, 7); // time 0 and six distinct times
  assert.deepEqual(byId.get("swimmer.markers")!.rows!.filter((r) => r.USUBJID === 6),
    [{USUBJID: 6, kind: "response", day: 85, label: "PR"}, {USUBJID: 6, kind: "complete_response", day: 330, label: "CR"}]);
});

test("QC record: module, agreement and the keys checked", () => {
  assert.deepEqual(byId.get("cohort.n")!.qc, {module: "src/core/qc/table1.ts", agree: true, checked: ["n"]});
  assert.deepEqual(byId.get("tte.os")!.qc.checked.at(-1), "rows");
  // twins share one name: each result is checked by the QC module named after the SQL file that derives it
  const twinOf = (source: string) => source.replace(/^src\/sql\/analysis\/(\w+)\.sql$/, "src/core/qc/$1.ts");
  assert.deepEqual(dataset.results.filter((r) => r.qc.module !== twinOf(r.source)).map((r) => r.id), []);
  assert.equal(byId.get("table1.resection.r0")!.qc.module, "src/core/qc/pathology.ts");
});

test("report: identity of the study and the data, with tool versions", () => {
  const {report} = dataset;
  assert.equal(report.study_id, "FLOE2024-PDNEC-CRT");
  assert.equal(report.version, "1.0.0");
  assert.equal(report.cutoff, "2023-04-01");
  assert.equal(report.reconstructed, true);
  assert.equal(report.n_patients, 6);
  assert.deepEqual(Object.keys(report.data_sha256).sort(), ["adverse_events.csv", "assessments.csv", "events.csv",
    "metastases.csv", "patients.csv", "study.json", "treatments.csv"]);
  assert.match(report.data_sha256_all, /^[0-9a-f]{64}$/);
  for (const tool of ["node", "duckdb", "arquero", "framework"]) assert.ok(report.tools[tool], tool);
});

test("no calendar date anywhere in the results, except the cut-off of the report", () => {
  const {cutoff, ...report} = dataset.report;
  assert.equal(cutoff, "2023-04-01");
  const text = JSON.stringify({report, results: dataset.results});
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/);
});

test("a QC disagreement stops the build, naming the result, both values and the difference", async () => {
  const qc = disagreeingQc((out) => { out.stats["table1.female"] = {...out.stats["table1.female"], n: 4}; });
  await assert.rejects(buildResults(cohortDir, qc), (error: Error) => {
    assert.ok(error instanceof QcDisagreementError);
    assert.match(error.message, /table1\.female\.n: results 3 ≠ QC 4 \(difference -1\)/);
    return true;
  });
});

test("a QC that misses a per-patient row stops the build too", async () => {
  const qc = disagreeingQc((out) => { out.rows["swimmer.lanes"]!.rows.pop(); });
  await assert.rejects(buildResults(cohortDir, qc), QcDisagreementError);
});
