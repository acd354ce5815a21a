/**
 * The cohort files and their column order, exactly as in data/cohort/*.csv (see docs/data-dictionary.md).
 * A unit test checks these headers against the demo cohort so the two cannot drift apart.
 */

export const TABLES = {
  patients: ["USUBJID", "SEX", "AGE", "DIAGDT", "ECOG", "KI67", "MORPH", "PRIMSITE", "AVDIST_CM", "CTSTAGE", "CNSTAGE",
    "CMSTAGE", "COMORB", "COMORBTX"],
  metastases: ["USUBJID", "METSITE", "METNUM"],
  treatments: ["EPISODEID", "USUBJID", "TRTCAT", "TRTPHASE", "STDT", "ENDT", "AGENT", "PLATDOSE", "PLATDOSU", "ETOPDOSE",
    "CYCLES", "RTDOSE", "RTFRAC", "RTTECH", "RTINTENT", "PROCEDURE", "MARGIN", "YPT"],
  assessments: ["USUBJID", "RSDTC", "VISIT", "RSORRES", "TUSIZE_MM", "METHOD"],
  events: ["USUBJID", "EVENT", "EVDTC", "PROGSITE", "PROGORG", "DTHCAUSE"],
  adverse_events: ["USUBJID", "AETERM", "AEDECOD", "AETOXGR", "AESTDTC", "AEREL", "AEACN"],
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export type Value = string | number | undefined;
/** One row: values by column name; a missing column is an empty cell. */
export type Row<T extends TableName> = Partial<Record<(typeof TABLES)[T][number], Value>>;
export type PatientRows = {[T in TableName]: Row<T>[]};

function cell(v: Value): string {
  if (v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvHeader(table: TableName): string {
  return TABLES[table].join(",") + "\n";
}

export function csvLine<T extends TableName>(table: T, row: Row<T>): string {
  const cols = TABLES[table] as readonly (keyof Row<T>)[];
  let line = cell(row[cols[0]]);
  for (let i = 1; i < cols.length; i++) line += "," + cell(row[cols[i]]);
  return line + "\n";
}
