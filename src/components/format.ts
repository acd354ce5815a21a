// Formatting shared by every page: months from study days, numbers as the report prints them.

/** Days per month, as in docs/architecture.md: months = days / (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

export function months(days: number): number {
  return days / DAYS_PER_MONTH;
}

/** A duration in months to one decimal: "11.2". */
export function fmtMonths(value: number): string {
  return value.toFixed(1);
}

/** A percentage rounded to whole numbers: "67%". */
export function fmtPct(value: number): string {
  return `${Math.round(value)}%`;
}

/** Patients named by their paper number: "#1, #4" (or "none"). */
export function patientList(ids: readonly number[]): string {
  return ids.length ? ids.map((id) => `#${id}`).join(", ") : "none";
}

/** A file-name-safe slug of a title. */
export function slug(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A time in months, or "not reached" when the estimate does not exist. */
export function monthsOrNotReached(value: number | null | undefined): string {
  return value == null ? "not reached" : `${fmtMonths(value)} months`;
}

/** A Kaplan–Meier median with its 95% CI: "11.2 months (95% CI 8.1 to not reached)", or "not reached". */
export function kmMedianText(stats: {km_median?: number | null; km_ci_low?: number | null; km_ci_high?: number | null}): string {
  if (stats.km_median == null) return "not reached";
  const low = stats.km_ci_low == null ? "not reached" : fmtMonths(stats.km_ci_low);
  const high = stats.km_ci_high == null ? "not reached" : fmtMonths(stats.km_ci_high);
  return `${monthsOrNotReached(stats.km_median)} (95% CI ${low} to ${high})`;
}
