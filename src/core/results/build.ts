// The results dataset (docs/results.md) for the cohort in a directory: ADaM and analysis SQL in DuckDB, assembled
// by the catalog, checked against the independent QC, with the report's identity (study.json and provenance).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {openCohort, runAnalyses} from "../engine.js";
import {provenance} from "../provenance.js";
import {assemble} from "./assemble.js";
import {checkAgainstQc} from "./check.js";
import {QC, type QcApi} from "./qc.js";
import type {ResultsDataset} from "./types.js";

interface Study {
  study_id: string;
  title: string;
  citation: string;
  cutoff: string;
}

export function readStudy(dir: string): Study {
  return JSON.parse(readFileSync(join(dir, "study.json"), "utf8")) as Study;
}

/** Runs every derivation on the cohort in `dir`; the cohort must have been validated. */
export async function buildResults(dir: string, qc?: QcApi): Promise<ResultsDataset> {
  const engine = await openCohort(dir);
  const study = readStudy(dir);
  let outputs;
  try {
    outputs = await runAnalyses(engine);
  } finally {
    engine.close();
  }
  const results = await checkAgainstQc(assemble(outputs), dir, qc ?? QC);
  const {version, cutoff, reconstructed, data_sha256, data_sha256_all, commit, tools} = provenance(dir);
  const n = results.find((r) => r.id === "cohort.n")!.stats.n as number;
  return {
    report: {
      title: study.title, study_id: study.study_id, citation: study.citation, version, cutoff, reconstructed,
      data_sha256, data_sha256_all, commit, tools, n_patients: n,
    },
    results,
  };
}
