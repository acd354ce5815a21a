// Why a printed number differs from the recomputed one: each function tries the plausible causes against the data
// (another population's denominator, the rounding direction, a count that does not fit its percentage, another
// result's count, another statistic of the same result) and says which one fits, in words built from the values.
import type {Result} from "../results/types.js";
import {atPrecision} from "./numbers.js";

/** A population of the results dataset: its size and what the results call it. */
export interface Population {
  denominator: number;
  population: string;
}

const fmt = (value: number, decimals = 1) => String(atPrecision(value, decimals));
const pct = (n: number, d: number) => (100 * n) / d;
const floorAt = (value: number, decimals: number) => Math.floor(value * 10 ** decimals + 1e-9) / 10 ** decimals;
const ceilAt = (value: number, decimals: number) => Math.ceil(value * 10 ** decimals - 1e-9) / 10 ** decimals;

/** The populations of the dataset's n (%) results, largest first, each size once. */
export function populations(results: readonly Result[]): Population[] {
  const bySize = new Map<number, string>();
  for (const r of results) {
    if (r.denominator && typeof r.stats.pct === "number" && !bySize.has(r.denominator)) bySize.set(r.denominator, r.population);
  }
  return [...bySize].map(([denominator, population]) => ({denominator, population})).sort((a, b) => b.denominator - a.denominator);
}

/** "63" against "67": true when the two have as many digits and differ in exactly one. */
function oneDigitApart(a: string, b: string): boolean {
  return a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;
}

/** A printed percentage that is not n of `denominator` rounded like it was printed. */
export function explainPercent(printed: number, decimals: number, n: number, denominator: number, known: readonly Population[]): string {
  const exact = pct(n, denominator);
  const others = known.filter((p) => p.denominator !== denominator);
  const wrongDenominator = others.find((p) => atPrecision(pct(n, p.denominator), decimals) === printed);
  if (wrongDenominator) {
    return `the printed percentage uses the wrong denominator: ${n}/${wrongDenominator.denominator} ` +
      `(${wrongDenominator.population.toLowerCase()}) is ${fmt(pct(n, wrongDenominator.denominator))}%.`;
  }
  if (floorAt(exact, decimals) === printed) return `the printed percentage truncates ${fmt(exact, decimals + 1)}% instead of rounding it.`;
  if (ceilAt(exact, decimals) === printed) return `the printed percentage rounds ${fmt(exact, decimals + 1)}% up instead of to the nearest.`;
  for (let k = 0; k <= denominator; k++) {
    if (k !== n && atPrecision(pct(k, denominator), decimals) === printed) {
      return `the printed percentage is that of ${k} of ${denominator}, not of the ${n} counted: the count and the percentage disagree.`;
    }
  }
  for (const p of others) {
    for (let k = 0; k <= p.denominator; k++) {
      if (atPrecision(pct(k, p.denominator), decimals) === printed) {
        return `${printed}% is ${k} of ${p.denominator} (${p.population.toLowerCase()}), neither the count nor the population of this result.`;
      }
    }
  }
  const sizes = [denominator, ...others.map((p) => p.denominator)];
  const correct = String(atPrecision(exact, decimals));
  return `no count of any population in the dataset (${sizes.join(", ")} patients) gives ${printed}%, and no rounding of ` +
    `${fmt(exact, decimals + 1)}% does` +
    (oneDigitApart(String(printed), correct) ? `; ${printed} differs from ${correct} in one digit, as a typographical error would.` : ".");
}

/** The other results of `result`'s section with the same population. */
function siblings(result: Result, all: readonly Result[]): Result[] {
  return all.filter((r) => r.id !== result.id && r.section === result.section && r.denominator === result.denominator && typeof r.stats.n === "number");
}

/** Results of the section that, with `result`, split its population: pairwise disjoint and together everyone. */
function partition(result: Result, all: readonly Result[]): Result[] | null {
  // Above 1000 patients the results list no patients (docs/results.md, "Large cohorts"): no partition is known.
  if (!result.patients) return null;
  const candidates = siblings(result, all).filter((r) => r.patients && !r.patients.some((p) => result.patients.includes(p)));
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => mask & (1 << i));
    const patients = [result, ...chosen].flatMap((r) => r.patients);
    if (new Set(patients).size === patients.length && patients.length === result.denominator) return [result, ...chosen];
  }
  return null;
}

/** A printed count of patients that is not the result's n. */
export function explainCount(printed: number, result: Result, all: readonly Result[]): string {
  const causes: string[] = [];
  const same = siblings(result, all).filter((r) => r.stats.n === printed);
  if (same.length) causes.push(`${printed} is the count of ${same.map((r) => `${r.label} (${r.id})`).join(" and ")} in the same section`);
  else if (printed === result.denominator) causes.push(`${printed} is the whole population (${result.population.toLowerCase()})`);
  const parts = partition(result, all);
  if (parts) {
    const counts = parts.map((r) => r.stats.n as number);
    causes.push(`${parts.map((r) => r.label).join(" and ")} divide the ${result.denominator} patients ` +
      `(${counts.join(" + ")} = ${result.denominator}), so ${printed} would make ${result.denominator! - counts[0]! + printed}`);
  }
  if (!causes.length) return `no result of the section "${result.section}" counts ${printed} patients.`;
  return causes.join("; ") + ".";
}

/** A printed summary statistic (mean, median, limit of a range) that is not the recomputed one. */
export function explainStatistic(printed: number, decimals: number, key: string, result: Result): string {
  const value = result.stats[key];
  const same = Object.entries(result.stats).filter(([k, v]) => k !== key && typeof v === "number" && atPrecision(v, decimals) === printed);
  if (same.length) return `${printed} is the ${same.map(([k, v]) => `${k} (${fmt(v!, decimals + 1)})`).join(" and ")} of the same result, not its ${key}.`;
  if (typeof value === "number" && floorAt(value, decimals) === printed) return `the printed ${key} truncates ${fmt(value, decimals + 1)} instead of rounding it.`;
  if (typeof value === "number" && ceilAt(value, decimals) === printed) return `the printed ${key} rounds ${fmt(value, decimals + 1)} up instead of to the nearest.`;
  return `no statistic of ${result.id} gives ${printed}.`;
}
