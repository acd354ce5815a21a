// The lineage of every result: its population from src/sql/lineage/population.sql, its counted patients from the
// analysis file that derived it (the result's `patients`). Fails when the two disagree with the result's own
// counts, so a page never names patients that are not the ones behind the number.
import {withAdam, withProduct, type AdamProduct} from "../adam/product.js";
import {LINEAGE_FILE} from "../sql-catalog.js";
import {resultsFromProduct} from "../results/build.js";
import type {ResultsDataset} from "../results/types.js";
import type {Lineage, LineageEntry, LineageRow} from "./types.js";

type PopulationRow = Omit<LineageEntry, "numerator">;

/** Pairs each result with its population; every disagreement is reported at once. */
export function pairLineage(data: ResultsDataset, rows: readonly PopulationRow[]): Lineage {
  const problems: string[] = [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of rows) {
    if (!data.results.some((r) => r.id === row.id)) problems.push(`${LINEAGE_FILE}: result ${row.id} is not in the results dataset`);
  }
  const results: LineageEntry[] = [];
  for (const result of data.results) {
    const population = byId.get(result.id);
    if (!population) {
      problems.push(`${LINEAGE_FILE}: no population for result ${result.id}`);
      continue;
    }
    const denominator = new Set(population.denominator);
    const outside = result.patients.filter((id) => !denominator.has(id));
    if (outside.length) problems.push(`${result.id}: counted patients ${outside.join(", ")} are not in population ${population.population}`);
    if (result.denominator !== null && population.denominator.length !== result.denominator) {
      problems.push(`${result.id}: population ${population.population} has ${population.denominator.length} patients, the result's denominator is ${result.denominator}`);
    }
    const n = result.stats.n;
    if (typeof n === "number" && result.patients.length !== n) {
      problems.push(`${result.id}: ${result.patients.length} counted patients, the result's n is ${n}`);
    }
    results.push({...population, numerator: [...result.patients].sort((a, b) => a - b)});
  }
  if (problems.length) throw new Error(`The lineage disagrees with the results:\n${problems.join("\n")}`);
  return {source: LINEAGE_FILE, results};
}

/** The lineage of the results `data` of the build product (the results are built when not given). */
export async function lineageFromProduct(product: AdamProduct, data?: ResultsDataset): Promise<Lineage> {
  const results = data ?? (await resultsFromProduct(product));
  // Above 1000 patients the results carry no patient lists (docs/results.md, "Large cohorts"): no lineage either.
  if (results.report.limits) return {source: LINEAGE_FILE, results: []};
  const populations = await withAdam(product, (engine) => engine.run(LINEAGE_FILE), "views");
  return pairLineage(results, populations as unknown as PopulationRow[]);
}

/** The lineage of the results of the cohort in `dir` (the results are built when not given). */
export async function buildLineage(dir: string, data?: ResultsDataset): Promise<Lineage> {
  return withProduct(dir, (product) => lineageFromProduct(product, data));
}

/** The lineage as flat rows (result_id, role, USUBJID): numerator rows, then denominator rows, per result. */
export function lineageRows(lineage: Lineage): LineageRow[] {
  return lineage.results.flatMap((entry) => [
    ...entry.numerator.map((USUBJID) => ({result_id: entry.id, role: "numerator" as const, USUBJID})),
    ...entry.denominator.map((USUBJID) => ({result_id: entry.id, role: "denominator" as const, USUBJID}))
  ]);
}
