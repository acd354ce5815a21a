// Compares the primary results (DuckDB SQL) with the independent QC, stat by stat.
import type {QcOutput, Stats} from "./common.js";

export interface Disagreement {
  id: string;
  /** The stats key; null when the whole result id is missing on one side. */
  stat: string | null;
  /** Value in the results (null also when absent; see `problem`). */
  result: number | null;
  /** Value from the QC (null also when absent; see `problem`). */
  qc: number | null;
  /** result − qc when both are numbers, else null. */
  difference: number | null;
  problem: "differs" | "missing in QC" | "missing in results";
}

/** Equal within `tolerance`, relative to the size of the values (absolute below 1); null equals only null. */
function agree(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function compareStats(id: string, result: Stats, qc: Stats, tolerance: number): Disagreement[] {
  const keys = [...new Set([...Object.keys(result), ...Object.keys(qc)])].sort();
  return keys.flatMap((stat): Disagreement[] => {
    const inResult = stat in result;
    const inQc = stat in qc;
    const r = inResult ? result[stat] : null;
    const q = inQc ? qc[stat] : null;
    if (inResult && inQc && agree(r, q, tolerance)) return [];
    return [{
      id, stat, result: r, qc: q,
      difference: r !== null && q !== null ? r - q : null,
      problem: !inQc ? "missing in QC" : !inResult ? "missing in results" : "differs",
    }];
  });
}

export function compareResults(
  results: readonly {id: string; stats: Stats}[],
  qc: QcOutput,
  tolerance = 1e-9,
): Disagreement[] {
  const byId = new Map(results.map((r) => [r.id, r.stats]));
  const ids = [...new Set([...byId.keys(), ...Object.keys(qc)])].sort();
  return ids.flatMap((id): Disagreement[] => {
    const result = byId.get(id);
    const check = qc[id];
    if (result === undefined) return [{id, stat: null, result: null, qc: null, difference: null, problem: "missing in results"}];
    if (check === undefined) return [{id, stat: null, result: null, qc: null, difference: null, problem: "missing in QC"}];
    return compareStats(id, result, check, tolerance);
  });
}

/** One line per disagreement, for build logs. */
export function formatDisagreement(d: Disagreement): string {
  const where = d.stat === null ? d.id : `${d.id}.${d.stat}`;
  return d.problem === "differs"
    ? `${where}: results ${d.result} ≠ QC ${d.qc}${d.difference === null ? "" : ` (difference ${d.difference})`}`
    : `${where}: ${d.problem}`;
}
