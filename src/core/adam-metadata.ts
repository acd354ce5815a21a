// The data dictionary of the published ADaM datasets: label and derivation of every variable, written once here.
// Labels are at most 40 ASCII characters, as SAS transport files (src/core/interchange/xpt.ts) and CDISC require;
// the derivation says the rest.
// Types are not repeated: the loader src/data/adam-dictionary.json.ts reads them from DuckDB's derived tables and
// fails when a variable is missing here or described but not derived. "patients.csv", "treatments.csv", … are the
// cohort files (docs/data-dictionary.md); the SQL files under src/sql/adam/ hold the derivations in full.
// Study days: Day 1 = first day of induction chemotherapy; ADY = date − Day 1 + 1 on or after Day 1, date − Day 1
// before it (no Day 0). No calendar date is published.

export interface VariableMetadata {
  variable: string;
  label: string;
  derivation: string;
}

const v = (variable: string, label: string, derivation: string): VariableMetadata => ({variable, label, derivation});

const DAY = "study day of";
const FLAG = (what: string) => `'Y' if ${what}, else 'N'`;

export const ADAM_METADATA: Readonly<Record<"adsl" | "adrs" | "adtte" | "adae", readonly VariableMetadata[]>> = {
  adsl: [
    v("USUBJID", "Unique subject identifier", "patients.csv USUBJID (the paper's patient number)"),
    v("AGE", "Age at diagnosis (years)", "patients.csv AGE"),
    v("SEX", "Sex", "patients.csv SEX"),
    v("ECOG", "ECOG performance status at Day 1", "patients.csv ECOG"),
    v("KI67", "Ki-67 proliferation index (%)", "patients.csv KI67"),
    v("MORPH", "Morphology (LCNEC, SCNEC, MINEN)", "patients.csv MORPH"),
    v("PRIMSITE", "Primary tumour site", "patients.csv PRIMSITE"),
    v("CTSTAGE", "Clinical T stage", "patients.csv CTSTAGE"),
    v("CNSTAGE", "Clinical N stage", "patients.csv CNSTAGE"),
    v("CMSTAGE", "Clinical M stage", "patients.csv CMSTAGE"),
    v("STAGE", "Stage at diagnosis", "METASTATIC if CMSTAGE = M1, else LOCALLY ADVANCED (UICC TNM 8)"),
    v("LIVMETFL", "Liver metastases at diagnosis flag", FLAG("metastases.csv has a LIVER site")),
    v("PERMETFL", "Peritoneal metastases at diagnosis flag", FLAG("metastases.csv has a PERITONEUM site")),
    v("COMORB", "Relevant comorbidity", "patients.csv COMORB"),
    v("REGIMEN", "Induction chemotherapy regimen", "AGENT of the first induction chemotherapy (treatments.csv)"),
    v("PLATIN", "Platin of the first-line regimen", "REGIMEN up to the first '_' (CISPLATIN or CARBOPLATIN)"),
    v("CYCLES1L", "First-line chemotherapy cycles", "sum of CYCLES of induction, concurrent, consolidation and adjuvant chemotherapy; 0 if none"),
    v("RTDOSE", "Radiotherapy dose (Gy)", "RTDOSE of the first radiotherapy given concurrently with chemotherapy"),
    v("RTFRAC", "Radiotherapy fractions", "RTFRAC of the first concurrent radiotherapy"),
    v("RTINTENT", "Radiotherapy intent", "RTINTENT of the first concurrent radiotherapy (NEOADJUVANT or DEFINITIVE)"),
    v("SURGFL", "Resection of the primary flag", FLAG("treatments.csv has a PRIMARY_SURGERY")),
    v("MARGIN", "Resection margin", "MARGIN (R0, R1, R2) of the first resection of the primary"),
    v("YPT", "Pathological T stage (ypT)", "after neoadjuvant treatment: YPT of the first resection of the primary"),
    v("YPT0FL", "Pathological complete response flag", "'Y' if YPT = ypT0, 'N' if operated otherwise, empty if not operated"),
    v("LIVRFAFL", "Liver metastases RFA flag", FLAG("treatments.csv has a LIVER_RFA")),
    v("LIVRESFL", "Resection of liver metastases flag", FLAG("treatments.csv has a LIVER_RESECTION")),
    v("INDSTDY", "Induction chemotherapy start day", `${DAY} the first induction start (Day 1 by definition)`),
    v("INDENDY", "Induction chemotherapy end day", `${DAY} the last induction end`),
    v("CRTSTDY", "Chemoradiotherapy start day", `${DAY} the first concurrent radiotherapy start`),
    v("CRTENDY", "Chemoradiotherapy end day", `${DAY} the last concurrent radiotherapy end`),
    v("SURGDY", "Resection of the primary day", `${DAY} the first resection of the primary`),
    v("LRFADY", "Liver radiofrequency ablation day", `${DAY} the first liver RFA`),
    v("LRESDY", "Liver resection day", `${DAY} the first liver resection`),
    v("ADJSTDY", "Adjuvant chemotherapy start day", `${DAY} the first adjuvant chemotherapy start`),
    v("ADJENDY", "Adjuvant chemotherapy end day", `${DAY} the last adjuvant chemotherapy end`),
    v("PROGFL", "Progression flag", FLAG("a progression event or a RECIST PD assessment before the cut-off")),
    v("PROGDY", "First progression day", `${DAY} the first progression event (any site) or RECIST PD`),
    v("LRPFL", "Locoregional progression flag", FLAG("a LOCOREGIONAL progression event")),
    v("LRPDY", "First locoregional progression day", `${DAY} the first LOCOREGIONAL progression event`),
    v("DMPFL", "Distant progression flag", FLAG("a DISTANT progression event")),
    v("DMPDY", "First distant progression day", `${DAY} the first DISTANT progression event`),
    v("DTHFL", "Death flag", FLAG("death before the cut-off")),
    v("DTHDY", "Death day", `${DAY} death`),
    v("DTHCAUS", "Cause of death", "events.csv DTHCAUSE of the death"),
    v("LSTALVDY", "Last known alive day (end of follow-up)", `${DAY} the last contact or death, whichever is later`),
  ],
  adrs: [
    v("USUBJID", "Unique subject identifier", "as ADSL"),
    v("PARAMCD", "Parameter code", "OVRLRESP (each tumour assessment), PROG (each progression event), BOR (one per patient)"),
    v("PARAM", "Parameter", "the description of PARAMCD"),
    v("AVISIT", "Analysis visit", "assessments.csv VISIT (OVRLRESP only)"),
    v("ADY", "Analysis day", `${DAY} the assessment or event; for BOR the first assessment that meets it`),
    v("AVALC", "Analysis value (character)", "OVRLRESP: overall response (RECIST 1.1); PROG: site (LOCOREGIONAL, DISTANT); BOR: confirmed best overall response CR > PR > SD > PD, else NE"),
    v("TUSIZE", "Primary tumour size (mm)", "assessments.csv TUSIZE_MM"),
    v("BASE", "Baseline primary tumour size (mm)", "size at the last baseline assessment"),
    v("PCHG", "Percent change from baseline", "100 × (TUSIZE − BASE) / BASE"),
    v("ANL01FL", "Analysis flag 01: size before resection", "'Y' for a post-baseline size measured before resection of the primary (the waterfall's best change)"),
    v("METHOD", "Imaging method", "assessments.csv METHOD"),
    v("PROGORG", "Organ of progression", "events.csv PROGORG (PROG only)"),
  ],
  adtte: [
    v("USUBJID", "Unique subject identifier", "as ADSL"),
    v("PARAMCD", "Parameter code", "OS, PFS, DOR (DOR in confirmed responders only)"),
    v("PARAM", "Parameter", "the description of PARAMCD"),
    v("STARTDY", "Time-to-event origin day", "1 for OS and PFS; for DOR the day of the first documented CR or PR"),
    v("ADY", "Event or censoring day", "OS: death, else last contact; PFS and DOR: first progression or death, else the last adequate assessment (PFS: Day 1 if none)"),
    v("AVAL", "Analysis value (days)", "ADY − STARTDY + 1"),
    v("AVALU", "Analysis value unit", "DAYS"),
    v("CNSR", "Censor", "0 = event, 1 = censored"),
    v("EVNTDESC", "Event description", "DEATH or PROGRESSION for events"),
    v("CNSDTDSC", "Censoring description", "LAST CONTACT, LAST ADEQUATE ASSESSMENT or NO ADEQUATE ASSESSMENT for censored times"),
  ],
  adae: [
    v("USUBJID", "Unique subject identifier", "as ADSL"),
    v("AETERM", "Reported term for the adverse event", "adverse_events.csv AETERM"),
    v("AEDECOD", "Dictionary-derived term", "adverse_events.csv AEDECOD (MedDRA preferred term)"),
    v("AETOXGR", "Toxicity grade (CTCAE v4.0)", "adverse_events.csv AETOXGR"),
    v("AEREL", "Treatment the event is attributed to", "adverse_events.csv AEREL"),
    v("AEACN", "Action taken with the treatment", "adverse_events.csv AEACN"),
    v("ADY", "Onset day", `${DAY} onset`),
    v("TRTEMFL", "Treatment-emergent flag", FLAG("onset on or after Day 1")),
    v("AEG34FL", "Grade 3-4 flag", FLAG("AETOXGR is 3 or 4")),
  ],
};

export type AdamTable = keyof typeof ADAM_METADATA;

export interface DatasetMetadata {
  label: string;
  /** ADaM class (Define-XML def:Class). */
  class: "SUBJECT LEVEL ANALYSIS DATASET" | "BASIC DATA STRUCTURE" | "OCCURRENCE DATA STRUCTURE";
  structure: string;
  /** The sort keys of the published files (src/sql/export/adam.sql). */
  keys: readonly string[];
  /** The SQL file that derives it. */
  source: string;
}

/** Each dataset's label (at most 40 ASCII characters, as in SAS transport files), class, structure and keys. */
export const ADAM_DATASETS: Readonly<Record<AdamTable, DatasetMetadata>> = {
  adsl: {label: "Subject-Level Analysis Dataset", class: "SUBJECT LEVEL ANALYSIS DATASET",
    structure: "One record per subject", keys: ["USUBJID"], source: "src/sql/adam/adsl.sql"},
  adrs: {label: "Response Analysis Dataset", class: "BASIC DATA STRUCTURE",
    structure: "One or more records per subject per parameter", keys: ["USUBJID", "PARAMCD", "ADY"],
    source: "src/sql/adam/adrs.sql"},
  adtte: {label: "Time-to-Event Analysis Dataset", class: "BASIC DATA STRUCTURE",
    structure: "One record per subject per parameter", keys: ["PARAMCD", "USUBJID"], source: "src/sql/adam/adtte.sql"},
  adae: {label: "Adverse Events Analysis Dataset", class: "OCCURRENCE DATA STRUCTURE",
    structure: "One record per adverse event", keys: ["USUBJID", "ADY", "AEDECOD"], source: "src/sql/adam/adae.sql"},
};

/** A column of a derived table, as DuckDB's information_schema.columns gives it. */
export interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
}

export interface DictionaryEntry extends VariableMetadata {
  dataset: string;
  type: string;
}

/**
 * The data dictionary: each derived column, in table and column order, with its label and derivation. Throws, naming
 * every problem at once, when a derived column has no metadata or metadata names a column that is not derived.
 */
export function dataDictionary(columns: readonly Column[]): DictionaryEntry[] {
  const problems: string[] = [];
  const entries: DictionaryEntry[] = [];
  for (const [table, variables] of Object.entries(ADAM_METADATA)) {
    const derived = columns.filter((column) => column.table_name === table);
    const described = new Map(variables.map((variable) => [variable.variable, variable]));
    for (const column of derived) {
      const metadata = described.get(column.column_name);
      if (metadata) entries.push({dataset: table.toUpperCase(), ...metadata, type: column.data_type});
      else problems.push(`${table}.${column.column_name} (${column.data_type}) has no label in src/core/adam-metadata.ts`);
    }
    const names = new Set(derived.map((column) => column.column_name));
    for (const variable of variables) {
      if (!names.has(variable.variable)) problems.push(`${table}.${variable.variable} is described in src/core/adam-metadata.ts but not derived`);
    }
  }
  if (problems.length) throw new Error(`ADaM data dictionary:\n${problems.join("\n")}`);
  return entries;
}
