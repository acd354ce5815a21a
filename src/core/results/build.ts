// The results dataset (docs/results.md) for the cohort in a directory: validation, ADaM and analysis SQL in one
// DuckDB engine, assembled by the catalog, checked against the independent QC, with the report's identity
// (study.json and provenance). Large cohorts (docs/results.md, "Large cohorts"; docs/scale.md): no per-patient
// lists, per-patient rows for a sample of patients, and above LIMITS.qcFull patients the QC compares both
// implementations on a sub-cohort, which this function builds (QC included) from its own files.
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {SCHEMAS} from "../cohort/schema.js";
import {openCohort} from "../adam/derive.js";
import type {Engine} from "../engine.js";
import {runAnalyses} from "./analyses.js";
import {provenance} from "../provenance.js";
import {assemble} from "./assemble.js";
import {checkAgainstQc} from "./check.js";
import {LIMITS, SQL_SAMPLE_KEY, type Limits} from "../limits.js";
import {QC, type QcApi} from "./qc.js";
import type {QcSample, ReportLimits, ResultsDataset} from "./types.js";

export interface Study {
  study_id: string;
  title: string;
  citation: string;
  cutoff: string;
  version: string;
}

export function readStudy(dir: string): Study {
  return JSON.parse(readFileSync(join(dir, "study.json"), "utf8")) as Study;
}

const selection = (k: number, seed: number) => `the ${k} patients with the smallest MD5 hex digest of "${seed}-<USUBJID>"`;

/** Writes the sub-cohort of the first `k` patients in sample order (all their rows, as validated) into `dir`. */
async function writeSubCohort(engine: Engine, source: string, dir: string, k: number): Promise<void> {
  await engine.sql(`CREATE OR REPLACE TEMP TABLE qc_sample AS
    SELECT USUBJID FROM cohort_patients ORDER BY ${SQL_SAMPLE_KEY} LIMIT ${k}`);
  for (const {stem, file} of SCHEMAS) {
    await engine.sql("SET VARIABLE sample_file = $path", {path: join(dir, file)});
    await engine.sql(`COPY (SELECT * EXCLUDE (line, ok) FROM cohort_${stem} SEMI JOIN qc_sample USING (USUBJID)
      ORDER BY line) TO (getvariable('sample_file')) (HEADER, DELIMITER ',')`);
  }
  copyFileSync(join(source, "study.json"), join(dir, "study.json"));
}

/**
 * Runs every derivation on the cohort in `dir` (validated first: CohortError if it is not valid). `limits`: LIMITS,
 * unless a test needs a large cohort's behaviour on a small one.
 */
export async function buildResults(dir: string, qc?: QcApi, limits: Limits = LIMITS): Promise<ResultsDataset> {
  const engine = await openCohort(dir);
  let outputs;
  let n: number;
  let qcSample: QcSample | undefined;
  try {
    [{n}] = (await engine.sql("SELECT count(*)::INTEGER AS n FROM adsl")) as {n: number}[];
    await engine.sql("SET VARIABLE sample_seed = $seed", {seed: String(limits.seed)});
    const large = n > limits.listPatients;
    if (large) {
      await engine.sql(`CREATE OR REPLACE TEMP TABLE lane_sample AS
        SELECT USUBJID FROM adsl ORDER BY ${SQL_SAMPLE_KEY} LIMIT ${limits.lanes}`);
    }
    outputs = await runAnalyses(engine, {listPatients: !large, sampleLanes: large});
    if (n > limits.qcFull) {
      const scratch = mkdtempSync(join(tmpdir(), "qc-sample-"));
      try {
        await writeSubCohort(engine, dir, scratch, limits.qcSample);
        engine.close(); // the sub-cohort gets its own engine; free this one's memory first
        // The whole pipeline on the sub-cohort, QC included: throws QcDisagreementError if they disagree.
        await buildResults(scratch, qc, limits);
      } finally {
        rmSync(scratch, {recursive: true, force: true});
      }
      qcSample = {patients: Math.min(n, limits.qcSample), of: n, seed: limits.seed, selection: selection(limits.qcSample, limits.seed)};
    }
  } finally {
    engine.close();
  }
  const unchecked = assemble(outputs);
  const results = qcSample
    ? unchecked.map((result) => ({
      ...result,
      qc: {module: (qc ?? QC).QC_MODULES[result.id] ?? "none", agree: true, checked: Object.keys(result.stats),
        sample: qcSample},
    }))
    : await checkAgainstQc(unchecked, dir, qc ?? QC, limits);
  const study = readStudy(dir);
  const {version, cutoff, reconstructed, data_sha256, data_sha256_all, commit, tools} = provenance(dir);
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
