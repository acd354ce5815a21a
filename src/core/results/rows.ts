// The rows behind results (docs/results.md, "Result ids": KM tables, swimmer and waterfall rows), typed for the pages
// that draw them and the page slices that select them.

/** One row of a Kaplan–Meier table (tte.*.rows): time in months, study days in time_days. */
export interface KMRow {
  time_days: number;
  time: number;
  n_risk: number;
  n_event: number;
  n_censor: number;
  surv: number;
  se: number;
  ci_low: number | null;
  ci_high: number | null;
  /** Absent for a large cohort (the results list no patients above 1000). */
  event_ids?: number[];
  censor_ids?: number[];
}

/** One row of a number-at-risk table (tte.*.risk.rows): at month `time`, at risk, cumulative events and censorings. */
export interface RiskRow {
  time: number;
  n_risk: number;
  events: number;
  censored: number;
}

export type BOR = "CR" | "PR" | "SD" | "PD" | "NE";

export interface WaterfallRow {
  USUBJID: number;
  MORPH: string;
  BOR: BOR;
  PCHG: number;
  /** Best response PD: the site(s) of the first progression ("DISTANT, LOCOREGIONAL"); null otherwise. */
  PDSITE: string | null;
}

export interface SwimmerLane {
  USUBJID: number;
  MORPH: string;
  BOR: BOR;
  followup_days: number;
  alive: boolean;
}

export type SegmentKind = "induction" | "crt" | "surgery" | "liver_rfa" | "liver_resection" | "adjuvant";
export interface SwimmerSegment {
  USUBJID: number;
  kind: SegmentKind;
  start_day: number;
  end_day: number;
}

export type MarkerKind = "response" | "complete_response" | "progression_locoregional" | "progression_distant" | "death";
export interface SwimmerMarker {
  USUBJID: number;
  kind: MarkerKind;
  day: number;
  label: string;
}
