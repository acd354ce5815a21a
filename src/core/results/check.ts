// Every result against the independent QC: stats key by key and the rows behind results row by row. Any
// disagreement stops the build with each result, both values and their difference.
import type {QcApi} from "./qc.js";
import type {UncheckedResult} from "./assemble.js";
import type {Result} from "./types.js";

export class QcDisagreementError extends Error {}

export async function checkAgainstQc(results: UncheckedResult[], dir: string, qc: QcApi): Promise<Result[]> {
  const [stats, rows] = await Promise.all([qc.qcResults(dir), qc.qcRows(dir)]);
  const disagreements = [...qc.compareResults(results, stats), ...qc.compareRows(results, rows)];
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
