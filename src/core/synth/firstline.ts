/**
 * First-line treatment of one synthetic patient, as in the paper's schedule (Methods): one cycle of platin/etoposide
 * induction on Day 1, RT from Day 22 (50.4 Gy/28 f or 25 Gy/5 f) with concurrent chemotherapy, consolidation
 * chemotherapy, then for candidates liver-directed treatment and resection of the primary, sometimes adjuvant
 * chemotherapy. Days are offsets from Day 1 (offset 0 = Day 1); a 3-day cycle every 21 days.
 */
import type {Baseline} from "./patient.js";
import type {Rng} from "./prng.js";
import type {Row} from "./tables.js";

/** A treatment episode before it gets its EPISODEID and calendar dates. */
export interface Episode {
  st: number;
  en: number;
  /** Tie-break for episodes starting the same day (RT before its concurrent chemotherapy, as in the demo). */
  rank: number;
  row: Row<"treatments">;
}

export interface Regimen {
  AGENT: string;
  PLATDOSE: number;
  PLATDOSU: string;
  ETOPDOSE: number;
}

export const CYCLE_DAYS = 21;

export function cycleEnd(start: number, cycles: number): number {
  return start + CYCLE_DAYS * (cycles - 1) + 2;
}

/** Cisplatin for fit patients without comorbidity, carboplatin otherwise (paper, Methods). */
export function drawRegimen(rng: Rng, b: Baseline): Regimen {
  const fit = !b.comorb && b.ecog <= 1 && b.age < 75;
  return rng.chance(fit ? 0.85 : 0.1)
    ? {AGENT: "CISPLATIN_ETOPOSIDE", PLATDOSE: 75, PLATDOSU: "mg/m2", ETOPDOSE: 120}
    : {AGENT: "CARBOPLATIN_ETOPOSIDE", PLATDOSE: 5, PLATDOSU: "AUC", ETOPDOSE: 120};
}

export function chemo(phase: string, rank: number, reg: Regimen, st: number, cycles: number): Episode {
  const en = cycleEnd(st, cycles);
  return {st, en, rank, row: {TRTCAT: "CHEMOTHERAPY", TRTPHASE: phase, ...reg, CYCLES: cycles}};
}

export function radiotherapy(phase: string, rank: number, st: number, long: boolean, intent: string): Episode {
  // 28 fractions on weekdays span 38 calendar days; 5 fractions one week.
  const en = long ? st + 37 : st + 4;
  return {st, en, rank, row: {TRTCAT: "RADIOTHERAPY", TRTPHASE: phase, RTDOSE: long ? 50.4 : 25,
    RTFRAC: long ? 28 : 5, RTTECH: "VMAT", RTINTENT: intent}};
}

export interface InductionCrt {
  episodes: Episode[];
  /** The chemotherapy episodes of first line, for dating adverse events. */
  chemo: Episode[];
  rt: Episode;
  /** Resection of the primary is planned if the response allows (NEOADJUVANT intent). */
  candidate: boolean;
  hadLiverRfa: boolean;
}

/** Induction, optional liver RFA before CRT, RT with concurrent chemotherapy, consolidation. */
export function inductionCrt(rng: Rng, b: Baseline, reg: Regimen): InductionCrt {
  const candidate = rng.chance(b.comorb || b.ecog >= 2 ? 0.15 : b.metastatic ? 0.55 : 0.85);
  const long = rng.chance(0.7);
  const episodes: Episode[] = [];
  const induction = chemo("INDUCTION", 0, reg, 0, 1);
  episodes.push(induction);
  const hadLiverRfa = b.liverMets > 0 && b.liverMets <= 3 && rng.chance(0.12);
  if (hadLiverRfa) {
    const d = rng.int(7, 17);
    episodes.push({st: d, en: d, rank: 1, row: {TRTCAT: "LIVER_RFA", TRTPHASE: "BEFORE_CRT", PROCEDURE: "RFA"}});
  }
  const rt = radiotherapy("CONCURRENT", 2, CYCLE_DAYS, long, candidate ? "NEOADJUVANT" : "DEFINITIVE");
  const concurrent = chemo("CONCURRENT", 3, reg, CYCLE_DAYS, long ? 2 : 1);
  episodes.push(rt, concurrent);
  const chemoEpisodes = [induction, concurrent];
  if (rng.chance(0.9)) {
    const st = long ? rt.en + rng.int(3, 7) : 2 * CYCLE_DAYS;
    const consolidation = chemo("CONSOLIDATION", 4, reg, st, rng.chance(0.5) ? 2 : 3);
    episodes.push(consolidation);
    chemoEpisodes.push(consolidation);
  }
  return {episodes, chemo: chemoEpisodes, rt, candidate, hadLiverRfa};
}

const PROCEDURES_RECTUM = {LOW_ANTERIOR_RESECTION_TME: 0.7, OPEN_TME_PELVIC_WALL_DISSECTION: 0.1,
  ABDOMINOPERINEAL_RESECTION: 0.2};

export function resection(rng: Rng, b: Baseline, day: number, response: "CR" | "PR" | "SD"): Episode {
  const procedure = b.primsite === "ANUS" || b.avdist < 5 ? "ABDOMINOPERINEAL_RESECTION" : rng.weighted(PROCEDURES_RECTUM);
  const margin = rng.chance(response === "SD" ? 0.65 : 0.8) ? "R0" : "R1";
  const ypt = response === "CR" ? rng.weighted({ypT0: 0.6, ypT1: 0.25, ypT2: 0.15})
    : response === "PR" ? rng.weighted({ypT0: 0.25, ypT1: 0.15, ypT2: 0.3, ypT3: 0.3})
    : rng.weighted({ypT2: 0.3, ypT3: 0.55, ypT4: 0.15});
  return {st: day, en: day, rank: 6, row: {TRTCAT: "PRIMARY_SURGERY", TRTPHASE: "SURGERY", PROCEDURE: procedure,
    MARGIN: margin, YPT: ypt}};
}

export function liverAfterCrt(rng: Rng, b: Baseline, day: number): Episode {
  const rfa = rng.chance(b.liverMets <= 3 ? 0.6 : 0.2);
  return {st: day, en: day, rank: 5, row: rfa
    ? {TRTCAT: "LIVER_RFA", TRTPHASE: "AFTER_CRT", PROCEDURE: "RFA"}
    : {TRTCAT: "LIVER_RESECTION", TRTPHASE: "AFTER_CRT", PROCEDURE: "HEPATIC_RESECTION"}};
}
