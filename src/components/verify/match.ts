// Compares a result re-derived in the reader's browser with the published one (data/results/all.json). Pure: no DOM, no
// DuckDB; the same function serves the /verify page, the per-result button and the unit tests. Values agree by the
// rule the build's QC and the bench use (src/core/agree.ts); every difference is named by its path.
import {AGREEMENT_RULE, sameMembers, sameNumber} from "../../core/agree.js";

/** One row of an analysis SQL file's final SELECT (docs/results.md), as DuckDB-wasm returns it. */
export interface AnalysisRow {
  id: string;
  stats?: Record<string, number | null> | null;
  denominator?: number | null;
  patients?: number[] | null;
  rows?: Record<string, unknown>[] | null;
}

/** The parts of a published result the SQL derives (plus the display string the catalog formats from them). */
export interface PublishedResult {
  id: string;
  source: string;
  stats: Record<string, number | null>;
  denominator: number | null;
  patients: number[];
  rows?: Record<string, unknown>[];
  display: string | null;
}

/** A re-derived result: the analysis row, the file that returned it and its display string formatted in the browser. */
export interface Rederived {
  source: string;
  row: AnalysisRow;
  display: string | null;
}

export interface Comparison {
  id: string;
  match: boolean;
  /** Human-readable differences, path first ("stats.pct: published 50, re-derived 66.7"); empty when matching. */
  differences: string[];
}

const show = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value));

/** Appends to `out` every difference between `published` and `rederived` below `path`. */
function differ(published: unknown, rederived: unknown, path: string, out: string[]): void {
  if (typeof published === "number" && typeof rederived === "number") {
    if (!sameNumber(published, rederived)) out.push(`${path}: published ${published}, re-derived ${rederived}`);
  } else if (path === "patients" && Array.isArray(published) && Array.isArray(rederived)) { // the patient-id list
    if (!sameMembers(published, rederived)) out.push(`${path}: published ${show(published)}, re-derived ${show(rederived)}`);
  } else if (Array.isArray(published) && Array.isArray(rederived)) {
    if (published.length !== rederived.length) {
      out.push(`${path}: published ${published.length} items, re-derived ${rederived.length}`);
    } else {
      published.forEach((item, i) => differ(item, rederived[i], `${path}[${i}]`, out));
    }
  } else if (isObject(published) && isObject(rederived)) {
    const keys = [...new Set([...Object.keys(published), ...Object.keys(rederived)])].sort();
    for (const key of keys) differ(published[key], rederived[key], path ? `${path}.${key}` : key, out);
  } else if ((published ?? null) !== (rederived ?? null)) {
    out.push(`${path}: published ${show(published)}, re-derived ${show(rederived)}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The comparable fields of an analysis row, defaulted as the build assembles a result (src/core/results/assemble.ts). */
const derivedFields = (row: AnalysisRow) => ({
  stats: row.stats ?? {},
  denominator: row.denominator ?? null,
  patients: row.patients ?? [],
  rows: row.rows ?? undefined,
});

/** Compares one published result with its re-derivation (undefined: no analysis file returned its id). */
export function compareResult(published: PublishedResult, rederived: Rederived | undefined): Comparison {
  const differences: string[] = [];
  if (!rederived) {
    differences.push(`not returned by ${published.source}`);
  } else {
    if (rederived.source !== published.source) differences.push(`source: published ${published.source}, re-derived ${rederived.source}`);
    const {stats, denominator, patients, rows} = published;
    differ({stats, denominator, patients, rows}, derivedFields(rederived.row), "", differences);
    if (published.display !== rederived.display) differences.push(`display: published ${show(published.display)}, re-derived ${show(rederived.display)}`);
  }
  return {id: published.id, match: differences.length === 0, differences};
}

/** Compares every published result with the re-derivation of its id. */
export function compareAll(published: readonly PublishedResult[], rederived: ReadonlyMap<string, Rederived>): Comparison[] {
  return published.map((result) => compareResult(result, rederived.get(result.id)));
}

/** The summary sentence for `comparisons` completed in `ms` milliseconds. */
export function summaryText(comparisons: readonly Comparison[], ms: number): string {
  const matched = comparisons.filter((c) => c.match).length;
  const seconds = (ms / 1000).toFixed(1);
  if (matched === comparisons.length) {
    return `All ${comparisons.length} published results were re-derived in this browser and match ` +
      `(${AGREEMENT_RULE}), in ${seconds} s.`;
  }
  const differing = comparisons.filter((c) => !c.match).map((c) => c.id);
  return `${matched} of ${comparisons.length} published results match; ${differing.length} ${differing.length === 1 ? "differs" : "differ"} from what this ` +
    `browser re-derived: ${differing.join(", ")} (${seconds} s).`;
}
