// Shared by the figures: months from study days, patient lists, file names. Numbers are printed by
// src/core/results/format.ts (one rounding rule, one Kaplan–Meier median format).

/** Days per month, as in docs/architecture.md: months = days / (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

export function months(days: number): number {
  return days / DAYS_PER_MONTH;
}

/** Patients named by their paper number: "#1, #4" (or "none"). */
export function patientList(ids: readonly number[]): string {
  return ids.length ? ids.map((id) => `#${id}`).join(", ") : "none";
}

/** A file-name-safe slug of a title. */
export function slug(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
