// The published-values file (data/published/*.json): every number the paper prints about its cohort, where it
// is printed, exactly how, and what in the results dataset (docs/results.md) it measures.

/**
 * Selects rows of a result's `rows` table: each key must equal the value; {patient_of: id} is the only patient of
 * that result, {patients_of: id} any of its patients.
 */
export type RowFilter = Record<string, string | number | {patient_of: string} | {patients_of: string}>;

/** A value read from one row (or several rows agreeing on it) of a result's `rows`. */
export interface RowRef {
  result: string;
  filter: RowFilter;
  field: string;
}

interface Base {
  id: string;
  where: {section: string; quote: string};
  /** Exactly as printed: the numbers in it (digits or words) are the published values, in order. */
  printed: string;
}

/** Printed numbers compared with stats of one result; which stats, in printed order, follows from the kind. */
export interface StatsValue extends Base {
  kind: "count" | "percent" | "n (pct)" | "n of N" | "mean (range)" | "median (range)" | "range, n";
  result: string;
  /** For a count: the stats key, when not n. */
  stat?: string;
}

/** "#6": a patient the paper places (member) or does not place (member: false) in a result's population. */
export interface PatientValue extends Base {
  kind: "patient";
  result: string;
  member: boolean;
}

/** "50.4 Gy/25F": a patient's radiotherapy schedule, read from the label of the schedule result counting them. */
export interface ScheduleValue extends Base {
  kind: "schedule";
  patient: number;
  among: string[];
}

/** A study day or time span read from rows, optionally since another row's day, in the printed unit. */
export interface TimeValue extends Base {
  kind: "time";
  row: RowRef;
  since?: RowRef;
  unit: "days" | "weeks" | "months" | "years";
  /** The paper states a lower bound ("after 2 years"): the recomputed time must reach it. */
  at_least?: boolean;
}

/** A number of patients with rows matching a filter (e.g. adjuvant chemotherapy segments). */
export interface RowCountValue extends Base {
  kind: "row count";
  result: string;
  filter: RowFilter;
}

/** "one before CRT and one after": patients whose row (filter) falls before, then after, their own `relative_to` row. */
export interface RowTimingValue extends Base {
  kind: "before and after";
  result: string;
  filter: RowFilter;
  relative_to: RowFilter;
  field: string;
}

/** A date of the report identity (the data cut-off). */
export interface DateValue extends Base {
  kind: "date";
  report: "cutoff";
}

/** A number about this cohort that the data model cannot recompute, and why. */
export interface NotDerivableValue extends Base {
  kind: "not-derivable";
  reason: string;
}

export type PublishedValue =
  | StatsValue
  | PatientValue
  | ScheduleValue
  | TimeValue
  | RowCountValue
  | RowTimingValue
  | DateValue
  | NotDerivableValue;

export type Kind = PublishedValue["kind"];

export interface PublishedFile {
  paper: string;
  /** What was included and what was left out (other cohorts' figures, protocol parameters). */
  scope: string;
  values: PublishedValue[];
}

export type Status = "match" | "discrepancy" | "not-derivable";

/** One line of the reconciliation: a printed number against the same number recomputed from the data. */
export interface ReconciliationRow {
  id: string;
  where: string;
  published: string;
  /** The recomputed value printed the way the paper prints it; null when not derivable. */
  recomputed: string | null;
  status: Status;
  /** For a discrepancy, what explains it; for a non-derivable number, why. */
  note: string;
  /** The result ids (and stats) compared with. */
  compared_with: string;
  /** For a number the paper prints as a bound ("after 2 years"), the bound checked ("at least 2 years"). */
  bound?: string;
}
