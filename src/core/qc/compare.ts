// Compares the primary results (DuckDB SQL) with the independent QC, stat by stat and row by row, by the one rule of
// agreement (src/core/agree.ts).
import {agree} from "../agree.js";
import type {QcOutput, QcRows, Stats} from "./lib/tables.js";

/** A row as the results carry it (any JSON values). */
type AnyRow = Readonly<Record<string, unknown>>;

export interface Disagreement {
  id: string;
  /** The stats key (or `rows[key].field`, `rows[key]`, `rows`); null when the whole result id is missing on one side. */
  stat: string | null;
  /** Value in the results (null also when absent; see `problem`). */
  result: unknown;
  /** Value from the QC (null also when absent; see `problem`). */
  qc: unknown;
  /** result − qc when both are numbers, else null. */
  difference: number | null;
  problem: "differs" | "missing in QC" | "missing in results";
}

const difference = (a: unknown, b: unknown): number | null =>
  typeof a === "number" && typeof b === "number" ? a - b : null;

/** Field by field over `keys`; `prefix` names the row for row tables. */
function compareFields(
  id: string, prefix: string, result: AnyRow, qc: AnyRow,
  keys = [...new Set([...Object.keys(result), ...Object.keys(qc)])].sort(),
): Disagreement[] {
  return keys.flatMap((key): Disagreement[] => {
    const inResult = key in result;
    const inQc = key in qc;
    const r = inResult ? result[key] : null;
    const q = inQc ? qc[key] : null;
    if (inResult && inQc && agree(r, q)) return [];
    return [{
      id, stat: prefix + key, result: r, qc: q, difference: difference(r, q),
      problem: !inQc ? "missing in QC" : !inResult ? "missing in results" : "differs",
    }];
  });
}

export function compareResults(
  results: readonly {id: string; stats: Stats}[],
  qc: QcOutput,
): Disagreement[] {
  const byId = new Map(results.map((r) => [r.id, r.stats]));
  const ids = [...new Set([...byId.keys(), ...Object.keys(qc)])].sort();
  return ids.flatMap((id): Disagreement[] => {
    const result = byId.get(id);
    const check = qc[id];
    if (result === undefined) return [{id, stat: null, result: null, qc: null, difference: null, problem: "missing in results"}];
    if (check === undefined) return [{id, stat: null, result: null, qc: null, difference: null, problem: "missing in QC"}];
    return compareFields(id, "", result, check);
  });
}

/** Rows keyed by the QC's key fields; the first row of a key stands for its duplicates. */
function byKey(rows: readonly AnyRow[], key: readonly string[]): Map<string, AnyRow> {
  const map = new Map<string, AnyRow>();
  for (const row of rows) {
    const name = key.map((k) => `${k}=${JSON.stringify(row[k])}`).join(",");
    if (!map.has(name)) map.set(name, row);
  }
  return map;
}

/**
 * Compares the tables behind results (`rows`) with the QC tables: rows matched on the QC's key
 * fields; in each row only the fields the QC derives are compared (other fields are not checked).
 */
export function compareRows(
  results: readonly {id: string; rows?: readonly AnyRow[] | null}[],
  qc: Record<string, QcRows>,
): Disagreement[] {
  const byId = new Map(results.map((r) => [r.id, r.rows]));
  return Object.keys(qc).sort().flatMap((id): Disagreement[] => {
    const resultRows = byId.get(id);
    if (resultRows == null) {
      return [{id, stat: "rows", result: null, qc: null, difference: null, problem: "missing in results"}];
    }
    const {key, rows} = qc[id];
    const expected = byKey(rows, key);
    const actual = byKey(resultRows, key);
    const names = [...new Set([...expected.keys(), ...actual.keys()])];
    return names.flatMap((name): Disagreement[] => {
      const [r, q] = [actual.get(name), expected.get(name)];
      const stat = `rows[${name}]`;
      if (r === undefined) return [{id, stat, result: null, qc: null, difference: null, problem: "missing in results"}];
      if (q === undefined) return [{id, stat, result: null, qc: null, difference: null, problem: "missing in QC"}];
      return compareFields(id, `${stat}.`, r, q, Object.keys(q));
    });
  });
}

/** One line per disagreement, for build logs. */
export function formatDisagreement(d: Disagreement): string {
  const where = d.stat === null ? d.id : `${d.id}.${d.stat}`;
  return d.problem === "differs"
    ? `${where}: results ${JSON.stringify(d.result)} ≠ QC ${JSON.stringify(d.qc)}${d.difference === null ? "" : ` (difference ${d.difference})`}`
    : `${where}: ${d.problem}`;
}
