// When two derivations of the same value agree: one rule for the build's QC (SQL vs Arquero,
// src/core/qc/compare.ts), the bench (report vs R, scripts/bench/agreement.ts) and /verify (published vs re-derived
// in the browser, src/components/verify/match.ts).
//
// Numbers agree within TOLERANCE of their size (absolute below 1): two builds of DuckDB, Arquero and R may differ in
// the last bits of a double, never in a count, since two integers below 10^9 agree only when equal. Lists of patient
// ids hold the same members in any order (an engine may list them in another order). Anything else is identical,
// with null equal only to null (a median not reached) and an absent value counting as null.

/** Relative tolerance between two derivations of a number. */
export const TOLERANCE = 1e-9;

/** The rule in words, for the pages that state it. */
export const AGREEMENT_RULE = `counts and ids exactly, other numbers within ${TOLERANCE} of their size`;

/** Two numbers agree within TOLERANCE, relative to the larger (absolute below 1). */
export const sameNumber = (a: number, b: number): boolean =>
  Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** Two lists of patient ids hold the same members. */
export function sameMembers(a: readonly unknown[], b: readonly unknown[]): boolean {
  const members = (list: readonly unknown[]) => JSON.stringify([...list].sort());
  return members(a) === members(b);
}

/** Two values agree (numbers and id lists as above; anything else identical, absent as null). */
export function agree(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return sameNumber(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return sameMembers(a, b);
  return (a ?? null) === (b ?? null);
}
