// Display strings, rounded as the paper rounds: percentages and follow-up months to integers, durations of
// response to one decimal. Each format reads the unrounded stats of one result.
import type {Stats} from "./types.js";

/** Fixed decimals, rounding half away from zero (as the paper's tables do), not toFixed's binary rounding. */
export function round(value: number, digits = 0): string {
  const scale = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9) / scale).toFixed(digits);
}

function stat(stats: Stats, key: string): number {
  const value = stats[key];
  if (typeof value !== "number") throw new Error(`display needs stats.${key}, got ${JSON.stringify(value)}`);
  return value;
}

const nPct = (s: Stats) => `${stat(s, "n")} (${round(stat(s, "pct"))}%)`;

/** A duration in months to one decimal: `11.2`. */
export const fmtMonths = (value: number) => round(value, 1);

/** A Kaplan–Meier time in months to one decimal, or `not reached` when the estimate does not exist. */
const kmTime = (value: number | null | undefined) => (value == null ? "not reached" : fmtMonths(value));

/** A time in months: `17.0 months`, or `not reached`. */
export const monthsText = (value: number | null | undefined) => (value == null ? "not reached" : `${fmtMonths(value)} months`);

type KmStats = {km_median?: number | null; km_ci_low?: number | null; km_ci_high?: number | null};

/** The 95% CI of a Kaplan–Meier median: `9.9–not reached`. */
export const kmCi = (s: KmStats) => `${kmTime(s.km_ci_low)}–${kmTime(s.km_ci_high)}`;

/** The Kaplan–Meier median with its 95% CI, in the one format the report prints it: `17.0 months (95% CI
 *  9.9–not reached)`, or `not reached`. */
export const kmMedianText = (s: KmStats) => (s.km_median == null ? "not reached" : `${monthsText(s.km_median)} (95% CI ${kmCi(s)})`);

export const FORMATS = {
  /** `6` */
  count: (s: Stats) => `${stat(s, "n")}`,
  /** `3 (50%)` */
  n_pct: nPct,
  /** `2 of 4 (50%)` */
  n_of_pct: (s: Stats, denominator: number | null) => `${stat(s, "n")} of ${denominator} (${round(stat(s, "pct"))}%)`,
  /** `None observed` or `1 (17%)` */
  none_or_n_pct: (s: Stats) => (stat(s, "n") === 0 ? "None observed" : nPct(s)),
  /** `62 (48–79)`: mean (range) */
  mean_range: (s: Stats) => `${round(stat(s, "mean"))} (${round(stat(s, "min"))}–${round(stat(s, "max"))})`,
  /** `90% (60–100)` */
  pct_mean_range: (s: Stats) => `${round(stat(s, "mean"))}% (${round(stat(s, "min"))}–${round(stat(s, "max"))})`,
  /** `5.5` */
  mean_1dp: (s: Stats) => round(stat(s, "mean"), 1),
  /** `67% (95% CI 22–96)` */
  pct_ci: (s: Stats) => `${round(stat(s, "pct"))}% (95% CI ${round(stat(s, "ci_low"))}–${round(stat(s, "ci_high"))})`,
  /** `4 patients, 38–47%` */
  shrinkage: (s: Stats) =>
    stat(s, "n") === 0 ? "None" : `${stat(s, "n")} patient${stat(s, "n") === 1 ? "" : "s"}, ${round(stat(s, "min"))}–${round(stat(s, "max"))}%`,
  /** `17 months (range 10–36)` */
  months_range: (s: Stats) => `${round(stat(s, "median"))} months (range ${round(stat(s, "min"))}–${round(stat(s, "max"))})`,
  /** `11.2 months (range 8.1–24.2)` */
  months_range_1dp: (s: Stats) =>
    `${round(stat(s, "median"), 1)} months (range ${round(stat(s, "min"), 1)}–${round(stat(s, "max"), 1)})`,
  /** `17.0 months (95% CI 9.9–not reached)`: the Kaplan–Meier median, as a table cell (`Median not reached`) */
  km_median: (s: Stats) => (s.km_median == null ? "Median not reached" : kmMedianText(s)),
} satisfies Record<string, (stats: Stats, denominator: number | null) => string>;

export type Format = keyof typeof FORMATS;

/** One decimal, except the exact bounds 0 and 100: `0–45.9%`. */
const pct1 = (value: number) => (value === 0 || value === 100 ? String(value) : round(value, 1));

/** An exact 95% CI of a proportion from its stats (ci_low, ci_high in %): `0–45.9%`. */
export const ciText = (s: Stats) => `${pct1(stat(s, "ci_low"))}–${pct1(stat(s, "ci_high"))}%`;

/** A value as a table shows it: whole numbers bare, others to one decimal (`5.5 (4–8)`, not `5.5 (4.0–8.0)`). */
const value1 = (value: number) => (Number.isInteger(value) ? String(value) : round(value, 1));

/** Median (range) of a continuous characteristic: `62 (48–79)`. */
export const medianRange = (s: Stats) => `${value1(stat(s, "median"))} (${value1(stat(s, "min"))}–${value1(stat(s, "max"))})`;

/**
 * Follow-up as the report headlines it: the median potential follow-up by the reverse Kaplan–Meier method, with the
 * crude median (range) of observed follow-up in parentheses: `32.4 months (crude median 17, range 10–36)`.
 */
export const followupText = (s: Stats) =>
  `${monthsText(s.km_median)} (crude median ${round(stat(s, "median"))}, range ${round(stat(s, "min"))}–${round(stat(s, "max"))})`;
