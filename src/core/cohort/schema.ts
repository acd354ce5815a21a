// The cohort data model: one zod schema per file, column by column, plus the row-level
// requirements that depend on another column of the same row (a radiotherapy row needs a
// dose, a death needs a cause). Each column has one short stable rule name; a zod issue on
// a column is reported under that name. Documented in docs/data-dictionary.md.
import {z} from "zod";
import type {Problem} from "./problem.js";
import type {
  AdverseEventRow,
  AssessmentRow,
  EventRow,
  MetastasisRow,
  PatientRow,
  TreatmentRow,
  Trtcat
} from "./types.js";

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
type RowRule = keyof typeof ROW_RULES;

interface Column<T> {
  /** Checks a non-empty cell; empty cells never reach it (see fileSchema). */
  schema: z.ZodType<T, string>;
  optional: boolean;
  rule: RowRule;
  message: string;
}

/** A column that must hold a value. */
function required<T>(schema: z.ZodType<T, string>, rule: RowRule, message: string): Column<T> {
  return {schema, optional: false, rule, message};
}

/** A column that may be empty; empty becomes null. */
function optional<T>(schema: z.ZodType<T, string>, rule: RowRule, message: string): Column<T | null> {
  return {schema: schema as z.ZodType<T | null, string>, optional: true, rule, message};
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().min(min).max(max));
const positive = (max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().positive().max(max));
/** Upper-case code such as LIVER or LOW_ANTERIOR_RESECTION_TME. */
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
/** Free text: no surrounding blanks, no control characters. */
const text = z
  .string()
  .max(200)
  .regex(/^[^\s\u007f](?:[^\u0000-\u001f\u007f]*[^\s\u007f])?$/);

/** A real calendar date written YYYY-MM-DD (zod's ISO date knows month lengths and leap years). */
export const isoDate = z.iso.date();
const date = (column: string) =>
  required(isoDate, "iso-date", `${column} must be a real calendar date written YYYY-MM-DD`);

const USUBJID_PATTERN = /^[1-9]\d{0,8}$/;
/** The patient number of a raw USUBJID cell, if well-formed. */
export function parseUsubjid(value: string | undefined): number | undefined {
  return value !== undefined && USUBJID_PATTERN.test(value) ? Number(value) : undefined;
}
const usubjid = required(
  z.string().regex(USUBJID_PATTERN).transform(Number),
  "usubjid-format",
  "USUBJID must be a positive integer without leading zeros (the paper's patient number)"
);

export const TRTCAT = ["CHEMOTHERAPY", "RADIOTHERAPY", "PRIMARY_SURGERY", "LIVER_RFA", "LIVER_RESECTION"] as const;
export const TRTPHASE = [
  "INDUCTION",
  "CONCURRENT",
  "CONSOLIDATION",
  "ADJUVANT",
  "LATER_LINE",
  "BEFORE_CRT",
  "AFTER_CRT",
  "SURGERY"
] as const;
export const VISITS = ["BASELINE", "POST_CRT", "CONFIRMATION", "FOLLOW_UP"] as const;
export const FIRST_LINE_REGIMENS = ["CISPLATIN_ETOPOSIDE", "CARBOPLATIN_ETOPOSIDE"] as const;

type Columns<Row> = {[K in keyof Row]: Column<Row[K]>};

const patients: Columns<PatientRow> = {
  USUBJID: usubjid,
  SEX: required(z.enum(["F", "M"]), "sex-code", "SEX must be F or M"),
  AGE: required(integer(18, 110), "age-range", "AGE at diagnosis must be a whole number of years 18–110"),
  DIAGDT: date("DIAGDT"),
  ECOG: required(integer(0, 4), "ecog-range", "ECOG performance status must be 0–4"),
  KI67: required(decimal(0, 100), "ki67-range", "Ki-67 must be 0–100"),
  MORPH: required(z.enum(["LCNEC", "SCNEC", "MINEN"]), "morph-code", "MORPH must be LCNEC, SCNEC or MINEN"),
  PRIMSITE: required(z.enum(["RECTUM", "ANUS"]), "primsite-code", "PRIMSITE must be RECTUM or ANUS"),
  AVDIST_CM: optional(decimal(0, 30), "avdist-range", "AVDIST_CM (distance from the anal verge) must be 0–30 cm"),
  CTSTAGE: required(z.enum(["T1", "T2", "T3", "T4"]), "ctstage-code", "CTSTAGE must be T1–T4"),
  CNSTAGE: required(z.enum(["N0", "N1", "N2"]), "cnstage-code", "CNSTAGE must be N0–N2"),
  CMSTAGE: required(z.enum(["M0", "M1"]), "cmstage-code", "CMSTAGE must be M0 or M1"),
  COMORB: required(z.enum(["Y", "N"]), "comorb-code", "COMORB must be Y or N"),
  COMORBTX: optional(text, "free-text", "COMORBTX must be at most 200 characters of text")
};

const metastases: Columns<MetastasisRow> = {
  USUBJID: usubjid,
  METSITE: required(code, "code-format", "METSITE must be an upper-case code such as LIVER"),
  METNUM: optional(integer(1, 999), "metnum-range", "METNUM (number of metastases) must be a whole number ≥ 1")
};

const dose = (column: string, max: number, unit: string) =>
  optional(positive(max), "dose-positive", `${column} must be a number > 0 and ≤ ${max} ${unit}`);

const treatments: Columns<TreatmentRow> = {
  EPISODEID: required(
    z.string().regex(/^[1-9]\d{0,8}-\d{2,}$/),
    "episodeid-format",
    "EPISODEID must be USUBJID-NN, e.g. 1-03"
  ),
  USUBJID: usubjid,
  TRTCAT: required(z.enum(TRTCAT), "trtcat-code", `TRTCAT must be one of ${TRTCAT.join(", ")}`),
  TRTPHASE: required(z.enum(TRTPHASE), "trtphase-code", `TRTPHASE must be one of ${TRTPHASE.join(", ")}`),
  STDT: date("STDT"),
  ENDT: date("ENDT"),
  AGENT: optional(code, "code-format", "AGENT must be an upper-case code such as CISPLATIN_ETOPOSIDE"),
  PLATDOSE: dose("PLATDOSE", 200, "(mg/m2 or AUC)"),
  PLATDOSU: optional(z.enum(["mg/m2", "AUC"]), "platdosu-code", "PLATDOSU must be mg/m2 or AUC"),
  ETOPDOSE: dose("ETOPDOSE", 500, "mg/m2"),
  CYCLES: optional(integer(1, 99), "cycles-range", "CYCLES must be a whole number ≥ 1"),
  RTDOSE: dose("RTDOSE", 100, "Gy"),
  RTFRAC: optional(integer(1, 60), "rtfrac-range", "RTFRAC must be a whole number of fractions 1–60"),
  RTTECH: optional(z.enum(["VMAT", "IMRT", "3DCRT"]), "rttech-code", "RTTECH must be VMAT, IMRT or 3DCRT"),
  RTINTENT: optional(
    z.enum(["NEOADJUVANT", "DEFINITIVE", "PALLIATIVE"]),
    "rtintent-code",
    "RTINTENT must be NEOADJUVANT, DEFINITIVE or PALLIATIVE"
  ),
  PROCEDURE: optional(code, "code-format", "PROCEDURE must be an upper-case code such as RFA"),
  MARGIN: optional(z.enum(["R0", "R1", "R2"]), "margin-code", "MARGIN must be R0, R1 or R2"),
  YPT: optional(z.enum(["ypT0", "ypT1", "ypT2", "ypT3", "ypT4"]), "ypt-code", "YPT must be ypT0–ypT4")
};

const assessments: Columns<AssessmentRow> = {
  USUBJID: usubjid,
  RSDTC: date("RSDTC"),
  VISIT: required(z.enum(VISITS), "visit-code", "VISIT must be BASELINE, POST_CRT, CONFIRMATION or FOLLOW_UP"),
  RSORRES: optional(z.enum(["CR", "PR", "SD", "PD", "NE"]), "rsorres-code", "RSORRES must be CR, PR, SD, PD or NE"),
  TUSIZE_MM: optional(positive(500), "tusize-range", "TUSIZE_MM (longest diameter) must be > 0 and ≤ 500 mm"),
  METHOD: required(z.enum(["MRI", "CT", "PET_CT"]), "method-code", "METHOD must be MRI, CT or PET_CT")
};

const events: Columns<EventRow> = {
  USUBJID: usubjid,
  EVENT: required(
    z.enum(["PROGRESSION", "DEATH", "LAST_CONTACT"]),
    "event-code",
    "EVENT must be PROGRESSION, DEATH or LAST_CONTACT"
  ),
  EVDTC: date("EVDTC"),
  PROGSITE: optional(z.enum(["LOCOREGIONAL", "DISTANT"]), "progsite-code", "PROGSITE must be LOCOREGIONAL or DISTANT"),
  PROGORG: optional(code, "code-format", "PROGORG must be an upper-case code such as LIVER"),
  DTHCAUSE: optional(
    z.enum(["DISEASE", "OTHER", "UNKNOWN"]),
    "dthcause-code",
    "DTHCAUSE must be DISEASE, OTHER or UNKNOWN"
  )
};

const adverseEvents: Columns<AdverseEventRow> = {
  USUBJID: usubjid,
  AETERM: required(text, "free-text", "AETERM must be 1–200 characters of text"),
  AEDECOD: required(text, "free-text", "AEDECOD (MedDRA preferred term) must be 1–200 characters of text"),
  AETOXGR: required(integer(1, 5), "aetoxgr-range", "AETOXGR (CTCAE v4 grade) must be 1–5"),
  AESTDTC: date("AESTDTC"),
  AEREL: required(
    z.enum(["CHEMOTHERAPY", "RADIOTHERAPY", "SURGERY", "NOT_RELATED"]),
    "aerel-code",
    "AEREL must be CHEMOTHERAPY, RADIOTHERAPY, SURGERY or NOT_RELATED"
  ),
  AEACN: required(
    z.enum(["DOSE REDUCED", "DRUG WITHDRAWN", "DOSE NOT CHANGED", "DRUG INTERRUPTED"]),
    "aeacn-code",
    "AEACN must be DOSE REDUCED, DRUG WITHDRAWN, DOSE NOT CHANGED or DRUG INTERRUPTED"
  )
};

// Row-level requirements between columns of one row, checked on the raw strings so that
// they are reported even when another column of the row is malformed.
type Raw = Record<string, string>;
interface Conditional {
  /** Which rows the requirement applies to, and how to describe them. */
  when: (row: Raw) => string | undefined;
  require?: (row: Raw) => readonly string[];
  forbid?: (row: Raw) => readonly string[];
}

const CHEMO_COLUMNS = ["AGENT", "PLATDOSE", "PLATDOSU", "ETOPDOSE", "CYCLES"] as const;
const RT_COLUMNS = ["RTDOSE", "RTFRAC", "RTTECH", "RTINTENT"] as const;
const SURGERY_COLUMNS = ["PROCEDURE", "MARGIN", "YPT"] as const;
const TREATMENT_COLUMNS: Record<Trtcat, readonly string[]> = {
  CHEMOTHERAPY: CHEMO_COLUMNS,
  RADIOTHERAPY: RT_COLUMNS,
  PRIMARY_SURGERY: SURGERY_COLUMNS,
  LIVER_RFA: ["PROCEDURE"],
  LIVER_RESECTION: ["PROCEDURE"]
};
const ALL_TREATMENT_COLUMNS = [...CHEMO_COLUMNS, ...RT_COLUMNS, ...SURGERY_COLUMNS];
const PHASES: Record<Trtcat, readonly string[]> = {
  CHEMOTHERAPY: ["INDUCTION", "CONCURRENT", "CONSOLIDATION", "ADJUVANT", "LATER_LINE"],
  RADIOTHERAPY: ["CONCURRENT", "LATER_LINE"],
  PRIMARY_SURGERY: ["SURGERY"],
  LIVER_RFA: ["BEFORE_CRT", "AFTER_CRT"],
  LIVER_RESECTION: ["BEFORE_CRT", "AFTER_CRT"]
};
const isTrtcat = (value: string | undefined): value is Trtcat => (TRTCAT as readonly string[]).includes(value ?? "");

const categoryOf = (row: Raw) => (isTrtcat(row.TRTCAT) ? row.TRTCAT : undefined);
const treatmentConditionals: Conditional[] = [
  {
    when: (row) => (categoryOf(row) ? `TRTCAT is ${row.TRTCAT}` : undefined),
    forbid: (row) => ALL_TREATMENT_COLUMNS.filter((column) => !TREATMENT_COLUMNS[categoryOf(row)!].includes(column))
  },
  {
    when: (row) =>
      !categoryOf(row)
        ? undefined
        : row.TRTCAT === "CHEMOTHERAPY"
          ? `TRTCAT is CHEMOTHERAPY and TRTPHASE is ${row.TRTPHASE}`
          : `TRTCAT is ${row.TRTCAT}`,
    // Later-line chemotherapy is recorded by agent only: the paper gives no doses for it.
    require: (row) =>
      row.TRTCAT === "CHEMOTHERAPY" && row.TRTPHASE === "LATER_LINE" ? ["AGENT"] : TREATMENT_COLUMNS[categoryOf(row)!]
  }
];

const assessmentConditionals: Conditional[] = [
  {
    when: (row) => (row.VISIT === "BASELINE" ? "VISIT is BASELINE" : undefined),
    require: () => ["TUSIZE_MM"],
    forbid: () => ["RSORRES"]
  },
  {
    when: (row) =>
      row.VISIT !== "BASELINE" && (VISITS as readonly string[]).includes(row.VISIT ?? "")
        ? `VISIT is ${row.VISIT}`
        : undefined,
    require: () => ["RSORRES"]
  }
];

const eventConditionals: Conditional[] = [
  {
    when: (row) =>
      ["PROGRESSION", "DEATH", "LAST_CONTACT"].includes(row.EVENT ?? "") ? `EVENT is ${row.EVENT}` : undefined,
    require: (row) =>
      row.EVENT === "PROGRESSION" ? ["PROGSITE", "PROGORG"] : row.EVENT === "DEATH" ? ["DTHCAUSE"] : [],
    forbid: (row) =>
      row.EVENT === "PROGRESSION"
        ? ["DTHCAUSE"]
        : row.EVENT === "DEATH"
          ? ["PROGSITE", "PROGORG"]
          : ["PROGSITE", "PROGORG", "DTHCAUSE"]
  }
];

const patientConditionals: Conditional[] = [
  {
    when: (row) => (row.COMORB === "Y" || row.COMORB === "N" ? `COMORB is ${row.COMORB}` : undefined),
    require: (row) => (row.COMORB === "Y" ? ["COMORBTX"] : []),
    forbid: (row) => (row.COMORB === "N" ? ["COMORBTX"] : [])
  }
];

type Issue = (column: string, rule: RowRule, message: string) => void;

/** The first-line regimen and its platin dose unit. */
function treatmentRegimen(row: Raw, issue: Issue) {
  if (row.TRTCAT !== "CHEMOTHERAPY" || row.TRTPHASE === "LATER_LINE" || row.AGENT === "") return;
  if (!(FIRST_LINE_REGIMENS as readonly string[]).includes(row.AGENT!)) {
    issue("AGENT", "first-line-regimen", `first-line chemotherapy must be ${FIRST_LINE_REGIMENS.join(" or ")}`);
  } else if (row.PLATDOSU !== "") {
    const unit = row.AGENT === "CISPLATIN_ETOPOSIDE" ? "mg/m2" : "AUC";
    if (row.PLATDOSU !== unit) issue("PLATDOSU", "platin-unit", `${row.AGENT} is dosed in ${unit}`);
  }
}

function phaseFitsCategory(row: Raw, issue: Issue) {
  if (!isTrtcat(row.TRTCAT) || !(TRTPHASE as readonly string[]).includes(row.TRTPHASE ?? "")) return;
  const allowed = PHASES[row.TRTCAT];
  if (!allowed.includes(row.TRTPHASE!)) {
    issue("TRTPHASE", "trtphase-category", `a ${row.TRTCAT} row must have TRTPHASE ${allowed.join(" or ")}`);
  }
}

interface FileSpec<Row> {
  file: string;
  columns: Columns<Row>;
  conditionals?: Conditional[];
  checks?: ((row: Raw, issue: Issue) => void)[];
  /** Data rows the file needs; 0 when a header-only file is valid (e.g. no adverse events). */
  minRows: number;
}

export interface FileSchema<Row> {
  file: string;
  columns: readonly string[];
  minRows: number;
  /** Parses one raw row; problems are located at `line`, at most one per column. */
  parse(values: Raw, line: number): {row?: Row; problems: Problem[]};
}

function fileSchema<Row>(spec: FileSpec<Row>): FileSchema<Row> {
  const columns = spec.columns as Record<string, Column<unknown>>;
  // Empty cells are removed before zod sees the row, so a required column reports
  // "required" and an optional one becomes null without a preprocessing step per cell.
  const rowSchema = z.object(
    Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.optional ? c.schema.optional() : c.schema]))
  );
  const columnNames = Object.keys(columns);

  /** The requirements between columns of one row, checked on the raw strings. */
  function rowRules(row: Raw, issue: Issue): void {
    for (const conditional of spec.conditionals ?? []) {
      const why = conditional.when(row);
      if (!why) continue;
      for (const column of conditional.require?.(row) ?? []) {
        if (row[column] === "") issue(column, "required-when", `${column} is required when ${why}`);
      }
      for (const column of conditional.forbid?.(row) ?? []) {
        if (row[column] !== "") issue(column, "not-applicable", `${column} must be empty when ${why}`);
      }
    }
    for (const check of spec.checks ?? []) check(row, issue);
  }

  function parse(values: Raw, line: number): {row?: Row; problems: Problem[]} {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const add = (column: string, rule: string, message: string) => {
      // A cell can break its own column rule and a conditional one: report it once.
      if (seen.has(column)) return;
      seen.add(column);
      problems.push({file: spec.file, line, column, value: values[column] ?? "", rule, message});
    };
    const input: Record<string, string> = {};
    for (const name in values) if (values[name] !== "") input[name] = values[name]!;
    const result = rowSchema.safeParse(input);
    for (const issue of result.error?.issues ?? []) {
      const name = String(issue.path[0]);
      if (values[name] === "") add(name, "required", `${name} is required`);
      else add(name, columns[name]!.rule, columns[name]!.message);
    }
    rowRules(values, add);
    if (problems.length > 0) return {problems};
    // Rebuilt in column order, empty optional cells as null.
    const parsed = result.data as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const name of columnNames) row[name] = parsed[name] ?? null;
    return {row: row as Row, problems};
  }

  return {file: spec.file, columns: columnNames, minRows: spec.minRows, parse};
}

export const SCHEMAS = {
  patients: fileSchema({
    file: "patients.csv",
    columns: patients,
    conditionals: patientConditionals,
    checks: [],
    minRows: 1
  }),
  metastases: fileSchema({file: "metastases.csv", columns: metastases, conditionals: [], checks: [], minRows: 0}),
  treatments: fileSchema({
    file: "treatments.csv",
    columns: treatments,
    conditionals: treatmentConditionals,
    checks: [phaseFitsCategory, treatmentRegimen],
    minRows: 1
  }),
  assessments: fileSchema({
    file: "assessments.csv",
    columns: assessments,
    conditionals: assessmentConditionals,
    checks: [],
    minRows: 1
  }),
  events: fileSchema({file: "events.csv", columns: events, conditionals: eventConditionals, checks: [], minRows: 1}),
  adverse_events: fileSchema({
    file: "adverse_events.csv",
    columns: adverseEvents,
    conditionals: [],
    checks: [],
    minRows: 0
  })
};
