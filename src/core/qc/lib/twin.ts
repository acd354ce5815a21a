// What every QC twin exports: src/core/qc/X.ts re-derives, from the raw cohort, the results of
// src/sql/analysis/X.sql (their ids, their stats and the tables behind them).
import type {QcCohort} from "./cohort.js";
import type {Subject} from "./subjects.js";
import type {QcOutput, QcRows} from "./tables.js";

export interface QcTwin {
  /** The result ids its SQL twin returns (a row-only result has empty stats). */
  readonly ids: readonly string[];
  stats(cohort: QcCohort, subjects: readonly Subject[]): QcOutput;
  /** The tables behind its results (`rows`), by result id. */
  rows?(cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows>;
}
