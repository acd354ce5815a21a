// Descriptive statistics used by the QC programs. Empty input gives null, never NaN, so that
// "no patients" is visible in the results instead of silently becoming 0.

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample median: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// reduce, not Math.min(...values): spreading a million arguments overflows the stack.
export function min(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => (b < a ? b : a));
}

export function max(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => (b > a ? b : a));
}

/** Percentage 0–100, unrounded; null when the denominator is empty. */
export function percentage(count: number, denominator: number): number | null {
  return denominator === 0 ? null : (100 * count) / denominator;
}

export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export function summarise(values: readonly number[]): Summary {
  return {n: values.length, mean: mean(values), median: median(values), min: min(values), max: max(values)};
}
