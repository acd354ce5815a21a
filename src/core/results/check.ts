// Every result against the independent QC: stats key by key and the rows behind results row by row. Any
// disagreement stops the build with each result, both values and their difference. When the results leave out
// per-patient lists or sample per-patient rows (a cohort of more than LIMITS.listPatients patients), the QC's rows
// are cut the same way first, the lane sample drawn here independently (node:crypto MD5, limits.ts), and each
// sampled table's rows_total is checked against the QC's full count.
import {firstInSampleOrder, LIMITS, type Limits} from "../limits.js";
import type {Disagreement, QcApi, QcRows} from "./qc.js";
import type {UncheckedResult} from "./assemble.js";
import type {Result} from "./types.js";

export class QcDisagreementError extends Error {}

/** The QC tables as the results carry them for a cohort of `n` patients. */
function asPublished(tables: Record<string, QcRows>, n: number, limits: Limits): Record<string, QcRows> {
  if (n <= limits.listPatients) return tables;
  const everyone = Object.values(tables).flatMap(({rows}) => rows.map((row) => row.USUBJID))
    .filter((id): id is number => typeof id === "number");
  const lanes = firstInSampleOrder(everyone, limits.lanes, limits.seed);
  return Object.fromEntries(Object.entries(tables).map(([id, {key, rows}]) => {
    const perPatient = rows.some((row) => "USUBJID" in row);
    const cut = perPatient
      ? rows.filter((row) => lanes.has(row.USUBJID as number))
      : rows.map((row) => Object.fromEntries(Object.entries(row).filter(([field]) => !field.endsWith("_ids"))));
    // Rows are counted by key, as compareRows matches them (several progressions of a site on a day are one marker).
    const total = new Set(rows.map((row) => key.map((k) => JSON.stringify(row[k])).join())).size;
    return [id, {key, rows: cut, ...(perPatient ? {total} : {})}];
  }));
}

export async function checkAgainstQc(
  results: UncheckedResult[], dir: string, qc: QcApi, limits: Limits = LIMITS,
): Promise<Result[]> {
  const {stats, rows: full} = qc.qcAll
    ? await qc.qcAll(dir)
    : {stats: await qc.qcResults(dir), rows: await qc.qcRows(dir)};
  const n = results.find((r) => r.id === "cohort.n")?.stats.n ?? 0;
  const rows = asPublished(full, n as number, limits);
  const totals = Object.entries(rows).flatMap(([id, table]): Disagreement[] => {
    const result = results.find((r) => r.id === id);
    const total = (table as QcRows & {total?: number}).total;
    return total === undefined || result?.rows_total === total ? [] :
      [{id, stat: "rows_total", result: result?.rows_total ?? null, qc: total, difference: null, problem: "differs"}];
  });
  const disagreements = [...qc.compareResults(results, stats), ...qc.compareRows(results, rows), ...totals];
  if (disagreements.length > 0) {
    throw new QcDisagreementError(
      `The SQL results and the independent QC disagree (${disagreements.length}):\n` +
        disagreements.map((d) => `  ${qc.formatDisagreement(d)}`).join("\n"),
    );
  }
  return results.map((result) => ({
    ...result,
    qc: {
      module: qc.QC_MODULES[result.id] ?? "none",
      agree: true,
      checked: [...Object.keys(stats[result.id] ?? {}), ...(result.id in rows ? ["rows"] : [])],
    },
  }));
}
