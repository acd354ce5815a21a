/**
 * Treatment-related adverse events (CTCAE v4 grades 1–4) of one synthetic patient, dated within the chemotherapy
 * cycle or radiotherapy course that caused them, with the action taken (AEACN) on the study treatment.
 */
import type {Episode} from "./firstline.js";
import type {Rng} from "./prng.js";

export interface AdverseEvent {
  day: number;
  term: string;
  decod: string;
  grade: number;
  rel: "CHEMOTHERAPY" | "RADIOTHERAPY";
  acn: "DOSE NOT CHANGED" | "DOSE REDUCED" | "DRUG WITHDRAWN";
}

/** [verbatim term, MedDRA preferred term] */
const RT_TERMS: [string, string][] = [["Radiation dermatitis", "Dermatitis radiation"],
  ["Perianal radiation dermatitis", "Dermatitis radiation"], ["Proctitis pain", "Rectal pain"],
  ["Diarrhoea", "Diarrhoea"], ["Radiation proctitis", "Proctitis"], ["Cystitis", "Cystitis noninfective"]];
const CHEMO_TERMS: [string, string][] = [["Fatigue", "Fatigue"],
  ["Neutrophil count decreased", "Neutrophil count decreased"], ["Neutropenia", "Neutrophil count decreased"],
  ["Nausea", "Nausea"], ["Anaemia", "Anaemia"], ["Thrombocytopenia", "Platelet count decreased"],
  ["Febrile neutropenia", "Febrile neutropenia"], ["Peripheral sensory neuropathy", "Peripheral sensory neuropathy"]];

export function adverseEvents(rng: Rng, chemo: readonly Episode[], rt: Episode): AdverseEvent[] {
  const n = Number(rng.weighted({0: 0.35, 1: 0.3, 2: 0.2, 3: 0.1, 4: 0.05}));
  const out: AdverseEvent[] = [];
  for (let i = 0; i < n; i++) {
    let grade = Number(rng.weighted({1: 0.45, 2: 0.35, 3: 0.15, 4: 0.05}));
    if (rng.chance(0.4)) {
      const [term, decod] = rng.pick(RT_TERMS);
      out.push({day: rng.int(rt.st + 7, rt.en + 14), term, decod, grade, rel: "RADIOTHERAPY", acn: "DOSE NOT CHANGED"});
      continue;
    }
    const [term, decod] = rng.pick(CHEMO_TERMS);
    if (decod === "Febrile neutropenia") grade = Math.max(grade, 3);
    const k = rng.int(0, chemo.length - 1);
    const ep = chemo[k];
    // Only an event in the last chemotherapy episode can have stopped it.
    const acn = grade >= 3
      ? rng.weighted({"DOSE REDUCED": 0.5, "DOSE NOT CHANGED": 0.3, "DRUG WITHDRAWN": k === chemo.length - 1 ? 0.2 : 0})
      : rng.chance(0.12) ? "DOSE REDUCED" : "DOSE NOT CHANGED";
    out.push({day: rng.int(ep.st, ep.en + 10), term, decod, grade, rel: "CHEMOTHERAPY", acn});
  }
  // The same term at the same grade on the same day is one event (the key of adverse_events.csv): keep the first.
  const seen = new Set<string>();
  const once = out.filter((a) => {
    const key = `${a.term}|${a.day}|${a.grade}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return once.sort((a, b) => a.day - b.day);
}
