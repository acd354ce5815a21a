// How the bench compares implementations of the same analyses: the report's results (or the analyses step's), the R
// script's output (scripts/bench/analyses.R) and the fused step's (scripts/bench/fused.sql, in R's JSON shape). Every
// value the R script prints is compared, by the rule the QC and /verify use (src/core/agree.ts).
import {agree} from "../../src/core/agree.js";

/** The report's analysis files that compute what the R script computes (the bench's `analyses` step runs these). */
export const SAME_AS_R = ["src/sql/analysis/table1.sql", "src/sql/analysis/pathology.sql",
  "src/sql/analysis/response.sql", "src/sql/analysis/km.sql"];

/** Every value of a JSON document with its path of keys. */
function* leaves(value: unknown, path: string[] = []): Generator<[string[], unknown]> {
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) yield* leaves(inner, [...path, key]);
  } else yield [path, value];
}

/** Where the report keeps a value of the R script's output: result id and stats key (table1.morph_lcnec.n is the
 *  n of table1.morph.lcnec; os and pfs are tte.os and tte.pfs; orr is response.orr; n is cohort.n). */
function reportPlace([section, item, stat]: string[]): [string, string] {
  if (section === "n") return ["cohort.n", "n"];
  if (section === "table1") return [`table1.${item.replace("_", ".")}`, stat];
  if (section === "orr") return ["response.orr", item];
  return [`tte.${section}`, item];
}

/** Each value of the R script's output beside the report's, keyed by its path in R's output. */
export function reportVsR(
  results: readonly {id: string; stats: Record<string, unknown>}[], r: unknown
): Record<string, {report: unknown; r: unknown}> {
  const stats = new Map(results.map(({id, stats}) => [id, stats]));
  const pairs: Record<string, {report: unknown; r: unknown}> = {};
  for (const [path, value] of leaves(r)) {
    const [id, key] = reportPlace(path);
    pairs[path.join(".")] = {report: stats.get(id)?.[key], r: value};
  }
  return pairs;
}

/** How many of the reference's values `ours` (a document of the same shape) equals, and the paths of the others. */
export function sameValues(ours: unknown, reference: unknown): {equal: number; of: number; different: string[]} {
  const out = {equal: 0, of: 0, different: [] as string[]};
  for (const [path, value] of leaves(reference)) {
    const mine = path.reduce<unknown>((at, key) => (at as Record<string, unknown> | null | undefined)?.[key], ours);
    out.of++;
    if (agree(mine, value)) out.equal++;
    else out.different.push(path.join("."));
  }
  return out;
}
