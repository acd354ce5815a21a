// The independent QC (src/core/qc/: Arquero double programming) as the results build sees it: an interface, so
// tests can hand in a stand-in, and the real module as the default.
import type {Disagreement} from "../qc/compare.js";
import * as qc from "../qc/index.js";
import type {QcRows} from "../qc/index.js";
import type {Row, Stats} from "./types.js";

export type {Disagreement, QcRows};

export interface QcApi {
  qcResults(dir: string): Promise<Record<string, Stats>>;
  qcRows(dir: string): Promise<Record<string, QcRows>>;
  /** Both, reading the cohort once (optional: a stand-in may have only the two above). */
  qcAll?(dir: string): Promise<{stats: Record<string, Stats>; rows: Record<string, QcRows>}>;
  compareResults(results: readonly {id: string; stats: Stats}[], qc: Record<string, Stats>): Disagreement[];
  compareRows(results: readonly {id: string; rows?: readonly Row[]}[], qc: Record<string, QcRows>): Disagreement[];
  formatDisagreement(d: Disagreement): string;
  QC_MODULES: Readonly<Record<string, string>>;
}

/** The real QC, used unless a caller passes another. */
export const QC: QcApi = qc;
