// The results dataset as an analysis results dataset (ARD) in the shape of the R package cards (pharmaverse): long,
// one row per statistic, columns group1, group1_level, variable, variable_level, context, stat_name, stat_label,
// stat, fmt_fun, warning, error, then the lineage (result_id, dataset, paramcd, population, method, source).
// `cards::as_card()` takes it as it is read (docs/interchange.md), and gtsummary rebuilds Table 1 from it.
//
// Conventions of cards kept here: proportions are 0–1 (`p`, and a proportion's `estimate`, `conf.low`,
// `conf.high`), where the results dataset has percentages 0–100; `N` is the denominator; stat names are cards' and
// broom's (n, N, p, mean, median, min, max, estimate, conf.low, conf.high, conf.level, method, std.error, n.risk,
// n.event, n.censor). `fmt_fun` is an integer, as cards allows: the decimals that give the report's precision
// (a proportion shown as 33% has 2).
// Each variable's label is an "attributes" row, as cards::ard_attributes() writes it. The report has one arm, so
// group1 and group1_level are empty. Per-patient listings (the waterfall's bars, the
// swimmer's lanes) are data, not statistics: they are in the ADaM datasets, not here.
import {csvFormatRows} from "d3-dsv";
import {CATALOG} from "../results/catalog.js";
import type {Format} from "../results/format.js";
import type {Result, ResultsDataset, Row, Stats} from "../results/types.js";

export interface ArdRow {
  group1: string | null;
  group1_level: string | null;
  variable: string;
  variable_level: string | null;
  context: string;
  stat_name: string;
  stat_label: string;
  stat: number | string | null;
  fmt_fun: number | null;
  warning: string | null;
  error: string | null;
  result_id: string;
  dataset: string;
  paramcd: string | null;
  population: string;
  method: string;
  source: string;
}

export const ARD_COLUMNS = [
  "group1", "group1_level", "variable", "variable_level", "context", "stat_name", "stat_label", "stat", "fmt_fun",
  "warning", "error", "result_id", "dataset", "paramcd", "population", "method", "source",
] as const satisfies readonly (keyof ArdRow)[];

/** What each result counts, in ADaM terms: dataset, parameter, variable and the level counted. */
const VARIABLES: Readonly<Record<string, readonly [dataset: string, paramcd: string | null, variable: string, level: string | null]>> = {
  "cohort.n": ["ADSL", null, "..ard_total_n..", null], // cards' name for the population count (ard_total_n)
  "table1.female": ["ADSL", null, "SEX", "F"],
  "table1.age": ["ADSL", null, "AGE", null],
  "table1.ps01": ["ADSL", null, "ECOG", "0-1"],
  "table1.ki67": ["ADSL", null, "KI67", null],
  "table1.morph.lcnec": ["ADSL", null, "MORPH", "LCNEC"],
  "table1.morph.scnec": ["ADSL", null, "MORPH", "SCNEC"],
  "table1.morph.minen": ["ADSL", null, "MORPH", "MINEN"],
  "table1.stage.la": ["ADSL", null, "STAGE", "LOCALLY ADVANCED"],
  "table1.stage.metastatic": ["ADSL", null, "STAGE", "METASTATIC"],
  "table1.mets.liver": ["ADSL", null, "LIVMETFL", "Y"],
  "table1.mets.peritoneum": ["ADSL", null, "PERMETFL", "Y"],
  "table1.chemo.cis_etop": ["ADSL", null, "REGIMEN", "CISPLATIN_ETOPOSIDE"],
  "table1.chemo.carbo_etop": ["ADSL", null, "REGIMEN", "CARBOPLATIN_ETOPOSIDE"],
  "table1.comorbidity": ["ADSL", null, "COMORB", "Y"],
  "table1.site.rectum": ["ADSL", null, "PRIMSITE", "RECTUM"],
  "table1.site.anus": ["ADSL", null, "PRIMSITE", "ANUS"],
  "table1.ct.t1": ["ADSL", null, "CTSTAGE", "T1"],
  "table1.ct.t2": ["ADSL", null, "CTSTAGE", "T2"],
  "table1.ct.t3": ["ADSL", null, "CTSTAGE", "T3"],
  "table1.ct.t4": ["ADSL", null, "CTSTAGE", "T4"],
  "table1.cn.n0": ["ADSL", null, "CNSTAGE", "N0"],
  "table1.cn.n1": ["ADSL", null, "CNSTAGE", "N1"],
  "table1.cn.n2": ["ADSL", null, "CNSTAGE", "N2"],
  "table1.chemo.cycles": ["ADSL", null, "CYCLES1L", null],
  "table1.rt.neoadjuvant": ["ADSL", null, "RTINTENT", "NEOADJUVANT"],
  "table1.rt.definitive": ["ADSL", null, "RTINTENT", "DEFINITIVE"],
  "table1.rt.25gy5f": ["ADSL", null, "RTDOSE/RTFRAC", "25/5"],
  "table1.rt.50gy28f": ["ADSL", null, "RTDOSE/RTFRAC", "50.4/28"],
  "table1.surgery.yes": ["ADSL", null, "SURGFL", "Y"],
  "table1.surgery.no": ["ADSL", null, "SURGFL", "N"],
  "table1.resection.r0": ["ADSL", null, "MARGIN", "R0"],
  "table1.resection.r1": ["ADSL", null, "MARGIN", "R1"],
  "table1.liver.rfa": ["ADSL", null, "LIVRFAFL", "Y"],
  "table1.liver.resection": ["ADSL", null, "LIVRESFL", "Y"],
  "response.bor.cr": ["ADRS", "BOR", "AVALC", "CR"],
  "response.bor.pr": ["ADRS", "BOR", "AVALC", "PR"],
  "response.bor.sd": ["ADRS", "BOR", "AVALC", "SD"],
  "response.bor.pd": ["ADRS", "BOR", "AVALC", "PD"],
  "response.bor.ne": ["ADRS", "BOR", "AVALC", "NE"],
  "response.orr": ["ADRS", "BOR", "AVALC", "CR, PR"],
  "response.shrinkage": ["ADRS", "OVRLRESP", "PCHG", "<= -30"],
  "response.ypt0": ["ADSL", null, "YPT0FL", "Y"],
  "control.lrtc": ["ADSL", null, "LRPFL", "N"],
  "tte.followup": ["ADTTE", "OS", "AVAL", null],
  "tte.os": ["ADTTE", "OS", "AVAL", null],
  "tte.pfs": ["ADTTE", "PFS", "AVAL", null],
  "tte.dor": ["ADTTE", "DOR", "AVAL", null],
  "safety.grade34": ["ADAE", null, "AEG34FL", "Y"],
  "safety.dose_reduction": ["ADAE", null, "AEACN", "DOSE REDUCED"],
  "safety.discontinuation": ["ADAE", null, "AEACN", "DRUG WITHDRAWN"],
  "safety.ae_by_grade": ["ADAE", null, "AETOXGR", null],
};

/**
 * Results the ARD leaves out: per-patient listings (left to the ADaM datasets), and the number-at-risk tables
 * (tte.*.risk), whose counts the ARD's Kaplan–Meier blocks already carry (n.risk, n.event, n.censor per time).
 */
const NOT_IN_ARD = new Set([
  "response.waterfall", "swimmer.lanes", "swimmer.segments", "swimmer.markers",
  "tte.os.risk", "tte.pfs.risk", "tte.dor.risk",
]);

const STAT_LABELS: Readonly<Record<string, string>> = {
  n: "n", N: "N", p: "%", N_nonmiss: "N Non-missing", mean: "Mean", median: "Median", min: "Min", max: "Max",
  estimate: "Estimate", "conf.low": "CI Lower Bound", "conf.high": "CI Upper Bound", "conf.level": "CI Confidence Level",
  method: "Method", "std.error": "Standard Error", "n.risk": "Number at Risk", "n.event": "Number of Events",
  "n.censor": "Number of Censored", time_months: "Time (months)", label: "Variable Label",
};

/** Decimals the report shows for each display format (src/core/results/format.ts). */
const DECIMALS: Readonly<Record<Format, number>> = {
  count: 0, n_pct: 0, n_of_pct: 0, none_or_n_pct: 0, mean_range: 0, pct_mean_range: 0, mean_1dp: 1, pct_ci: 0,
  shrinkage: 0, months_range: 0, months_range_1dp: 1, km_median: 1,
};

type Stat = readonly [name: string, value: number | string | null, decimals: number | null];
interface Block {
  context: string;
  variable?: string;
  level?: string | null;
  stats: Stat[];
}

/** A proportion 0–1 from a percentage 0–100 (null stays null: a limit not reached). */
const proportion = (pct: number | null | undefined) => (pct == null ? null : pct / 100);

function value(stats: Stats, key: string): number | null {
  if (!(key in stats)) throw new Error(`ARD: stats.${key} missing`);
  return stats[key]!;
}

/** The statistics of one result, in blocks of one context, by its display format. */
/** A proportion's exact 95% CI as cards' stats (0–1). */
const exactCi = (s: Result["stats"], d: number): Stat[] => [["conf.low", proportion(value(s, "ci_low")), d + 2],
  ["conf.high", proportion(value(s, "ci_high")), d + 2], ["conf.level", 0.95, null],
  ["method", "Exact binomial (Clopper-Pearson)", null]];

function blocks(result: Result, format: Format, categorical: boolean): Block[] {
  const s = result.stats;
  const d = DECIMALS[format];
  const N: Stat = ["N", result.denominator, 0];
  const summary = (keys: readonly string[]): Stat[] => keys.filter((k) => k in s).map((k) => [k, s[k]!, d]);
  switch (format) {
    case "count":
      return [{context: "total_n", stats: [["N", value(s, "n"), 0]]}];
    case "n_pct":
    case "n_of_pct":
    case "none_or_n_pct":
      return [{context: categorical ? "categorical" : "dichotomous",
        stats: [["n", value(s, "n"), 0], N, ["p", proportion(value(s, "pct")), d + 2],
          ...("events" in s ? [["n.event", s.events!, 0] as const] : [])]},
      // A proportion's exact CI, where the result has one (cardx's ard_categorical_ci).
      ...("ci_low" in s ? [{context: "proportion_ci", stats: exactCi(s, d)}] : [])];
    case "mean_range":
    case "pct_mean_range":
    case "mean_1dp":
      return [{context: "continuous",
        stats: [N, ...("n" in s ? [["N_nonmiss", s.n!, 0] as const] : []), ...summary(["mean", "median", "min", "max"])]}];
    case "pct_ci":
      return [{context: "proportion_ci",
        stats: [N, ["n", value(s, "n"), 0], ["estimate", proportion(value(s, "pct")), d + 2], ...exactCi(s, d)]}];
    case "shrinkage":
      return [{context: "continuous", stats: [N, ["n", value(s, "n"), 0], ...summary(["min", "max"])]}];
    case "months_range":
    case "months_range_1dp":
    case "km_median":
      // Observed times (months), then the Kaplan–Meier median: cardx's ard_survival_survfit(probs = 0.5).
      return [
        {context: "continuous", stats: [N, ["N_nonmiss", value(s, "n"), 0],
          ...("events" in s ? [["n.event", s.events!, 0] as const] : []), ...summary(["median", "min", "max"])]},
        {context: "survival", variable: "prob", level: "0.5", stats: [["estimate", value(s, "km_median"), 1],
          ["conf.low", value(s, "km_ci_low"), 1], ["conf.high", value(s, "km_ci_high"), 1]]},
      ];
  }
}

/** A Kaplan–Meier table (tte.*.rows) as cardx's ard_survival_survfit(times = …): one block per time (days). */
function kmBlocks(rows: readonly Row[]): Block[] {
  return rows.map((row) => ({
    context: "survival", variable: "time", level: String(row.time_days),
    stats: [["time_months", row.time as number, 1], ["estimate", row.surv as number | null, 2],
      ["std.error", row.se as number | null, 3], ["conf.low", row.ci_low as number | null, 2],
      ["conf.high", row.ci_high as number | null, 2], ["n.risk", row.n_risk as number, 0],
      ["n.event", row.n_event as number, 0], ["n.censor", row.n_censor as number, 0]],
  }));
}

/** Grade 3–4 adverse events by preferred term (safety.grade34 rows). */
function aeBlocks(result: Result): Block[] {
  return (result.rows ?? []).map((row) => ({
    context: "hierarchical", variable: "AEDECOD", level: String(row.AEDECOD),
    stats: [["n", row.n_patients as number, 0], ["N", result.denominator, 0], ["n.event", row.n_events as number, 0]],
  }));
}

/** The ARD of a results dataset, in the catalog's order; throws for a result it does not know how to describe. */
export function toArd(data: ResultsDataset): ArdRow[] {
  const counted = new Map<string, number>();
  for (const [dataset, paramcd, variable] of Object.values(VARIABLES)) {
    const key = `${dataset}/${paramcd}/${variable}`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  const byId = new Map(data.results.map((r) => [r.id, r]));
  const labelled = new Set<string>();
  const out: ArdRow[] = [];
  for (const entry of CATALOG) {
    const result = byId.get(entry.id);
    if (!result || NOT_IN_ARD.has(entry.id)) continue;
    const where = VARIABLES[entry.id];
    if (!where || entry.display === null) throw new Error(`ARD: no ADaM variable or format for result ${entry.id}`);
    const [dataset, paramcd, variable, level] = where;
    const key = `${dataset}/${paramcd}/${variable}`;
    const categorical = counted.get(key)! > 1;
    // cards' ard_attributes: the label gtsummary shows for the variable (a level's section, or the result's own).
    const label: Block[] = labelled.has(key) || entry.display === "count" ? []
      : [{context: "attributes", stats: [["label", categorical ? result.section : result.label, null]]}];
    labelled.add(key);
    const all = [
      ...label,
      ...blocks(result, entry.display, categorical),
      ...(entry.id.startsWith("tte.") && entry.id !== "tte.followup" ? kmBlocks(result.rows ?? []) : []),
      ...(entry.id === "safety.grade34" ? aeBlocks(result) : []),
    ];
    for (const block of all) {
      for (const [stat_name, stat, fmt_fun] of block.stats) {
        out.push({
          group1: null, group1_level: null, variable: block.variable ?? variable,
          variable_level: block.variable ? block.level ?? null : block.context === "attributes" ? null : level,
          context: block.context, stat_name,
          stat_label: STAT_LABELS[stat_name]!, stat, fmt_fun, warning: null, error: null, result_id: result.id, dataset,
          paramcd, population: result.population, method: result.method, source: result.source,
        });
      }
    }
  }
  return out;
}

/** The ARD as CSV: empty cells for missing values, numbers as JavaScript writes them (exact round trip). */
export function ardCsv(rows: readonly ArdRow[]): string {
  return csvFormatRows([[...ARD_COLUMNS], ...rows.map((row) => ARD_COLUMNS.map((column) => {
    const cell = row[column];
    return cell === null ? "" : String(cell);
  }))]) + "\n";
}

/** The ARD as JSON: an array of row objects (jsonlite::fromJSON reads it as a data frame). */
export function ardJson(rows: readonly ArdRow[]): string {
  return JSON.stringify(rows) + "\n";
}
