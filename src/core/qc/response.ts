// QC of tumour response: BOR (RECIST 1.1, confirmed), ORR with its exact 95% CI, shrinkage of the
// primary (best % change of TUSIZE_MM from baseline, before resection of the primary), ypT0.
import {clopperPearson} from "../stats/binomial.js";
import {max, min, percentage} from "../stats/summary.js";
import {bestOverallResponse, type Response} from "./bor.js";
import {nPct, patientsIn, where, type QcOutput} from "./common.js";
import type {QcCohort} from "./read.js";
import type {Subject} from "./subjects.js";

export function bestResponses(subjects: readonly Subject[]): Map<number, Response> {
  return new Map(subjects.map((s) => [s.USUBJID, bestOverallResponse(s.responses, s.TRTSDT)]));
}

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

export function qcResponse(cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const all = subjects.length;
  const bor = bestResponses(subjects);
  const withBor = (response: Response) => nPct([...bor].filter(([, r]) => r === response).map(([id]) => id), all);
  const responders = [...bor.values()].filter((r) => r === "CR" || r === "PR").length;
  const ci = clopperPearson(responders, all);
  const shrinkage = subjects
    .map(bestPercentChange)
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
