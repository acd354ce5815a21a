/**
 * Response course of one synthetic patient: RECIST 1.1 assessments of the primary (baseline, post-CRT,
 * confirmation ≥ 4 weeks later, follow-ups about every 90 days), the surgery and liver-directed treatment the
 * response allows, and the first progression (always at an assessment read as PD, which ends the assessments).
 * Sizes are kept inside their RECIST category: PR ≤ −30% from baseline, SD between, PD ≥ +20% from the nadir
 * (or new lesions, reported as distant progression).
 */
import {chemo, liverAfterCrt, resection, type Episode, type InductionCrt, type Regimen} from "./firstline.js";
import type {Baseline} from "./patient.js";
import type {Rng} from "./prng.js";

export interface Visit {
  day: number;
  visit: "BASELINE" | "POST_CRT" | "CONFIRMATION" | "FOLLOW_UP";
  response?: "CR" | "PR" | "SD" | "PD";
  size?: number;
  method: "MRI" | "CT";
}

export interface Progression {
  day: number;
  sites: {site: "LOCOREGIONAL" | "DISTANT"; organ: string}[];
}

export interface Course {
  visits: Visit[];
  /** Surgery, liver-directed treatment after CRT and adjuvant chemotherapy. */
  episodes: Episode[];
  /** Last day of first-line treatment or its evaluation. */
  firstLineEnd: number;
  progression?: Progression;
}

type Class = "CR" | "PR" | "SD" | "PD";

const DISTANT_ORGANS = {LIVER: 0.45, LYMPH_NODES: 0.2, PERITONEUM: 0.12, LUNG: 0.12, BONE: 0.07, BRAIN: 0.04};
/** Median time to progression after first line, days, by class of response (not for the cured). */
const PFS_MEDIAN_DAYS = {CR: 540, PR: 240, SD: 150};
const CURED = {CR: 0.5, PR: 0.08, SD: 0.03};

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function progressionSites(rng: Rng, locoregional: boolean, distant: boolean): Progression["sites"] {
  const sites: Progression["sites"] = [];
  if (locoregional) sites.push({site: "LOCOREGIONAL", organ: rng.chance(0.6) ? "PELVIS" : "PELVIC_LYMPH_NODES"});
  if (distant) {
    const first = rng.weighted(DISTANT_ORGANS);
    sites.push({site: "DISTANT", organ: first});
    const second = rng.weighted(DISTANT_ORGANS);
    if (second !== first && rng.chance(0.3)) sites.push({site: "DISTANT", organ: second});
  }
  return sites;
}

/** Sizes strictly inside SD: more than −30% from baseline, less than +20% from the nadir. */
function sdSize(base: number, nadir: number, size: number): number {
  return clamp(size, Math.floor(0.7 * base) + 1, Math.max(Math.floor(0.7 * base) + 1, Math.ceil(1.2 * nadir) - 1));
}

export function responseCourse(rng: Rng, b: Baseline, reg: Regimen, fl: InductionCrt, horizon: number): Course {
  const cls: Class = rng.weighted({CR: 0.08, PR: 0.52, SD: 0.27, PD: 0.13});
  const base = clamp(Math.round(rng.normal(52, 12)), 20, 110);
  const visits: Visit[] = [{day: -rng.int(3, 13), visit: "BASELINE", size: base, method: "MRI"}];
  const post = Math.max(fl.rt.en + 14, rng.int(70, 95));
  const episodes: Episode[] = [];
  let firstLineEnd = Math.max(post, ...fl.episodes.map((e) => e.en));

  if (cls === "PD") {
    // Early progression, found at the evaluation after chemotherapy ends (no chemotherapy continues past a known
    // PD): local growth of ≥ 20%, or new distant lesions only.
    const chemoEnd = Math.max(...fl.chemo.map((e) => e.en));
    const evaluated = Math.max(post, chemoEnd + rng.int(5, 20));
    firstLineEnd = Math.max(firstLineEnd, evaluated);
    const local = rng.chance(0.5);
    const size = local ? Math.ceil(1.2 * base) + rng.int(0, 8) : sdSize(base, base, base + rng.int(-5, 5));
    visits.push({day: evaluated, visit: "POST_CRT", response: "PD", size, method: "MRI"});
    const sites = progressionSites(rng, local, !local || rng.chance(0.5));
    return {visits, episodes, firstLineEnd, progression: {day: evaluated, sites}};
  }

  let size: number;
  if (cls === "SD") size = sdSize(base, base, Math.round(base * (1 + rng.uniform(-0.25, 0.12))));
  else {
    const shrink = cls === "CR" ? rng.uniform(0.5, 0.85) : rng.uniform(0.32, 0.65);
    size = Math.min(Math.floor(0.7 * base), Math.round(base * (1 - shrink)));
  }
  size = Math.max(size, 1);
  visits.push({day: post, visit: "POST_CRT", response: cls === "SD" ? "SD" : "PR", size, method: "MRI"});
  let nadir = Math.min(base, size);
  let anchor = post;
  if (cls !== "SD") {
    const conf = post + rng.int(28, 45);
    const confSize = clamp(size + rng.int(-2, 1), 1, Math.min(Math.floor(0.7 * base), Math.floor(1.19 * size)));
    visits.push({day: conf, visit: "CONFIRMATION", response: "PR", size: confSize, method: "MRI"});
    nadir = Math.min(nadir, confSize);
    anchor = conf;
  }
  // A confirmation may come after consolidation ends; progression is drawn from the end of both.
  firstLineEnd = Math.max(firstLineEnd, anchor);

  let surgeryFrom = anchor;
  if (b.liverMets > 0 && !fl.hadLiverRfa && rng.chance(0.35)) {
    const liver = liverAfterCrt(rng, b, post + rng.int(14, 60));
    episodes.push(liver);
    surgeryFrom = Math.max(anchor, liver.en + (liver.row.TRTCAT === "LIVER_RESECTION" ? rng.int(30, 80) : 0));
  }
  let operated = false;
  if (fl.candidate && rng.chance(cls === "SD" ? 0.6 : 0.9)) {
    const surgery = resection(rng, b, surgeryFrom + rng.int(14, 60), cls);
    episodes.push(surgery);
    operated = true;
    if (rng.chance(0.25)) episodes.push(chemo("ADJUVANT", 7, reg, surgery.en + rng.int(28, 50), rng.int(2, 4)));
  }
  for (const e of episodes) firstLineEnd = Math.max(firstLineEnd, e.en);

  // Latent time of progression, detected at the next scheduled follow-up or earlier for symptoms.
  const cured = rng.chance(CURED[cls]);
  const latent = cured ? Infinity
    : firstLineEnd + 30 + rng.exponentialMedian(PFS_MEDIAN_DAYS[cls] * (b.metastatic ? 0.7 : 1));
  let response: Class = cls === "SD" ? "SD" : "PR";
  let prev = anchor;
  while (prev <= horizon) {
    let day = prev + rng.int(80, 100);
    if (latent <= day) {
      if (rng.chance(0.5)) day = Math.min(day, Math.ceil(latent) + rng.int(5, 30));
      visits.push({day, visit: "FOLLOW_UP", response: "PD", method: "CT"});
      const distant = rng.chance(0.85);
      return {visits, episodes, firstLineEnd,
        progression: {day, sites: progressionSites(rng, !distant || rng.chance(operated ? 0.2 : 0.4), distant)}};
    }
    if (cls === "CR" && response === "PR" && rng.chance(0.7)) response = "CR";
    // A primary that stays in place with SD is still measured (its size kept within SD); otherwise follow-up CT
    // reads the overall response only.
    const measured = cls === "SD" && !operated;
    const fuSize = measured ? sdSize(base, nadir, size + rng.int(-2, 2)) : undefined;
    if (fuSize !== undefined) nadir = Math.min(nadir, fuSize);
    visits.push({day, visit: "FOLLOW_UP", response, size: fuSize, method: "CT"});
    prev = day;
  }
  return {visits, episodes, firstLineEnd};
}
