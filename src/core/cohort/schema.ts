// The cohort data model, declared once as data: per file, each column's check, whether it may be empty, its rule
// name and message, plus the requirements between columns of one row (a radiotherapy row needs a dose, a death a
// cause). rowsql.ts turns these declarations into the DuckDB queries that check every row; nothing else checks
// rows. Documented in docs/data-dictionary.md.
import type {Trtcat} from "./types.js";

/** Rules checked on single rows, with what each requires. */
export const ROW_RULES = {
  required: "a required column is empty",
  "required-when": "a column required by another column of the row (e.g. RTDOSE when TRTCAT is RADIOTHERAPY) is empty",
  "not-applicable": "a column that does not apply to the row (e.g. MARGIN on a chemotherapy row) holds a value",
  "usubjid-format": "USUBJID is a positive integer without leading zeros",
  "episodeid-format": "EPISODEID is written USUBJID-NN",
  "iso-date": "dates are real calendar dates written YYYY-MM-DD",
  "code-format": "free codes (METSITE, AGENT, PROCEDURE, PROGORG) are upper-case letters, digits and _",
  "free-text": "free text is 1–200 characters, no surrounding blanks or control characters",
  "sex-code": "SEX is F or M",
  "age-range": "AGE is 18–110 years",
  "ecog-range": "ECOG is 0–4",
  "ki67-range": "KI67 is 0–100 %",
  "morph-code": "MORPH is LCNEC, SCNEC or MINEN",
  "primsite-code": "PRIMSITE is RECTUM or ANUS",
  "avdist-range": "AVDIST_CM is 0–30 cm",
  "ctstage-code": "CTSTAGE is T1–T4",
  "cnstage-code": "CNSTAGE is N0–N2",
  "cmstage-code": "CMSTAGE is M0 or M1",
  "comorb-code": "COMORB is Y or N",
  "metnum-range": "METNUM is a whole number ≥ 1",
  "trtcat-code": "TRTCAT is a known treatment category",
  "trtphase-code": "TRTPHASE is a known treatment phase",
  "trtphase-category": "TRTPHASE fits TRTCAT (e.g. SURGERY only for PRIMARY_SURGERY)",
  "dose-positive": "doses (PLATDOSE, ETOPDOSE, RTDOSE) are > 0",
  "platdosu-code": "PLATDOSU is mg/m2 or AUC",
  "platin-unit": "cisplatin is dosed in mg/m2, carboplatin in AUC",
  "first-line-regimen": "first-line chemotherapy is cisplatin or carboplatin with etoposide",
  "cycles-range": "CYCLES is a whole number ≥ 1",
  "rtfrac-range": "RTFRAC is a whole number 1–60",
  "rttech-code": "RTTECH is VMAT, IMRT or 3DCRT",
  "rtintent-code": "RTINTENT is NEOADJUVANT, DEFINITIVE or PALLIATIVE",
  "margin-code": "MARGIN is R0, R1 or R2",
  "ypt-code": "YPT is ypT0–ypT4",
  "visit-code": "VISIT is BASELINE, POST_CRT, CONFIRMATION or FOLLOW_UP",
  "rsorres-code": "RSORRES is CR, PR, SD, PD or NE (RECIST 1.1), empty at BASELINE",
  "tusize-range": "TUSIZE_MM is > 0 and ≤ 500 mm",
  "method-code": "METHOD is MRI, CT or PET_CT",
  "event-code": "EVENT is PROGRESSION, DEATH or LAST_CONTACT",
  "progsite-code": "PROGSITE is LOCOREGIONAL or DISTANT",
  "dthcause-code": "DTHCAUSE is DISEASE, OTHER or UNKNOWN",
  "aetoxgr-range": "AETOXGR is a CTCAE v4 grade 1–5",
  "aerel-code": "AEREL is CHEMOTHERAPY, RADIOTHERAPY, SURGERY or NOT_RELATED",
  "aeacn-code": "AEACN is DOSE REDUCED, DRUG WITHDRAWN, DOSE NOT CHANGED or DRUG INTERRUPTED"
} as const;
export type RowRule = keyof typeof ROW_RULES;

/** Rules on each file's row identity (keys.ts). */
export const KEY_RULES = {
  "duplicate-row": "no row repeats an earlier row of its file cell for cell",
  "unique-usubjid": "USUBJID is unique in patients.csv",
  "unique-episodeid": "EPISODEID is unique in treatments.csv",
  "unique-key": "no two rows of a file share its key (the columns that identify a row, declared per file)"
} as const;
export type KeyRule = keyof typeof KEY_RULES;

/** A file's row identity: no two rows share these columns' values (an empty optional cell counts as a value). */
export interface Key {
  columns: readonly string[];
  rule: Exclude<KeyRule, "duplicate-row">;
}

/** What a non-empty cell must look like; each kind becomes one SQL predicate (rowsql.ts). */
export type Check =
  /** Whole number (optional minus sign) between min and max. */
  | {kind: "integer"; min: number; max: number}
  /** Decimal number (optional minus sign and fraction) between min and max. */
  | {kind: "decimal"; min: number; max: number}
  /** Unsigned decimal number > 0 and ≤ max. */
  | {kind: "positive"; max: number}
  | {kind: "enum"; values: readonly string[]}
  /** The whole cell matches a regular expression (written for both RE2 and JavaScript). */
  | {kind: "pattern"; regex: string}
  /** Free text: 1–200 characters, no surrounding blanks, no control characters. */
  | {kind: "text"}
  /** A real calendar date written YYYY-MM-DD. */
  | {kind: "date"};

export interface Column {
  name: string;
  check: Check;
  /** May be empty (empty becomes NULL); otherwise an empty cell breaks `required`. */
  optional: boolean;
  rule: RowRule;
  message: string;
  /** Loaded as this SQL type instead of VARCHAR (a pattern that is a number, such as USUBJID). */
  type?: "INTEGER";
}

/** A requirement between columns of one row, in SQL over the row's raw (VARCHAR) cells. */
export interface Conditional {
  /** Which rows it applies to. */
  when: string;
  /** Why, as a SQL string expression: "… is required when <why>". */
  why: string;
  require?: readonly string[];
  forbid?: readonly string[];
}

/** Any other rule on one row: the cell of `column` breaks `rule` when `when` holds; `message` is a SQL expression. */
export interface RowCheck {
  column: string;
  rule: RowRule;
  when: string;
  message: string;
}

export interface FileSchema {
  file: string;
  /** File stem: the tables are named after it (raw_patients, cohort_patients). */
  stem: string;
  columns: readonly Column[];
  conditionals: readonly Conditional[];
  checks: readonly RowCheck[];
  key: Key;
  /** Data rows the file needs; 0 when a header-only file is valid (e.g. no adverse events). */
  minRows: number;
}

const required = (name: string, check: Check, rule: RowRule, message: string): Column =>
  ({name, check, optional: false, rule, message});
const optional = (name: string, check: Check, rule: RowRule, message: string): Column =>
  ({name, check, optional: true, rule, message});
const oneOf = (...values: string[]): Check => ({kind: "enum", values});
const date = (name: string) =>
  required(name, {kind: "date"}, "iso-date", `${name} must be a real calendar date written YYYY-MM-DD`);
const code: Check = {kind: "pattern", regex: "[A-Z][A-Z0-9_]*"};
const USUBJID: Check = {kind: "pattern", regex: "[1-9][0-9]{0,8}"};
const usubjid: Column = {...required("USUBJID", USUBJID, "usubjid-format",
  "USUBJID must be a positive integer without leading zeros (the paper's patient number)"), type: "INTEGER"};
const dose = (name: string, max: number, unit: string) =>
  optional(name, {kind: "positive", max}, "dose-positive", `${name} must be a number > 0 and ≤ ${max} ${unit}`);

export const TRTCAT = ["CHEMOTHERAPY", "RADIOTHERAPY", "PRIMARY_SURGERY", "LIVER_RFA", "LIVER_RESECTION"] as const;
export const TRTPHASE = [
  "INDUCTION", "CONCURRENT", "CONSOLIDATION", "ADJUVANT", "LATER_LINE", "BEFORE_CRT", "AFTER_CRT", "SURGERY"
] as const;
export const VISITS = ["BASELINE", "POST_CRT", "CONFIRMATION", "FOLLOW_UP"] as const;
export const FIRST_LINE_REGIMENS = ["CISPLATIN_ETOPOSIDE", "CARBOPLATIN_ETOPOSIDE"] as const;
const EVENTS = ["PROGRESSION", "DEATH", "LAST_CONTACT"] as const;

const CHEMO_COLUMNS = ["AGENT", "PLATDOSE", "PLATDOSU", "ETOPDOSE", "CYCLES"] as const;
const RT_COLUMNS = ["RTDOSE", "RTFRAC", "RTTECH", "RTINTENT"] as const;
const SURGERY_COLUMNS = ["PROCEDURE", "MARGIN", "YPT"] as const;
/** The columns each treatment category uses; the others must be empty on its rows. */
const TREATMENT_COLUMNS: Record<Trtcat, readonly string[]> = {
  CHEMOTHERAPY: CHEMO_COLUMNS,
  RADIOTHERAPY: RT_COLUMNS,
  PRIMARY_SURGERY: SURGERY_COLUMNS,
  LIVER_RFA: ["PROCEDURE"],
  LIVER_RESECTION: ["PROCEDURE"]
};
const ALL_TREATMENT_COLUMNS = [...CHEMO_COLUMNS, ...RT_COLUMNS, ...SURGERY_COLUMNS];
/** The phases each treatment category may have. */
const PHASES: Record<Trtcat, readonly string[]> = {
  CHEMOTHERAPY: ["INDUCTION", "CONCURRENT", "CONSOLIDATION", "ADJUVANT", "LATER_LINE"],
  RADIOTHERAPY: ["CONCURRENT", "LATER_LINE"],
  PRIMARY_SURGERY: ["SURGERY"],
  LIVER_RFA: ["BEFORE_CRT", "AFTER_CRT"],
  LIVER_RESECTION: ["BEFORE_CRT", "AFTER_CRT"]
};
/** A SQL string literal. */
export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const inList = (values: readonly string[]) => `(${values.map(sqlString).join(", ")})`;

const patients: FileSchema = {
  file: "patients.csv",
  stem: "patients",
  // one row per patient
  key: {columns: ["USUBJID"], rule: "unique-usubjid"},
  minRows: 1,
  columns: [
    usubjid,
    required("SEX", oneOf("F", "M"), "sex-code", "SEX must be F or M"),
    required("AGE", {kind: "integer", min: 18, max: 110}, "age-range",
      "AGE at diagnosis must be a whole number of years 18–110"),
    date("DIAGDT"),
    required("ECOG", {kind: "integer", min: 0, max: 4}, "ecog-range", "ECOG performance status must be 0–4"),
    required("KI67", {kind: "decimal", min: 0, max: 100}, "ki67-range", "Ki-67 must be 0–100"),
    required("MORPH", oneOf("LCNEC", "SCNEC", "MINEN"), "morph-code", "MORPH must be LCNEC, SCNEC or MINEN"),
    required("PRIMSITE", oneOf("RECTUM", "ANUS"), "primsite-code", "PRIMSITE must be RECTUM or ANUS"),
    optional("AVDIST_CM", {kind: "decimal", min: 0, max: 30}, "avdist-range",
      "AVDIST_CM (distance from the anal verge) must be 0–30 cm"),
    required("CTSTAGE", oneOf("T1", "T2", "T3", "T4"), "ctstage-code", "CTSTAGE must be T1–T4"),
    required("CNSTAGE", oneOf("N0", "N1", "N2"), "cnstage-code", "CNSTAGE must be N0–N2"),
    required("CMSTAGE", oneOf("M0", "M1"), "cmstage-code", "CMSTAGE must be M0 or M1"),
    required("COMORB", oneOf("Y", "N"), "comorb-code", "COMORB must be Y or N"),
    optional("COMORBTX", {kind: "text"}, "free-text", "COMORBTX must be at most 200 characters of text")
  ],
  conditionals: [
    {when: "COMORB = 'Y'", why: "'COMORB is Y'", require: ["COMORBTX"]},
    {when: "COMORB = 'N'", why: "'COMORB is N'", forbid: ["COMORBTX"]}
  ],
  checks: []
};

const metastases: FileSchema = {
  file: "metastases.csv",
  stem: "metastases",
  // a metastatic site once per patient
  key: {columns: ["USUBJID", "METSITE"], rule: "unique-key"},
  minRows: 0,
  columns: [
    usubjid,
    required("METSITE", code, "code-format", "METSITE must be an upper-case code such as LIVER"),
    optional("METNUM", {kind: "integer", min: 1, max: 999}, "metnum-range",
      "METNUM (number of metastases) must be a whole number ≥ 1")
  ],
  conditionals: [],
  checks: []
};

const treatments: FileSchema = {
  file: "treatments.csv",
  stem: "treatments",
  // one row per treatment episode
  key: {columns: ["EPISODEID"], rule: "unique-episodeid"},
  minRows: 1,
  columns: [
    required("EPISODEID", {kind: "pattern", regex: "[1-9][0-9]{0,8}-[0-9]{2,}"}, "episodeid-format",
      "EPISODEID must be USUBJID-NN, e.g. 1-03"),
    usubjid,
    required("TRTCAT", oneOf(...TRTCAT), "trtcat-code", `TRTCAT must be one of ${TRTCAT.join(", ")}`),
    required("TRTPHASE", oneOf(...TRTPHASE), "trtphase-code", `TRTPHASE must be one of ${TRTPHASE.join(", ")}`),
    date("STDT"),
    date("ENDT"),
    optional("AGENT", code, "code-format", "AGENT must be an upper-case code such as CISPLATIN_ETOPOSIDE"),
    dose("PLATDOSE", 200, "(mg/m2 or AUC)"),
    optional("PLATDOSU", oneOf("mg/m2", "AUC"), "platdosu-code", "PLATDOSU must be mg/m2 or AUC"),
    dose("ETOPDOSE", 500, "mg/m2"),
    optional("CYCLES", {kind: "integer", min: 1, max: 99}, "cycles-range", "CYCLES must be a whole number ≥ 1"),
    dose("RTDOSE", 100, "Gy"),
    optional("RTFRAC", {kind: "integer", min: 1, max: 60}, "rtfrac-range",
      "RTFRAC must be a whole number of fractions 1–60"),
    optional("RTTECH", oneOf("VMAT", "IMRT", "3DCRT"), "rttech-code", "RTTECH must be VMAT, IMRT or 3DCRT"),
    optional("RTINTENT", oneOf("NEOADJUVANT", "DEFINITIVE", "PALLIATIVE"), "rtintent-code",
      "RTINTENT must be NEOADJUVANT, DEFINITIVE or PALLIATIVE"),
    optional("PROCEDURE", code, "code-format", "PROCEDURE must be an upper-case code such as RFA"),
    optional("MARGIN", oneOf("R0", "R1", "R2"), "margin-code", "MARGIN must be R0, R1 or R2"),
    optional("YPT", oneOf("ypT0", "ypT1", "ypT2", "ypT3", "ypT4"), "ypt-code", "YPT must be ypT0–ypT4")
  ],
  conditionals: [
    // A category's rows leave the other categories' columns empty.
    ...TRTCAT.map((category) => ({
      when: `TRTCAT = ${sqlString(category)}`,
      why: sqlString(`TRTCAT is ${category}`),
      forbid: ALL_TREATMENT_COLUMNS.filter((column) => !TREATMENT_COLUMNS[category].includes(column))
    })),
    // Later-line chemotherapy is recorded by agent only: the paper gives no doses for it.
    {when: "TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'LATER_LINE'",
      why: "'TRTCAT is CHEMOTHERAPY and TRTPHASE is LATER_LINE'", require: ["AGENT"]},
    {when: "TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE <> 'LATER_LINE'",
      why: "'TRTCAT is CHEMOTHERAPY and TRTPHASE is ' || TRTPHASE", require: CHEMO_COLUMNS},
    ...TRTCAT.filter((category) => category !== "CHEMOTHERAPY").map((category) => ({
      when: `TRTCAT = ${sqlString(category)}`,
      why: sqlString(`TRTCAT is ${category}`),
      require: TREATMENT_COLUMNS[category]
    }))
  ],
  checks: [
    ...TRTCAT.map((category) => ({
      column: "TRTPHASE",
      rule: "trtphase-category" as const,
      when: `TRTCAT = ${sqlString(category)} AND TRTPHASE IN ${inList(TRTPHASE)} AND TRTPHASE NOT IN ${inList(PHASES[category])}`,
      message: sqlString(`a ${category} row must have TRTPHASE ${PHASES[category].join(" or ")}`)
    })),
    {
      column: "AGENT",
      rule: "first-line-regimen",
      when: `TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE <> 'LATER_LINE' AND AGENT <> '' AND AGENT NOT IN ${inList(FIRST_LINE_REGIMENS)}`,
      message: sqlString(`first-line chemotherapy must be ${FIRST_LINE_REGIMENS.join(" or ")}`)
    },
    ...FIRST_LINE_REGIMENS.map((agent) => {
      const unit = agent === "CISPLATIN_ETOPOSIDE" ? "mg/m2" : "AUC";
      return {
        column: "PLATDOSU",
        rule: "platin-unit" as const,
        when: `TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE <> 'LATER_LINE' AND AGENT = ${sqlString(agent)} ` +
          `AND PLATDOSU <> '' AND PLATDOSU <> ${sqlString(unit)}`,
        message: sqlString(`${agent} is dosed in ${unit}`)
      };
    })
  ]
};

const assessments: FileSchema = {
  file: "assessments.csv",
  stem: "assessments",
  // one overall response per time point (RECIST 1.1)
  key: {columns: ["USUBJID", "RSDTC"], rule: "unique-key"},
  minRows: 1,
  columns: [
    usubjid,
    date("RSDTC"),
    required("VISIT", oneOf(...VISITS), "visit-code", "VISIT must be BASELINE, POST_CRT, CONFIRMATION or FOLLOW_UP"),
    optional("RSORRES", oneOf("CR", "PR", "SD", "PD", "NE"), "rsorres-code", "RSORRES must be CR, PR, SD, PD or NE"),
    optional("TUSIZE_MM", {kind: "positive", max: 500}, "tusize-range",
      "TUSIZE_MM (longest diameter) must be > 0 and ≤ 500 mm"),
    required("METHOD", oneOf("MRI", "CT", "PET_CT"), "method-code", "METHOD must be MRI, CT or PET_CT")
  ],
  conditionals: [
    {when: "VISIT = 'BASELINE'", why: "'VISIT is BASELINE'", require: ["TUSIZE_MM"], forbid: ["RSORRES"]},
    {when: `VISIT IN ${inList(VISITS.filter((v) => v !== "BASELINE"))}`, why: "'VISIT is ' || VISIT",
      require: ["RSORRES"]}
  ],
  checks: []
};

const events: FileSchema = {
  file: "events.csv",
  stem: "events",
  // progression once per organ and day; one end of follow-up (cross.sql)
  key: {columns: ["USUBJID", "EVENT", "EVDTC", "PROGORG"], rule: "unique-key"},
  minRows: 1,
  columns: [
    usubjid,
    required("EVENT", oneOf(...EVENTS), "event-code", "EVENT must be PROGRESSION, DEATH or LAST_CONTACT"),
    date("EVDTC"),
    optional("PROGSITE", oneOf("LOCOREGIONAL", "DISTANT"), "progsite-code", "PROGSITE must be LOCOREGIONAL or DISTANT"),
    optional("PROGORG", code, "code-format", "PROGORG must be an upper-case code such as LIVER"),
    optional("DTHCAUSE", oneOf("DISEASE", "OTHER", "UNKNOWN"), "dthcause-code",
      "DTHCAUSE must be DISEASE, OTHER or UNKNOWN")
  ],
  conditionals: [
    {when: "EVENT = 'PROGRESSION'", why: "'EVENT is PROGRESSION'", require: ["PROGSITE", "PROGORG"],
      forbid: ["DTHCAUSE"]},
    {when: "EVENT = 'DEATH'", why: "'EVENT is DEATH'", require: ["DTHCAUSE"], forbid: ["PROGSITE", "PROGORG"]},
    {when: "EVENT = 'LAST_CONTACT'", why: "'EVENT is LAST_CONTACT'", forbid: ["PROGSITE", "PROGORG", "DTHCAUSE"]}
  ],
  checks: []
};

const adverseEvents: FileSchema = {
  file: "adverse_events.csv",
  stem: "adverse_events",
  // an event once per term, onset and grade (CTCAE v4)
  key: {columns: ["USUBJID", "AETERM", "AESTDTC", "AETOXGR"], rule: "unique-key"},
  minRows: 0,
  columns: [
    usubjid,
    required("AETERM", {kind: "text"}, "free-text", "AETERM must be 1–200 characters of text"),
    required("AEDECOD", {kind: "text"}, "free-text", "AEDECOD (MedDRA preferred term) must be 1–200 characters of text"),
    required("AETOXGR", {kind: "integer", min: 1, max: 5}, "aetoxgr-range", "AETOXGR (CTCAE v4 grade) must be 1–5"),
    date("AESTDTC"),
    required("AEREL", oneOf("CHEMOTHERAPY", "RADIOTHERAPY", "SURGERY", "NOT_RELATED"), "aerel-code",
      "AEREL must be CHEMOTHERAPY, RADIOTHERAPY, SURGERY or NOT_RELATED"),
    required("AEACN", oneOf("DOSE REDUCED", "DRUG WITHDRAWN", "DOSE NOT CHANGED", "DRUG INTERRUPTED"), "aeacn-code",
      "AEACN must be DOSE REDUCED, DRUG WITHDRAWN, DOSE NOT CHANGED or DRUG INTERRUPTED")
  ],
  conditionals: [],
  checks: []
};

/** In the order validation reports them. */
export const SCHEMAS = [patients, metastases, treatments, assessments, events, adverseEvents] as const;
