/**
 * Outcome of one synthetic patient after first line: death (from disease after progression, or from other causes),
 * loss to follow-up, censoring at the data cut-off, and later-line treatment after progression.
 */
import {CYCLE_DAYS, type Episode} from "./firstline.js";
import type {Course} from "./course.js";
import type {Baseline} from "./patient.js";
import type {Rng} from "./prng.js";

export interface Outcome {
  /** Last day observed: the day of death or of last contact. Nothing is recorded after it. */
  end: number;
  death?: {day: number; cause: "DISEASE" | "OTHER"};
  laterLine: Episode[];
}

const LATER_LINE_AGENTS = {CARBOPLATIN_ETOPOSIDE: 0.4, CISPLATIN_ETOPOSIDE: 0.15, TOPOTECAN: 0.45};

/** `horizon` is the cut-off as an offset from Day 1. */
export function outcome(rng: Rng, b: Baseline, course: Course, horizon: number): Outcome {
  // Everything of first line (and its adverse events, ≤ 14 days after) happens before any death or loss.
  const settled = course.firstLineEnd + 15;
  const other = settled + rng.exponentialMedian(b.age >= 75 ? 2500 : 6000);
  const pd = course.progression?.day;
  const fromDisease = pd === undefined ? Infinity : Math.max(pd + 7, settled) + rng.exponentialMedian(180);
  const deathDay = Math.ceil(Math.min(other, fromDisease));
  const cause = fromDisease <= other && rng.chance(0.95) ? "DISEASE" : "OTHER";
  const lost = rng.chance(0.03) ? settled + rng.int(15, 1500) : Infinity;

  const dead = deathDay <= horizon && deathDay <= lost;
  const end = dead ? deathDay : Math.min(lost, horizon - rng.int(0, 60));
  const laterLine: Episode[] = [];
  if (pd !== undefined && pd < end) {
    const organs = course.progression!.sites.map((s) => s.organ);
    if (rng.chance(organs.some((o) => o === "BRAIN" || o === "BONE" || o === "PELVIS") ? 0.4 : 0.05)) {
      const st = Math.max(pd, settled) + rng.int(5, 20);
      laterLine.push({st, en: st + 4, rank: 8, row: {TRTCAT: "RADIOTHERAPY", TRTPHASE: "LATER_LINE", RTDOSE: 20,
        RTFRAC: 5, RTTECH: "VMAT", RTINTENT: "PALLIATIVE"}});
    }
    if (rng.chance(0.75)) {
      const st = Math.max(pd, settled) + rng.int(7, 30);
      laterLine.push({st, en: st + rng.int(1, 7) * CYCLE_DAYS, rank: 9,
        row: {TRTCAT: "CHEMOTHERAPY", TRTPHASE: "LATER_LINE", AGENT: rng.weighted(LATER_LINE_AGENTS)}});
    }
  }
  // Treatment still running at death or last contact is recorded up to that day.
  const observed = laterLine.filter((e) => e.st < end).map((e) => ({...e, en: Math.min(e.en, end)}));
  return {end, death: dead ? {day: deathDay, cause} : undefined, laterLine: observed};
}
