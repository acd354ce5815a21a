// Kaplan–Meier estimator with Greenwood variance and log-log confidence intervals, following the
// conventions of R's survival package (survfit(..., conf.type = "log-log"), print.survfit):
// - Ties: at a time with both events and censorings, the censored patients are still at risk for
//   the events (events are processed first), so S(t) = Π (1 − d/n) with n = number with time ≥ t.
// - Greenwood: var(log S(t)) = Σ d / (n (n − d)); the reported `se` is the SE of S(t) itself,
//   S(t)·sqrt(Σ d/(n(n − d))). It is null once S = 0 (R reports NaN there).
// - 95% CI on the log(−log S) scale: exp(−exp(log(−log S) ± z·σ / log S)), σ = sqrt(Σ d/(n(n − d))).
//   Undefined (null; R reports NA) where S = 1 or S = 0.

export interface SurvivalRecord {
  id: number | string;
  /** Days from Day 1 (AVAL). */
  time: number;
  /** true = event, false = censored. */
  event: boolean;
}

export interface KmRow {
  time_days: number;
  n_risk: number;
  n_event: number;
  n_censor: number;
  surv: number;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  event_ids: (number | string)[];
  censor_ids: (number | string)[];
}

/** qnorm(0.975): the tables are always 95% intervals. */
const Z95 = 1.959963984540054;

/** R's tolerance for "S equals 0.5 exactly" (survmean: .Machine$double.eps^0.5). */
const TOLERANCE = Math.sqrt(Number.EPSILON);

function logLogBand(surv: number, sigma: number): {ci_low: number | null; ci_high: number | null} {
  if (surv <= 0 || surv >= 1) return {ci_low: null, ci_high: null};
  const centre = Math.log(-Math.log(surv));
  const half = (Z95 * sigma) / Math.log(surv); // negative, since log S < 0
  return {ci_low: Math.exp(-Math.exp(centre - half)), ci_high: Math.exp(-Math.exp(centre + half))};
}

/** The KM table: a time-0 row, then one row per distinct observed time (event or censoring). */
export function kaplanMeier(records: readonly SurvivalRecord[]): KmRow[] {
  for (const r of records) {
    if (!Number.isFinite(r.time) || r.time < 0) throw new RangeError(`kaplanMeier: bad time ${r.time} for ${r.id}`);
  }
  const sorted = [...records].sort((a, b) => a.time - b.time);
  const rows: KmRow[] = [
    {
      time_days: 0, n_risk: records.length, n_event: 0, n_censor: 0, surv: 1, se: 0,
      ci_low: null, ci_high: null, event_ids: [], censor_ids: [],
    },
  ];
  let surv = 1;
  let greenwood = 0;
  // Walk the records in time order; `start` is the first record at the current time, so the
  // number at risk is everyone from it on.
  for (let start = 0; start < sorted.length; ) {
    const t = sorted[start].time;
    let end = start;
    while (end < sorted.length && sorted[end].time === t) end++;
    const here = sorted.slice(start, end);
    const atRisk = sorted.length - start;
    start = end;
    const events = here.filter((r) => r.event);
    const censored = here.filter((r) => !r.event);
    const d = events.length;
    surv *= 1 - d / atRisk;
    // d = n makes the Greenwood term infinite; S is then 0 and its SE undefined.
    greenwood += d === 0 ? 0 : d === atRisk ? Infinity : d / (atRisk * (atRisk - d));
    const sigma = Math.sqrt(greenwood);
    if (t === 0 && d === 0) {
      // Censoring at time 0 only changes the counts of the time-0 row.
      rows[0].n_censor = censored.length;
      rows[0].censor_ids = censored.map((r) => r.id);
      continue;
    }
    rows.push({
      time_days: t,
      n_risk: atRisk,
      n_event: d,
      n_censor: censored.length,
      surv,
      se: surv === 0 ? null : surv * sigma,
      ...logLogBand(surv, sigma),
      event_ids: events.map((r) => r.id),
      censor_ids: censored.map((r) => r.id),
    });
  }
  return rows;
}

/** Reverse Kaplan–Meier (censoring as the event), for the median potential follow-up. */
export function reverseKaplanMeier(records: readonly SurvivalRecord[]): KmRow[] {
  return kaplanMeier(records.map((r) => ({...r, event: !r.event})));
}

/**
 * R's print(survfit) median rule (survival 3.5, survmean's `minmin`), applied to a curve given as
 * values y at times x: the first time y < 0.5 + tolerance (undefined values skipped); but if y
 * there equals 0.5 (within tolerance) and the curve later drops below it, the midpoint between
 * that time and the time of the drop. Null when the curve never reaches 0.5.
 * (quantile.survfit differs only when the curve ends exactly at 0.5: it then returns the midpoint
 * with the last observed time, where print(survfit) returns the time 0.5 was reached.)
 */
function firstHalf(x: readonly number[], y: readonly (number | null)[]): number | null {
  const kept = x
    .map((time, i) => ({time, value: y[i]}))
    .filter((pt): pt is {time: number; value: number} => pt.value !== null && pt.value < 0.5 + TOLERANCE);
  if (kept.length === 0) return null;
  const first = kept[0];
  const drop = kept.find((pt) => pt.value < first.value);
  return Math.abs(first.value - 0.5) < TOLERANCE && drop !== undefined ? (first.time + drop.time) / 2 : first.time;
}

export interface KmMedian {
  /** Days; null when not reached. */
  estimate: number | null;
  /** 95% CI (Brookmeyer–Crowley as R computes it: the median rule applied to the log-log bands). */
  ci_low: number | null;
  ci_high: number | null;
}

/**
 * Median survival time with its 95% CI, as R's print(survfit(..., conf.type = "log-log")) shows
 * "median 0.95LCL 0.95UCL": median = first time S(t) ≤ 0.5 (midpoint rule when S = 0.5 exactly,
 * see firstHalf); 0.95LCL = first time the lower band ≤ 0.5; 0.95UCL = first time the upper band
 * ≤ 0.5. Bands are undefined where S = 1 or S = 0, so a UCL after the curve reaches 0 is null.
 */
export function kmMedian(rows: readonly KmRow[]): KmMedian {
  const x = rows.map((r) => r.time_days);
  return {
    estimate: firstHalf(x, rows.map((r) => r.surv)),
    ci_low: firstHalf(x, rows.map((r) => r.ci_low)),
    ci_high: firstHalf(x, rows.map((r) => r.ci_high)),
  };
}
