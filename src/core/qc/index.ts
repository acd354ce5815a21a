// Independent QC (double programming) of every result in docs/results.md, from the raw cohort
// CSVs with Arquero. Nothing here imports the SQL derivations or their results.
import type {QcOutput} from "./common.js";
import {qcControl} from "./control.js";
import {readCohort, type QcCohort} from "./read.js";
import {qcResponse} from "./response.js";
import {qcRowOnlyStats, qcRowTables, ROW_ONLY_IDS, type QcRows} from "./rows.js";
import {qcSafety} from "./safety.js";
import {subjects, type Subject} from "./subjects.js";
import {qcTable1} from "./table1.js";
import {qcTimeToEvent} from "./tte.js";

export {compareResults, compareRows, formatDisagreement, type Disagreement} from "./compare.js";
export type {QcOutput, Stats} from "./common.js";
export type {QcRows, Row, RowValue} from "./rows.js";

interface QcModule {
  module: string;
  ids: string[];
  run: (cohort: QcCohort, subjects: readonly Subject[]) => QcOutput;
}

const REGISTRY: QcModule[] = [
  {
    module: "src/core/qc/table1.ts",
    run: qcTable1,
    ids: ["cohort.n", "table1.female", "table1.age", "table1.ps01", "table1.comorbidity", "table1.ki67",
      "table1.site.rectum", "table1.site.anus", "table1.ct.t1", "table1.ct.t2", "table1.ct.t3", "table1.ct.t4",
      "table1.cn.n0", "table1.cn.n1", "table1.cn.n2", "table1.chemo.carbo_etop", "table1.morph.lcnec",
      "table1.morph.scnec", "table1.morph.minen", "table1.stage.la", "table1.stage.metastatic", "table1.mets.liver",
      "table1.mets.peritoneum", "table1.chemo.cis_etop", "table1.chemo.cycles", "table1.rt.neoadjuvant",
      "table1.rt.definitive", "table1.rt.25gy5f", "table1.rt.50gy28f", "table1.surgery.yes", "table1.surgery.no",
      "table1.resection.r0", "table1.resection.r1", "table1.liver.rfa", "table1.liver.resection"],
  },
  {
    module: "src/core/qc/response.ts",
    run: qcResponse,
    ids: ["response.bor.cr", "response.bor.pr", "response.bor.sd", "response.bor.pd", "response.bor.ne",
      "response.orr", "response.shrinkage", "response.ypt0"],
  },
  {module: "src/core/qc/control.ts", run: qcControl, ids: ["control.lrtc"]},
  {module: "src/core/qc/tte.ts", run: qcTimeToEvent, ids: ["tte.followup", "tte.os", "tte.pfs", "tte.dor"]},
  {
    module: "src/core/qc/safety.ts",
    run: qcSafety,
    ids: ["safety.grade34", "safety.dose_reduction", "safety.discontinuation", "safety.ae_by_grade"],
  },
  {module: "src/core/qc/rows.ts", run: qcRowOnlyStats, ids: ROW_ONLY_IDS},
];

/** Result id → the QC module that re-derives it (for the results' `qc.module`). */
export const QC_MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  REGISTRY.flatMap(({module, ids}) => ids.map((id) => [id, module])),
);

function statsOf(cohort: QcCohort, patients: readonly Subject[]): QcOutput {
  const outputs = REGISTRY.map(({module, ids, run}) => {
    const output = run(cohort, patients);
    const produced = Object.keys(output).sort().join(",");
    if (produced !== [...ids].sort().join(",")) throw new Error(`${module} produced ${produced}, declared ${ids}`);
    return output;
  });
  return Object.assign({}, ...outputs) as QcOutput;
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
  return qcRowTables(cohort, patients);
}

/** Both, reading the cohort once (the cost that grows with the cohort). */
export async function qcAll(dir: string): Promise<{stats: QcOutput; rows: Record<string, QcRows>}> {
  const {cohort, patients} = await prepare(dir);
  return {stats: statsOf(cohort, patients), rows: qcRowTables(cohort, patients)};
}
