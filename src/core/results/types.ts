// The results dataset (docs/results.md): one record per result id, with the report's identity.

import type {Row} from "../engine.js";
import type {Provenance} from "../provenance.js";

export type Stats = Record<string, number | null>;
/** A row of a result's table: as the engine returns it (src/core/engine.ts). */
export type {Row};

export interface QcRecord {
  /** The QC module that re-derived this result independently. */
  module: string;
  agree: boolean;
  /** The stats keys (and "rows") compared with the QC. */
  checked: string[];
  /** Above LIMITS.qcFull patients: the sub-cohort on which the QC and the SQL were compared. */
  sample?: QcSample;
}

export interface QcSample {
  patients: number;
  of: number;
  seed: number;
  selection: string;
}

export interface Result {
  id: string;
  label: string;
  section: string;
  stats: Stats;
  denominator: number | null;
  /** As the paper rounds; null for results that are only a table (rows). */
  display: string | null;
  population: string;
  method: string;
  /** The SQL file that derives it, relative to the project root. */
  source: string;
  qc: QcRecord;
  /**
   * Absent from the JSON when the cohort has more than LIMITS.listPatients patients (then `report.limits` is set;
   * docs/results.md, "Large cohorts"); typed as always present for the code that reads small cohorts only.
   */
  patients: number[];
  rows?: Row[];
  /** Rows before sampling, when `rows` holds only the patients of the lane sample. */
  rows_total?: number;
}

/** The report's identity (src/core/provenance.ts) with what the study and the cohort add. */
export interface Report extends Provenance {
  title: string;
  study_id: string;
  citation: string;
  n_patients: number;
  /** Only for a cohort of more than LIMITS.listPatients patients: what the results leave out. */
  limits?: ReportLimits;
}

export interface ReportLimits {
  patients_listed: false;
  lanes: {patients: number; seed: number; selection: string};
  qc: "full" | QcSample;
}

export interface ResultsDataset {
  report: Report;
  results: Result[];
}

/** One row of an analysis file's final SELECT: the uniform shape every analysis SQL file returns. */
export interface AnalysisRow {
  id: string;
  stats?: Stats | null;
  denominator?: number | null;
  patients?: number[] | null;
  rows?: Row[] | null;
  rows_total?: number | null;
}
