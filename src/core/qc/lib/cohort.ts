// Reads the raw cohort CSVs for the independent QC with Arquero, every column parsed explicitly
// (no type inference). Dates become day numbers (days since 1970-01-01, UTC) so that study days
// are plain differences. The cohort has been validated before QC runs.
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import * as aq from "arquero";
import {where, type Raw, type Table} from "./tables.js";

type Parser = (value: string) => string | number;

const text: Parser = (v) => v;
const number: Parser = (v) => Number(v);
/** ISO calendar date → day number. */
export const dayNumber = (iso: string): number => Date.parse(iso) / 86_400_000; // date-only ISO is UTC

const FILES = {
  patients: {
    USUBJID: number, SEX: text, AGE: number, DIAGDT: dayNumber, ECOG: number, KI67: number, MORPH: text,
    PRIMSITE: text, AVDIST_CM: number, CTSTAGE: text, CNSTAGE: text, CMSTAGE: text, COMORB: text, COMORBTX: text,
  },
  treatments: {
    EPISODEID: text, USUBJID: number, TRTCAT: text, TRTPHASE: text, STDT: dayNumber, ENDT: dayNumber, AGENT: text,
    PLATDOSE: number, PLATDOSU: text, ETOPDOSE: number, CYCLES: number, RTDOSE: number, RTFRAC: number,
    RTTECH: text, RTINTENT: text, PROCEDURE: text, MARGIN: text, YPT: text,
  },
  assessments: {USUBJID: number, RSDTC: dayNumber, VISIT: text, RSORRES: text, TUSIZE_MM: number, METHOD: text},
  events: {USUBJID: number, EVENT: text, EVDTC: dayNumber, PROGSITE: text, PROGORG: text, DTHCAUSE: text},
  metastases: {USUBJID: number, METSITE: text, METNUM: number},
  adverse_events: {
    USUBJID: number, AETERM: text, AEDECOD: text, AETOXGR: number, AESTDTC: dayNumber, AEREL: text, AEACN: text,
  },
} satisfies Record<string, Record<string, Parser>>;

/** The raw tables, with assessments, events and adverse events as of the data cut-off. */
export type QcCohort = {[file in keyof typeof FILES]: Table} & {cutoff: number};

async function readTable(dir: string, file: keyof typeof FILES): Promise<Table> {
  const parse = FILES[file];
  const table = aq.fromCSV(await readFile(join(dir, `${file}.csv`), "utf8"), {autoType: false, parse});
  const missing = Object.keys(parse).filter((column) => !table.columnNames().includes(column));
  if (missing.length > 0) throw new Error(`${file}.csv: QC needs column(s) ${missing.join(", ")}`);
  return table;
}

/** Records dated after the data cut-off are not part of the analysis. */
function asOf(table: Table, column: string, cutoff: number): Table {
  return where(table, (d) => d[column] <= cutoff);
}

/**
 * Events as of the cut-off: progression after it is dropped; a death or contact after it means
 * the patient was known alive at the cut-off (a LAST_CONTACT on the cut-off date).
 */
function eventsAsOf(events: Table, cutoff: number): Table {
  const later = (d: Raw) => d.EVDTC > cutoff && (d.EVENT === "DEATH" || d.EVENT === "LAST_CONTACT");
  return asOf(
    events.derive({
      EVENT: aq.escape((d: Raw) => (later(d) ? "LAST_CONTACT" : d.EVENT)),
      DTHCAUSE: aq.escape((d: Raw) => (later(d) ? null : d.DTHCAUSE)),
      EVDTC: aq.escape((d: Raw) => (later(d) ? cutoff : d.EVDTC)),
    } as Record<string, (d: Raw) => unknown>),
    "EVDTC",
    cutoff,
  );
}

export async function readCohort(dir: string): Promise<QcCohort> {
  const names = Object.keys(FILES) as (keyof typeof FILES)[];
  const [patients, treatments, assessments, events, metastases, adverseEvents] = await Promise.all(
    names.map((name) => readTable(dir, name)),
  );
  const study = JSON.parse(await readFile(join(dir, "study.json"), "utf8")) as {cutoff: string};
  const cutoff = dayNumber(study.cutoff);
  return {
    patients, treatments, metastases, cutoff,
    assessments: asOf(assessments, "RSDTC", cutoff),
    events: eventsAsOf(events, cutoff),
    adverse_events: asOf(adverseEvents, "AESTDTC", cutoff),
  };
}
