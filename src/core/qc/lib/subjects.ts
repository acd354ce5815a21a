// One record per patient with everything the QC derivations share: Day 1 (TRTSDT), death, end of
// follow-up, primary surgery, first progression, best overall response, and the patient's own
// assessments and progression events in date order. Built with Arquero from the raw tables, in one pass per table.
import * as aq from "arquero";
import type {QcCohort} from "./cohort.js";
import {bestOverallResponse, type Assessment, type Response} from "./recist.js";
import type {Raw, Table} from "./tables.js";

export interface TumourSize {
  date: number;
  visit: string;
  size: number;
}

export interface Subject {
  USUBJID: number;
  MORPH: string;
  /** Day number of Day 1: first day of INDUCTION chemotherapy. */
  TRTSDT: number;
  DTHDT: number | null;
  /** End of follow-up: death, or else the last contact. */
  LSTALVDT: number;
  /** Resection of the primary. */
  SURGDT: number | null;
  /** First progression: earliest PROGRESSION event or PD assessment. */
  PROGDT: number | null;
  /** Assessments with a recorded response (RSORRES), by date. */
  responses: Assessment[];
  /** Measurements of the primary (TUSIZE_MM), by date. */
  sizes: TumourSize[];
  /** PROGRESSION events, by date. */
  progressions: {date: number; site: string}[];
  /** Best overall response (RECIST 1.1, confirmed; recist.ts). */
  BOR: Response;
}

function grouped(table: Table, order: string): Map<number, Raw[]> {
  return table.orderby(order).groupby("USUBJID").objects({grouped: "map"}) as unknown as Map<number, Raw[]>;
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
  const lastContact = events
    .filter((d) => d.EVENT === "LAST_CONTACT")
    .groupby("USUBJID")
    .rollup({LSTCONDT: aq.op.max("EVDTC")});
  const progressionEvents = events.filter((d) => d.EVENT === "PROGRESSION");
  const progression = progressionEvents
    .select({USUBJID: "USUBJID", EVDTC: "PROGDT"})
    .concat(assessments.filter((d) => d.RSORRES === "PD").select({USUBJID: "USUBJID", RSDTC: "PROGDT"}))
    .groupby("USUBJID")
    .rollup({PROGDT: aq.op.min("PROGDT")});
  const responses = grouped(assessments.filter((d) => d.RSORRES !== null), "RSDTC");
  const sizes = grouped(assessments.filter((d) => d.TUSIZE_MM !== null), "RSDTC");
  const progressions = grouped(progressionEvents, "EVDTC");
  const rows = patients
    .select("USUBJID", "MORPH")
    .join_left(day1, "USUBJID")
    .join_left(death, "USUBJID")
    .join_left(lastContact, "USUBJID")
    .join_left(surgery, "USUBJID")
    .join_left(progression, "USUBJID")
    .orderby("USUBJID")
    .objects() as Raw[];
  return rows.map((r) => {
    const end = r.DTHDT ?? r.LSTCONDT;
    if (r.TRTSDT == null || end == null) {
      throw new Error(`QC: patient ${r.USUBJID} has no induction start or no last contact/death`);
    }
    const own = (groups: Map<number, Raw[]>) => groups.get(r.USUBJID) ?? [];
    const assessed: Assessment[] = own(responses).map((a) => ({date: a.RSDTC, response: a.RSORRES}));
    return {
      USUBJID: r.USUBJID, MORPH: r.MORPH, TRTSDT: r.TRTSDT, DTHDT: r.DTHDT ?? null, LSTALVDT: end,
      SURGDT: r.SURGDT ?? null, PROGDT: r.PROGDT ?? null,
      responses: assessed,
      sizes: own(sizes).map((a) => ({date: a.RSDTC, visit: a.VISIT, size: a.TUSIZE_MM})),
      progressions: own(progressions).map((e) => ({date: e.EVDTC, site: e.PROGSITE})),
      BOR: bestOverallResponse(assessed, r.TRTSDT),
    };
  });
}
