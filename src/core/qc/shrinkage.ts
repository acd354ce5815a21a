// QC of src/sql/analysis/shrinkage.sql: the best % change of the primary's size (TUSIZE_MM) from baseline, before
// resection of the primary; the patients with a shrinkage of ≥ 30% (its range), and the waterfall behind it: one
// bar per patient with a change, coloured by BOR, a PD bar labelled with the site(s) of the first progression.
import {max, min} from "../stats/summary.js";
import type {QcCohort} from "./lib/cohort.js";
import type {Subject} from "./lib/subjects.js";
import type {QcOutput, QcRows} from "./lib/tables.js";

export const ids = ["response.shrinkage", "response.waterfall"];

/**
 * Best % change of the primary's size from baseline among post-baseline measurements taken before
 * resection of the primary (all of them when not operated); null without a baseline or a later size.
 */
export function bestPercentChange(subject: Subject): number | null {
  const baseline = subject.sizes.find((a) => a.visit === "BASELINE");
  if (baseline === undefined) return null;
  const changes = subject.sizes
    .filter((a) => a.visit !== "BASELINE" && a.date > baseline.date)
    .filter((a) => subject.SURGDT === null || a.date < subject.SURGDT)
    .map((a) => (100 * (a.size - baseline.size)) / baseline.size);
  return min(changes);
}

export function stats(_cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const shrinkage = subjects
    .map(bestPercentChange)
    .filter((change): change is number => change !== null && -change >= 30)
    .map((change) => -change);
  return {
    "response.shrinkage": {n: shrinkage.length, min: min(shrinkage), max: max(shrinkage)},
    "response.waterfall": {},
  };
}

/** The site(s) of a patient's first progression event, in code order ("DISTANT, LOCOREGIONAL"); null without one. */
function firstProgressionSites(s: Subject): string | null {
  if (s.progressions.length === 0) return null;
  const first = Math.min(...s.progressions.map((p) => p.date));
  return [...new Set(s.progressions.filter((p) => p.date === first).map((p) => p.site))].sort().join(", ");
}

export function rows(_cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  const waterfall = subjects.flatMap((s) => {
    const PCHG = bestPercentChange(s);
    return PCHG === null
      ? []
      : [{USUBJID: s.USUBJID, MORPH: s.MORPH, BOR: s.BOR, PCHG, PDSITE: s.BOR === "PD" ? firstProgressionSites(s) : null}];
  });
  return {"response.waterfall": {key: ["USUBJID"], rows: waterfall}};
}
