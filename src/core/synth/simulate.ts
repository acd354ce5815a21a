/**
 * One synthetic patient, end to end: baseline, first line, response course, outcome and adverse events, turned into
 * the rows of every cohort file with calendar dates. Each patient draws from its own stream (seed, USUBJID), so a
 * patient is the same whatever N is.
 */
import {responseCourse} from "./course.js";
import {isoDate} from "./dates.js";
import {drawRegimen, inductionCrt, type Episode} from "./firstline.js";
import {outcome} from "./outcome.js";
import {drawBaseline, metastasisRows, patientRow} from "./patient.js";
import {mixSeed, Rng} from "./prng.js";
import type {PatientRows} from "./tables.js";
import {adverseEvents} from "./toxicity.js";

export interface SynthConfig {
  seed: number;
  /** Data cut-off, days since 1970-01-01. */
  cutoff: number;
}

/** Treatment starts spread over ten years, ending early enough that first line is complete by the cut-off. */
const ENROL_YEARS = 10;
const ENROL_END_BEFORE_CUTOFF = 540;

export function simulatePatient(id: number, cfg: SynthConfig): PatientRows {
  const rng = new Rng(mixSeed(cfg.seed, id));
  const day1 = cfg.cutoff - ENROL_END_BEFORE_CUTOFF - rng.int(0, Math.round(ENROL_YEARS * 365.25));
  const date = (offset: number) => isoDate(day1 + offset);
  const b = drawBaseline(rng);
  const diag = -rng.int(14, 45);
  const reg = drawRegimen(rng, b);
  const fl = inductionCrt(rng, b, reg);
  const horizon = cfg.cutoff - day1;
  const course = responseCourse(rng, b, reg, fl, horizon);
  const aes = adverseEvents(rng, fl.chemo, fl.rt);
  const out = outcome(rng, b, course, horizon);
  const patient = patientRow(rng, id, b, date(diag));

  const seen = (day: number) => (out.death ? day < out.death.day : day <= out.end);
  const episodes: Episode[] = [...fl.episodes, ...course.episodes, ...out.laterLine].sort((x, y) => x.st - y.st || x.rank - y.rank);
  const progression = course.progression && seen(course.progression.day) ? course.progression : undefined;

  return {
    patients: [patient],
    metastases: metastasisRows(id, b),
    treatments: episodes.map((e, i) => ({EPISODEID: `${id}-${String(i + 1).padStart(2, "0")}`, USUBJID: id,
      ...e.row, STDT: date(e.st), ENDT: date(e.en)})),
    assessments: course.visits.filter((v) => seen(v.day)).map((v) => ({USUBJID: id, RSDTC: date(v.day),
      VISIT: v.visit, RSORRES: v.response, TUSIZE_MM: v.size, METHOD: v.method})),
    events: [
      ...(progression?.sites ?? []).map((s) => ({USUBJID: id, EVENT: "PROGRESSION", EVDTC: date(progression!.day),
        PROGSITE: s.site, PROGORG: s.organ})),
      out.death
        ? {USUBJID: id, EVENT: "DEATH", EVDTC: date(out.death.day), DTHCAUSE: out.death.cause}
        : {USUBJID: id, EVENT: "LAST_CONTACT", EVDTC: date(out.end)},
    ],
    adverse_events: aes.map((a) => ({USUBJID: id, AETERM: a.term, AEDECOD: a.decod, AETOXGR: a.grade,
      AESTDTC: date(a.day), AEREL: a.rel, AEACN: a.acn})),
  };
}
