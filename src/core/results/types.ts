// The results dataset (docs/results.md): one record per result id, with the report's identity.

export type Stats = Record<string, number | null>;
export type Row = Record<string, unknown>;

export interface QcRecord {
  /** The QC module that re-derived this result independently. */
  module: string;
  agree: boolean;
  /** The stats keys (and "rows") compared with the QC. */
  checked: string[];
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
  patients: number[];
  rows?: Row[];
}

export interface Report {
  title: string;
  study_id: string;
  citation: string;
  version: string;
  cutoff: string;
  reconstructed: boolean;
  data_sha256: Record<string, string>;
  data_sha256_all: string;
  commit: string;
  tools: Record<string, string>;
  n_patients: number;
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
}
