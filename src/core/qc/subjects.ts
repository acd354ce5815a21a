// One record per patient with the dates the QC derivations share: Day 1 (TRTSDT), death, last
// contact, primary surgery, first progression. Built with Arquero from the raw tables.
import * as aq from "arquero";
import type {QcCohort} from "./read.js";

export interface Subject {
  USUBJID: number;
  /** Day number of Day 1: first day of INDUCTION chemotherapy. */
  TRTSDT: number;
  DTHDT: number | null;
  /** Last contact or death, whichever is later (end of follow-up). */
  LSTALVDT: number;
  /** Resection of the primary. */
  SURGDT: number | null;
  /** First progression: earliest PROGRESSION event or PD assessment. */
  PROGDT: number | null;
}

export function subjects(cohort: QcCohort): Subject[] {
  const {patients, treatments, events, assessments} = cohort;
  const day1 = treatments
    .filter((d) => d.TRTCAT === "CHEMOTHERAPY" && d.TRTPHASE === "INDUCTION")
    .groupby("USUBJID")
    .rollup({TRTSDT: aq.op.min("STDT")});
  const surgery = treatments
    .filter((d) => d.TRTCAT === "PRIMARY_SURGERY")
    .groupby("USUBJID")
    .rollup({SURGDT: aq.op.min("STDT")});
  const death = events.filter((d) => d.EVENT === "DEATH").groupby("USUBJID").rollup({DTHDT: aq.op.min("EVDTC")});
  const lastKnown = events
    .filter((d) => d.EVENT === "DEATH" || d.EVENT === "LAST_CONTACT")
    .groupby("USUBJID")
    .rollup({LSTALVDT: aq.op.max("EVDTC")});
  const progression = events
    .filter((d) => d.EVENT === "PROGRESSION")
    .select({USUBJID: "USUBJID", EVDTC: "PROGDT"})
    .concat(
      assessments
        .filter((d) => d.RSORRES === "PD")
        .select({USUBJID: "USUBJID", RSDTC: "PROGDT"}),
    )
    .groupby("USUBJID")
    .rollup({PROGDT: aq.op.min("PROGDT")});
  const rows = patients
    .select("USUBJID")
    .join_left(day1, "USUBJID")
    .join_left(death, "USUBJID")
    .join_left(lastKnown, "USUBJID")
    .join_left(surgery, "USUBJID")
    .join_left(progression, "USUBJID")
    .orderby("USUBJID")
    .objects() as {[K in keyof Subject]: Subject[K] | undefined}[];
  return rows.map((r) => {
    if (r.TRTSDT == null || r.LSTALVDT == null) {
      throw new Error(`QC: patient ${r.USUBJID} has no induction start or no last contact/death`);
    }
    return {
      USUBJID: r.USUBJID!, TRTSDT: r.TRTSDT, DTHDT: r.DTHDT ?? null, LSTALVDT: r.LSTALVDT,
      SURGDT: r.SURGDT ?? null, PROGDT: r.PROGDT ?? null,
    };
  });
}
