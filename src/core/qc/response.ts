// QC of tumour response: BOR (RECIST 1.1, confirmed), ORR with its exact 95% CI, shrinkage of the
// primary (best % change of TUSIZE_MM from baseline, before resection of the primary), ypT0.
import {clopperPearson} from "../stats/binomial.js";
import {max, min, percentage} from "../stats/summary.js";
import {bestOverallResponse, type Assessment, type Response} from "./bor.js";
import {nPct, patientsIn, where, type QcOutput} from "./common.js";
import type {QcCohort} from "./read.js";
import type {Subject} from "./subjects.js";

interface AssessmentRow {
  USUBJID: number;
  RSDTC: number;
  VISIT: string;
  RSORRES: string | null;
  TUSIZE_MM: number | null;
}

/** Response assessments (post-baseline, with a recorded response) per patient, for BOR and DoR. */
export function responseAssessments(cohort: QcCohort, USUBJID: number): Assessment[] {
  return (where(cohort.assessments, (d) => d.USUBJID === USUBJID && d.RSORRES !== null).objects() as AssessmentRow[])
    .map((a) => ({date: a.RSDTC, response: a.RSORRES!}));
}

export function bestResponses(cohort: QcCohort, subjects: readonly Subject[]): Map<number, Response> {
  return new Map(subjects.map((s) => [s.USUBJID, bestOverallResponse(responseAssessments(cohort, s.USUBJID), s.TRTSDT)]));
}

/**
 * Best % change of the primary's size from baseline among post-baseline measurements taken before
 * resection of the primary (all of them when not operated); null without a baseline or a later size.
 */
export function bestPercentChange(cohort: QcCohort, subject: Subject): number | null {
  const sizes = (where(cohort.assessments, (d) => d.USUBJID === subject.USUBJID && d.TUSIZE_MM !== null)
    .orderby("RSDTC")
    .objects() as AssessmentRow[]);
  const baseline = sizes.find((a) => a.VISIT === "BASELINE");
  if (baseline === undefined) return null;
  const changes = sizes
    .filter((a) => a.VISIT !== "BASELINE" && a.RSDTC > baseline.RSDTC)
    .filter((a) => subject.SURGDT === null || a.RSDTC < subject.SURGDT)
    .map((a) => (100 * (a.TUSIZE_MM! - baseline.TUSIZE_MM!)) / baseline.TUSIZE_MM!);
  return min(changes);
}

export function qcResponse(cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const all = subjects.length;
  const bor = bestResponses(cohort, subjects);
  const withBor = (response: Response) => nPct([...bor].filter(([, r]) => r === response).map(([id]) => id), all);
  const responders = [...bor.values()].filter((r) => r === "CR" || r === "PR").length;
  const ci = clopperPearson(responders, all);
  const shrinkage = subjects
    .map((s) => bestPercentChange(cohort, s))
    .filter((change): change is number => change !== null && -change >= 30)
    .map((change) => -change);
  const operated = patientsIn(where(cohort.treatments, (d) => d.TRTCAT === "PRIMARY_SURGERY"));
  const ypT0 = patientsIn(where(cohort.treatments, (d) => d.TRTCAT === "PRIMARY_SURGERY" && d.YPT === "ypT0"));
  return {
    "response.bor.cr": withBor("CR"),
    "response.bor.pr": withBor("PR"),
    "response.bor.sd": withBor("SD"),
    "response.bor.pd": withBor("PD"),
    "response.bor.ne": withBor("NE"),
    "response.orr": {n: responders, pct: percentage(responders, all), ci_low: 100 * ci.low, ci_high: 100 * ci.high},
    "response.shrinkage": {n: shrinkage.length, min: min(shrinkage), max: max(shrinkage)},
    "response.ypt0": nPct(ypT0, operated.length),
  };
}
