// QC of src/sql/analysis/response.sql: best overall response (RECIST 1.1, confirmed: lib/recist.ts), n (%) of all
// patients in each category, and the objective response rate (CR or PR) with its exact 95% CI.
import type {QcCohort} from "./lib/cohort.js";
import type {Response} from "./lib/recist.js";
import type {Subject} from "./lib/subjects.js";
import {nPct, nPctCi, type QcOutput} from "./lib/tables.js";

export const ids = ["response.bor.cr", "response.bor.pr", "response.bor.sd", "response.bor.pd", "response.bor.ne",
  "response.orr"];

export function stats(_cohort: QcCohort, subjects: readonly Subject[]): QcOutput {
  const withBor = (...responses: Response[]) => subjects.filter((s) => responses.includes(s.BOR)).map((s) => s.USUBJID);
  const all = subjects.length;
  return {
    "response.bor.cr": nPct(withBor("CR"), all),
    "response.bor.pr": nPct(withBor("PR"), all),
    "response.bor.sd": nPct(withBor("SD"), all),
    "response.bor.pd": nPct(withBor("PD"), all),
    "response.bor.ne": nPct(withBor("NE"), all),
    "response.orr": nPctCi(withBor("CR", "PR"), all),
  };
}
