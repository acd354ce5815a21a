// Independent QC (double programming) of every result in docs/results.md, from the raw cohort CSVs with Arquero.
// One twin per analysis: src/core/qc/X.ts re-derives what src/sql/analysis/X.sql returns. Nothing here reads the
// SQL or its results; the catalog is imported for its file names only, so that a new analysis without a twin does
// not compile.
import type {ANALYSIS_FILES} from "../sql-catalog.js";
import * as ae_grade from "./ae_grade.js";
import * as followup from "./followup.js";
import * as km from "./km.js";
import * as km_risk from "./km_risk.js";
import {readCohort, type QcCohort} from "./lib/cohort.js";
import {subjects, type Subject} from "./lib/subjects.js";
import type {QcOutput, QcRows} from "./lib/tables.js";
import type {QcTwin} from "./lib/twin.js";
import * as lrtc from "./lrtc.js";
import * as pathology from "./pathology.js";
import * as response from "./response.js";
import * as safety from "./safety.js";
import * as shrinkage from "./shrinkage.js";
import * as swimmer_lanes from "./swimmer_lanes.js";
import * as swimmer_markers from "./swimmer_markers.js";
import * as swimmer_segments from "./swimmer_segments.js";
import * as table1 from "./table1.js";

export {compareResults, compareRows, formatDisagreement, type Disagreement} from "./compare.js";
export type {QcOutput, QcRow, QcRows, QcValue, Stats} from "./lib/tables.js";

/** The name an analysis file and its twin share: src/sql/analysis/X.sql ↔ src/core/qc/X.ts. */
export type AnalysisName = (typeof ANALYSIS_FILES)[number] extends infer F
  ? F extends `src/sql/analysis/${infer X}.sql` ? X : never
  : never;

const TWINS: Record<AnalysisName, QcTwin> = {
  table1, response, shrinkage, pathology, lrtc, km, km_risk, followup, safety, ae_grade,
  swimmer_lanes, swimmer_segments, swimmer_markers,
};

const twins = Object.entries(TWINS) as [AnalysisName, QcTwin][];

/** The twin of an analysis, as results cite it in `qc.module`. */
export const twinModule = (name: AnalysisName): string => `src/core/qc/${name}.ts`;

/** Result id → the QC module that re-derives it (for the results' `qc.module`). */
export const QC_MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  twins.flatMap(([name, {ids}]) => ids.map((id) => [id, twinModule(name)])),
);

function statsOf(cohort: QcCohort, patients: readonly Subject[]): QcOutput {
  const outputs = twins.map(([name, {ids, stats}]) => {
    const output = stats(cohort, patients);
    const produced = Object.keys(output).sort().join(",");
    if (produced !== [...ids].sort().join(",")) throw new Error(`${twinModule(name)} produced ${produced}, declared ${ids}`);
    return output;
  });
  return Object.assign({}, ...outputs) as QcOutput;
}

function rowsOf(cohort: QcCohort, patients: readonly Subject[]): Record<string, QcRows> {
  return Object.assign({}, ...twins.map(([, twin]) => twin.rows?.(cohort, patients) ?? {}));
}

async function prepare(dir: string): Promise<{cohort: QcCohort; patients: Subject[]}> {
  const cohort = await readCohort(dir);
  return {cohort, patients: subjects(cohort)};
}

/** QC stats for every result: result id → stats key → value (unrounded, as in the results). */
export async function qcResults(dir: string): Promise<QcOutput> {
  const {cohort, patients} = await prepare(dir);
  return statsOf(cohort, patients);
}

/** QC of the tables behind results (`rows`): result id → key fields and rows. */
export async function qcRows(dir: string): Promise<Record<string, QcRows>> {
  const {cohort, patients} = await prepare(dir);
  return rowsOf(cohort, patients);
}

/** Both, reading the cohort once (the cost that grows with the cohort). */
export async function qcAll(dir: string): Promise<{stats: QcOutput; rows: Record<string, QcRows>}> {
  const {cohort, patients} = await prepare(dir);
  return {stats: statsOf(cohort, patients), rows: rowsOf(cohort, patients)};
}
