// From the rows the analysis SQL files return to result records: one generic step for every result, guided by the
// catalog. Fails when a file returns an id the catalog does not know, an id twice, or misses a catalog id.
import type {Row} from "../engine.js";
import {CATALOG} from "./catalog.js";
import {FORMATS} from "./format.js";
import type {AnalysisRow, Result} from "./types.js";

/** Results without QC (filled in by checkAgainstQc). */
export type UncheckedResult = Omit<Result, "qc">;

export function assemble(outputs: ReadonlyMap<string, Row[]>): UncheckedResult[] {
  const produced = new Map<string, {row: AnalysisRow; source: string}>();
  const known = new Set(CATALOG.map((entry) => entry.id));
  for (const [source, rows] of outputs) {
    for (const row of rows as unknown as AnalysisRow[]) {
      if (!known.has(row.id)) throw new Error(`${source} returns result ${JSON.stringify(row.id)}, not in the catalog`);
      const previous = produced.get(row.id);
      if (previous) throw new Error(`result ${row.id} is returned by both ${previous.source} and ${source}`);
      produced.set(row.id, {row, source});
    }
  }
  return CATALOG.map((entry) => {
    const found = produced.get(entry.id);
    if (!found) throw new Error(`no analysis file returns result ${entry.id}`);
    const {row, source} = found;
    const stats = row.stats ?? {};
    const denominator = row.denominator ?? null;
    let display: string | null = null;
    try {
      display = entry.display === null ? null : FORMATS[entry.display](stats, denominator);
    } catch (error) {
      throw new Error(`${entry.id} (${source}): ${(error as Error).message}`, {cause: error});
    }
    return {
      id: entry.id, label: entry.label, section: entry.section, stats, denominator, display,
      population: entry.population, method: entry.method, source,
      ...(row.patients === undefined ? {} : {patients: row.patients ?? []}),
      ...(row.rows === undefined || row.rows === null ? {} : {rows: row.rows}),
      ...(row.rows_total === undefined || row.rows_total === null ? {} : {rows_total: row.rows_total}),
    } as UncheckedResult;
  });
}
