// Kaplan–Meier figure from a tte.* result: step curve with censor marks and the 95% CI band,
// the median marked (or "not reached" said plainly), nothing drawn after the last follow-up,
// the risk table aligned under the x-axis, and tooltips naming the patients behind each step.
import * as Plot from "@observablehq/plot";
import type {Result} from "../../core/results/lookup.js";
import type {KMRow, RiskRow} from "../../core/results/rows.js";
import {fmtMonths, kmMedianText, monthsText} from "../../core/results/format.js";
import {figure} from "./figure.js";
import {patientList} from "../page/text.js";
import {riskTable} from "./risk-table.js";
import {allResults} from "../derivation/shipped.js";

/** Patients behind a step, the first ten named: a tooltip stays readable at any N. */
const named = (ids: readonly number[]) => (ids.length > 10 ? `${patientList(ids.slice(0, 10))} and ${ids.length - 10} more` : patientList(ids));

const count = (n: number) => n.toLocaleString("en-US");

const pct = (value: number | null) => (value == null ? "–" : `${Math.round(value * 100)}%`);

function stepText(row: KMRow): string {
  const lines = [`Month ${fmtMonths(row.time)} (day ${row.time_days})`, `Estimate ${pct(row.surv)} (95% CI ${pct(row.ci_low)}–${pct(row.ci_high)})`, `At risk ${row.n_risk}`];
  // A large cohort's results list no patients: the counts say it then.
  if (row.n_event) lines.push(row.event_ids ? `Event: ${named(row.event_ids)}` : `Events: ${row.n_event}`);
  if (row.n_censor) lines.push(row.censor_ids ? `Censored: ${named(row.censor_ids)}` : `Censored: ${row.n_censor}`);
  return lines.join("\n");
}

/**
 * `risk` is the curve's number-at-risk table (tte.*.risk): its months are the x-axis ticks, and the times a thinned
 * KM table keeps rows around. `what` names the curve in the figure's description; `origin` says where its time starts,
 * for the x-axis label ("Months since start", "Months since response" for the duration of response).
 */
export function kmPlot(result: Result<KMRow>, risk: Result<RiskRow>, {width, what, origin = "start"}: {width: number; what: string; origin?: string}): HTMLElement {
  const rows = [...(result.rows ?? [])].sort((a, b) => a.time - b.time);
  const lastTime = rows.at(-1)?.time ?? 0;
  const ticks = (risk.rows ?? []).map((row) => row.time);
  const median = result.stats.km_median ?? null;
  const marginLeft = 110;
  const marginRight = 20;
  const n = result.stats.n ?? rows[0]?.n_risk ?? 0;
  const events = result.stats.events ?? rows.reduce((sum, row) => sum + row.n_event, 0);
  const description =
    `Kaplan–Meier estimate of ${what} for ${n} patients with ${events} events, followed to month ${fmtMonths(lastTime)}; shaded band: ` +
    `pointwise 95% confidence interval; plus signs: censored patients. Median ${kmMedianText(result.stats)}.`;
  const steps = rows.filter((row) => row.n_event > 0 || row.n_censor > 0);
  const plot = Plot.plot({
    width,
    height: Math.min(340, Math.max(220, width * 0.45)),
    marginLeft,
    marginRight,
    ariaLabel: `Kaplan–Meier curve of ${what}`,
    ariaDescription: description,
    x: {domain: [0, ticks.at(-1)!], ticks, label: `Months since ${origin}`, labelAnchor: "right"},
    y: {domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}%`, label: `${result.label} (%)`, grid: true},
    marks: [
      Plot.areaY(rows.filter((row) => row.ci_low != null && row.ci_high != null), {x: "time", y1: "ci_low", y2: "ci_high", curve: "step-after", fill: "currentColor", fillOpacity: 0.14, className: "km-ci", ariaDescription: "95% confidence band"}),
      Plot.lineY(rows, {x: "time", y: "surv", curve: "step-after", stroke: "currentColor", strokeWidth: 2, className: "km-curve", ariaDescription: "Kaplan–Meier step curve"}),
      Plot.dot(rows.filter((row) => row.n_censor > 0), {x: "time", y: "surv", symbol: "plus", r: 5, stroke: "currentColor", strokeWidth: 1.5, className: "km-censor", ariaDescription: "censored patients"}),
      median != null ? Plot.ruleY([0.5], {x1: 0, x2: median, stroke: "currentColor", strokeDasharray: "3,3", className: "km-median", ariaDescription: "median"}) : null,
      median != null ? Plot.ruleX([median], {y1: 0, y2: 0.5, stroke: "currentColor", strokeDasharray: "3,3", ariaHidden: "true"}) : null,
      Plot.text([`Median ${monthsText(median)}`], {frameAnchor: "top-right", dy: 4, fill: "currentColor", fontWeight: "bold"}),
      Plot.tip(steps, Plot.pointer({x: "time", y: "surv", title: stepText}))
    ]
  }) as SVGSVGElement;
  const riskSvg = riskTable(risk.rows ?? [], {width, marginLeft, marginRight, title: result.label});
  const {thinned} = result;
  return figure({
    title: `${result.label}`,
    description,
    parts: [plot, riskSvg],
    // A long table reaches the page thinned for drawing (docs/results.md, "Page slices"); the CSV has every row.
    notes: thinned ? [`Drawn from ${count(rows.length)} of the ${count(thinned.rows)} rows of the Kaplan–Meier table: every step where the estimate or a bound of its confidence interval moves by at least ${thinned.delta}, and the times of the number-at-risk table; events and censorings between two drawn steps are counted, and marked, at the later one. The CSV download has every row.`] : [],
    data: thinned ? async () => ((await allResults()).results.find((r) => r.id === result.id)?.rows ?? []) : rows.map((row) => ({...row})),
    filename: `km-${result.id.replace(/^tte\./, "")}`
  });
}
