// Typed rows of the cohort files, as the schemas in schema.ts produce them (the schemas are
// type-checked against these interfaces). Empty optional cells are null; dates stay ISO
// strings (YYYY-MM-DD), which sort and compare correctly as text.
export type IsoDate = string;

export interface PatientRow {
  USUBJID: number;
  SEX: "F" | "M";
  AGE: number;
  DIAGDT: IsoDate;
  ECOG: number;
  KI67: number;
  MORPH: "LCNEC" | "SCNEC" | "MINEN";
  PRIMSITE: "RECTUM" | "ANUS";
  AVDIST_CM: number | null;
  CTSTAGE: "T1" | "T2" | "T3" | "T4";
  CNSTAGE: "N0" | "N1" | "N2";
  CMSTAGE: "M0" | "M1";
  COMORB: "Y" | "N";
  COMORBTX: string | null;
}

export interface MetastasisRow {
  USUBJID: number;
  METSITE: string;
  METNUM: number | null;
}

export type Trtcat = "CHEMOTHERAPY" | "RADIOTHERAPY" | "PRIMARY_SURGERY" | "LIVER_RFA" | "LIVER_RESECTION";
export type Trtphase =
  | "INDUCTION"
  | "CONCURRENT"
  | "CONSOLIDATION"
  | "ADJUVANT"
  | "LATER_LINE"
  | "BEFORE_CRT"
  | "AFTER_CRT"
  | "SURGERY";

export interface TreatmentRow {
  EPISODEID: string;
  USUBJID: number;
  TRTCAT: Trtcat;
  TRTPHASE: Trtphase;
  STDT: IsoDate;
  ENDT: IsoDate;
  AGENT: string | null;
  PLATDOSE: number | null;
  PLATDOSU: "mg/m2" | "AUC" | null;
  ETOPDOSE: number | null;
  CYCLES: number | null;
  RTDOSE: number | null;
  RTFRAC: number | null;
  RTTECH: "VMAT" | "IMRT" | "3DCRT" | null;
  RTINTENT: "NEOADJUVANT" | "DEFINITIVE" | "PALLIATIVE" | null;
  PROCEDURE: string | null;
  MARGIN: "R0" | "R1" | "R2" | null;
  YPT: "ypT0" | "ypT1" | "ypT2" | "ypT3" | "ypT4" | null;
}

export interface AssessmentRow {
  USUBJID: number;
  RSDTC: IsoDate;
  VISIT: "BASELINE" | "POST_CRT" | "CONFIRMATION" | "FOLLOW_UP";
  RSORRES: "CR" | "PR" | "SD" | "PD" | "NE" | null;
  TUSIZE_MM: number | null;
  METHOD: "MRI" | "CT" | "PET_CT";
}

export interface EventRow {
  USUBJID: number;
  EVENT: "PROGRESSION" | "DEATH" | "LAST_CONTACT";
  EVDTC: IsoDate;
  PROGSITE: "LOCOREGIONAL" | "DISTANT" | null;
  PROGORG: string | null;
  DTHCAUSE: "DISEASE" | "OTHER" | "UNKNOWN" | null;
}

export interface AdverseEventRow {
  USUBJID: number;
  AETERM: string;
  AEDECOD: string;
  AETOXGR: number;
  AESTDTC: IsoDate;
  AEREL: "CHEMOTHERAPY" | "RADIOTHERAPY" | "SURGERY" | "NOT_RELATED";
  AEACN: "DOSE REDUCED" | "DRUG WITHDRAWN" | "DOSE NOT CHANGED" | "DRUG INTERRUPTED";
}

export interface Study {
  study_id: string;
  title: string;
  citation: string;
  cutoff: IsoDate;
  version: string;
  reconstructed: boolean;
}

/** A validated cohort directory: one array per CSV file (keyed by file stem) plus study.json. */
export interface Cohort {
  study: Study;
  patients: PatientRow[];
  metastases: MetastasisRow[];
  treatments: TreatmentRow[];
  assessments: AssessmentRow[];
  events: EventRow[];
  adverse_events: AdverseEventRow[];
}

/** A row with the 1-based line it was read from. */
export interface Located<T> {
  line: number;
  row: T;
}
