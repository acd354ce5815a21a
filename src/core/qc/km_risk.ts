// QC of src/sql/analysis/km_risk.sql: the number at risk under each Kaplan–Meier curve (records: lib/survival.ts).
// The axis: month 0 to the first tick at or after the last observed time, every 3 months up to a year, 6 up to three
// years, else 12. At each tick t: at risk = followed to at least t; events and censorings = those up to and including t.
import type {SurvivalRecord} from "../stats/km.js";
import type {QcCohort} from "./lib/cohort.js";
import {months} from "./lib/days.js";
import type {Subject} from "./lib/subjects.js";
import {survivalRecords} from "./lib/survival.js";
import type {QcOutput, QcRows} from "./lib/tables.js";

export const ids = ["tte.os.risk", "tte.pfs.risk", "tte.dor.risk"];

export const stats = (): QcOutput => Object.fromEntries(ids.map((id) => [id, {}]));

/** Tick months of an axis that must reach `last` months. */
function axisTicks(last: number): number[] {
  const step = last > 36 ? 12 : last > 12 ? 6 : 3;
  const ticks = [0, step];
  while (ticks.at(-1)! < last) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

function riskTableOf(records: readonly SurvivalRecord[]): QcRows {
  const followed = records.map((r) => ({months: months(r.time), event: r.event}));
  const last = followed.reduce((m, r) => Math.max(m, r.months), 0);
  return {
    key: ["time"],
    rows: axisTicks(last).map((t) => {
      const upTo = followed.filter((r) => r.months <= t);
      return {
        time: t,
        n_risk: followed.filter((r) => r.months >= t).length,
        events: upTo.filter((r) => r.event).length,
        censored: upTo.filter((r) => !r.event).length,
      };
    }),
  };
}

export function rows(_cohort: QcCohort, subjects: readonly Subject[]): Record<string, QcRows> {
  const {os, pfs, dor} = survivalRecords(subjects);
  return {"tte.os.risk": riskTableOf(os), "tte.pfs.risk": riskTableOf(pfs), "tte.dor.risk": riskTableOf(dor)};
}
