// The results dataset (docs/results.md) from the build product (src/core/adam/product.ts: the cohort validated and
// its ADaM derived once): the analysis SQL on the published ADaM files in one DuckDB engine, assembled by the
// catalog, checked against the independent QC, with the report's identity (study.json and provenance). Large cohorts
// (docs/results.md, "Large cohorts"; docs/scale.md): no per-patient lists, per-patient rows for a sample of patients,
// and above LIMITS.qcFull patients the QC compares both implementations on the product's QC sub-cohort: the same
// analysis SQL on the ADaM rows of its patients against the QC on its cohort files.
import {qcCohortDir, withAdam, withProduct, type AdamProduct} from "../adam/product.js";
import type {Engine, Row} from "../engine.js";
import {LIMITS, type Limits} from "../limits.js";
import {provenance} from "../provenance.js";
import {drawSample} from "../sample.js";
import {ADAM_TABLES, LANE_SAMPLE_FILE} from "../sql-catalog.js";
import {runAnalyses} from "./analyses.js";
import {assemble} from "./assemble.js";
import {checkAgainstQc} from "./check.js";
import {QC, type QcApi} from "./qc.js";
import type {QcSample, ReportLimits, ResultsDataset} from "./types.js";

const selection = (k: number, seed: number) => `the ${k} patients with the smallest MD5 hex digest of "${seed}-<USUBJID>"`;

/** The analysis outputs for the `n` patients of the ADaM tables in `engine`, cut as `limits` say for `n`. */
async function analyses(engine: Engine, n: number, limits: Limits): Promise<Map<string, Row[]>> {
  const large = n > limits.listPatients;
  if (large) {
    await drawSample(engine, LANE_SAMPLE_FILE, limits.lanes, limits.seed);
  }
  return runAnalyses(engine, {listPatients: !large, sampleLanes: large});
}

/** Keeps only the QC sub-cohort's patients in the ADaM tables (their patients.csv lists them). */
async function restrictToQcSample(engine: Engine, product: AdamProduct): Promise<void> {
  await engine.sql("SET VARIABLE qc_patients = $path", {path: `${qcCohortDir(product)}/patients.csv`});
  await engine.sql(`CREATE OR REPLACE TEMP TABLE qc_patients AS
    SELECT CAST(USUBJID AS INTEGER) AS USUBJID FROM read_csv(getvariable('qc_patients'), header = true, all_varchar = true)`);
  for (const table of ADAM_TABLES) await engine.sql(`DELETE FROM ${table} WHERE USUBJID NOT IN (SELECT USUBJID FROM qc_patients)`);
}

/**
 * Runs every analysis on the build product. `limits`: LIMITS, unless a test needs a large cohort's behaviour on a
 * small one (the product's QC sub-cohort is drawn under the same limits).
 */
export async function resultsFromProduct(product: AdamProduct, qc: QcApi = QC, limits: Limits = LIMITS): Promise<ResultsDataset> {
  const {n, qc_sample: sample, cohort, study} = product.manifest;
  const {outputs, sampleOutputs} = await withAdam(product, async (engine) => {
    const outputs = await analyses(engine, n, limits);
    if (!sample) return {outputs};
    await restrictToQcSample(engine, product);
    return {outputs, sampleOutputs: await analyses(engine, sample.patients, limits)};
  });
  const unchecked = assemble(outputs);
  const qcSample: QcSample | undefined = sample === null ? undefined :
    {patients: sample.patients, of: n, seed: sample.seed, selection: selection(limits.qcSample, sample.seed)};
  let results;
  if (sampleOutputs && qcSample) {
    // Both implementations on the sub-cohort: throws QcDisagreementError if they disagree.
    await checkAgainstQc(assemble(sampleOutputs), qcCohortDir(product), qc, limits);
    results = unchecked.map((result) => ({
      ...result,
      qc: {module: qc.QC_MODULES[result.id] ?? "none", agree: true, checked: Object.keys(result.stats), sample: qcSample},
    }));
  } else {
    results = await checkAgainstQc(unchecked, cohort, qc, limits);
  }
  const {version, cutoff, reconstructed, data_sha256, data_sha256_all, commit, tools} = provenance(cohort, undefined, product.manifest.inputs);
  const reportLimits: ReportLimits | undefined = n > limits.listPatients
    ? {patients_listed: false, lanes: {patients: Math.min(n, limits.lanes), seed: limits.seed,
      selection: selection(limits.lanes, limits.seed)}, qc: qcSample ?? "full"}
    : undefined;
  return {
    report: {
      title: study.title, study_id: study.study_id, citation: study.citation, version, cutoff, reconstructed,
      data_sha256, data_sha256_all, commit, tools, n_patients: results.find((r) => r.id === "cohort.n")!.stats.n as number,
      ...(reportLimits ? {limits: reportLimits} : {}),
    },
    results,
  };
}

/** The results dataset of the cohort in `dir` (validated first: CohortError if it is not valid). */
export async function buildResults(dir: string, qc: QcApi = QC, limits: Limits = LIMITS): Promise<ResultsDataset> {
  return withProduct(dir, (product) => resultsFromProduct(product, qc, limits), limits);
}
