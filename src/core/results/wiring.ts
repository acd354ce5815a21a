// The two modules of other parts of the project that the results and the dataset commands use, and the only
// place they are imported: the independent QC (src/core/qc/index.ts: Arquero double programming) and the cohort
// command-line plumbing (src/core/cli.ts: --data/--out, validate first). They are loaded by a computed path, with
// the interfaces they export declared here, so this package builds on its own; once both are merged, static
// imports (`import * as qc from "../qc/index.js"`, `import {cliArgs, withValidCohort} from "../cli.js"`) can
// replace loadQc() and loadCli().
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

export interface CliApi {
  cliArgs(spec: {usage: string; out?: "optional" | "required"}): {data: string; out?: string};
  /** Validates the cohort in `dir`, then runs `fn`; on problems prints them all and exits 1, writing nothing. */
  withValidCohort<T>(dir: string, fn: () => T | Promise<T>): Promise<T>;
}

const QC_MODULE = "../qc/index.js";
const CLI_MODULE = "../cli.js";

export async function loadQc(): Promise<QcApi> {
  return (await import(QC_MODULE)) as QcApi;
}

export async function loadCli(): Promise<CliApi> {
  return (await import(CLI_MODULE)) as CliApi;
}
