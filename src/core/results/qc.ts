// The independent QC (src/core/qc/, the stats helper's Arquero double programming), seen from the results: the
// only place the results build touches it. Loaded by a computed path so that this package builds before the QC
// is merged; the interface below is the one the QC exports (qcResults, qcRows, compareResults, compareRows,
// formatDisagreement, QC_MODULES). Once merged, a static `import * as qc from "../qc/index.js"` can replace load().
import type {Row, Stats} from "./types.js";

export interface Disagreement {
  id: string;
  stat: string | null;
  result: unknown;
  qc: unknown;
  difference: number | null;
  problem: string;
}

export interface QcRows {
  key: string[];
  rows: Row[];
}

export interface QcApi {
  qcResults(dir: string): Promise<Record<string, Stats>>;
  qcRows(dir: string): Promise<Record<string, QcRows>>;
  compareResults(results: readonly {id: string; stats: Stats}[], qc: Record<string, Stats>): Disagreement[];
  compareRows(results: readonly {id: string; rows?: readonly Row[]}[], qc: Record<string, QcRows>): Disagreement[];
  formatDisagreement(d: Disagreement): string;
  QC_MODULES: Readonly<Record<string, string>>;
}

const QC_INDEX = "../qc/index.js";

export async function loadQc(): Promise<QcApi> {
  return (await import(QC_INDEX)) as QcApi;
}
