/**
 * Baseline characteristics of one synthetic patient (patients.csv and metastases.csv rows).
 * Distributions are plausible for anorectal PDNEC/MiNEN treated with CRT, loosely following the paper and its
 * cited series: Ki-67 high, most cT3–4, about half metastatic at diagnosis, the liver the commonest site.
 */
import type {Rng} from "./prng.js";
import type {Row} from "./tables.js";

export interface Baseline {
  sex: "M" | "F";
  age: number;
  ecog: number;
  comorb: boolean;
  morph: "LCNEC" | "SCNEC" | "MINEN";
  primsite: "RECTUM" | "ANUS";
  avdist: number;
  ct: string;
  cn: string;
  metastatic: boolean;
  /** Number of liver metastases; 0 when the liver is not involved. */
  liverMets: number;
  metSites: string[];
}

const COMORBIDITIES = ["Ischaemic heart disease", "Chronic kidney disease", "Type 2 diabetes", "COPD",
  "Atrial fibrillation", "Hypertension", "Heart failure"];

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function drawBaseline(rng: Rng): Baseline {
  const sex = rng.chance(0.55) ? "M" : "F";
  const age = clamp(Math.round(rng.normal(64, 10)), 30, 90);
  const ecog = Number(rng.weighted({0: 0.45, 1: 0.45, 2: 0.1}));
  const comorb = rng.chance(age >= 70 ? 0.4 : 0.15);
  const morph = rng.weighted({LCNEC: 0.4, SCNEC: 0.35, MINEN: 0.25});
  const primsite = rng.chance(0.85) ? "RECTUM" : "ANUS";
  const avdist = primsite === "RECTUM" ? rng.uniform(3, 12) : rng.uniform(0.5, 3.5);
  const ct = rng.weighted({T2: 0.08, T3: 0.52, T4: 0.4});
  const cn = rng.weighted({N0: 0.15, N1: 0.4, N2: 0.45});
  const metastatic = rng.chance(0.55);
  const metSites: string[] = [];
  let liverMets = 0;
  if (metastatic) {
    const first = rng.weighted({LIVER: 0.65, PERITONEUM: 0.12, LYMPH_NODES: 0.12, LUNG: 0.07, BONE: 0.04});
    metSites.push(first);
    for (const extra of ["LIVER", "PERITONEUM", "LYMPH_NODES", "LUNG", "BONE"]) {
      if (extra !== first && rng.chance(0.12)) metSites.push(extra);
    }
    if (metSites.includes("LIVER")) liverMets = rng.int(1, 3) + (rng.chance(0.3) ? rng.int(1, 4) : 0);
  }
  return {sex, age, ecog, comorb, morph, primsite, avdist, ct, cn, metastatic, liverMets, metSites};
}

/** Ki-67 in steps of 5, as pathologists report it; PDNEC is by definition above 20%. */
function drawKi67(rng: Rng): number {
  return clamp(5 * Math.round(rng.normal(82, 12) / 5), 25, 100);
}

function drawComorbidities(rng: Rng): string {
  const first = rng.pick(COMORBIDITIES);
  const second = rng.pick(COMORBIDITIES);
  return rng.chance(0.35) && second !== first ? `${first}; ${second.toLowerCase()}` : first;
}

export function patientRow(rng: Rng, id: number, b: Baseline, diagDate: string): Row<"patients"> {
  return {
    USUBJID: id, SEX: b.sex, AGE: b.age, DIAGDT: diagDate, ECOG: b.ecog, KI67: drawKi67(rng), MORPH: b.morph,
    PRIMSITE: b.primsite, AVDIST_CM: b.avdist.toFixed(1), CTSTAGE: b.ct, CNSTAGE: b.cn,
    CMSTAGE: b.metastatic ? "M1" : "M0", COMORB: b.comorb ? "Y" : "N",
    COMORBTX: b.comorb ? drawComorbidities(rng) : undefined,
  };
}

export function metastasisRows(id: number, b: Baseline): Row<"metastases">[] {
  return b.metSites.map((site) => ({USUBJID: id, METSITE: site, METNUM: site === "LIVER" ? b.liverMets : undefined}));
}
