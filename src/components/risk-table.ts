// The number-at-risk table under a Kaplan–Meier curve: at each tick of the time axis, the
// patients still at risk, and the events and censorings so far, read off the KM table rows.
import * as Plot from "@observablehq/plot";
import type {KMRow} from "../core/results/rows.js";

export interface RiskAt {
  time: number;
  n_risk: number;
  events: number;
  censored: number;
}

/** At risk at t = those with time ≥ t (the first KM row at or after t); events and censorings up to and including t. */
export function riskAt(rows: readonly KMRow[], times: readonly number[]): RiskAt[] {
  const sorted = [...rows].sort((a, b) => a.time - b.time);
  return times.map((t) => {
    const upTo = sorted.filter((row) => row.time <= t);
    return {
      time: t,
      n_risk: sorted.find((row) => row.time >= t)?.n_risk ?? 0,
      events: upTo.reduce((sum, row) => sum + row.n_event, 0),
      censored: upTo.reduce((sum, row) => sum + row.n_censor, 0)
    };
  });
}

const LINES = [
  {key: "n_risk", label: "At risk"},
  {key: "events", label: "Events (cum.)"},
  {key: "censored", label: "Censored (cum.)"}
] as const;

/** The risk table as an SVG drawn on the same x scale and margins as the curve above it. */
export function riskTable(rows: readonly KMRow[], ticks: number[], {width, marginLeft, marginRight, title}: {width: number; marginLeft: number; marginRight: number; title: string}): SVGSVGElement {
  const table = riskAt(rows, ticks);
  const cells = table.flatMap((at) => LINES.map((line) => ({time: at.time, line: line.label, value: at[line.key]})));
  const description = LINES.map((line) => `${line.label}: ${table.map((at) => `month ${at.time} ${at[line.key]}`).join(", ")}`).join(". ") + ".";
  return Plot.plot({
    width,
    height: 24 + LINES.length * 20,
    marginLeft,
    marginRight,
    marginTop: 18,
    marginBottom: 4,
    ariaLabel: `Number at risk, cumulative events and cumulative censored under the ${title} curve`,
    ariaDescription: description,
    x: {domain: [0, ticks.at(-1)!], axis: null},
    y: {domain: LINES.map((line) => line.label), label: null, tickSize: 0, tickPadding: 16, axis: "left"}, // clear of 3-digit counts at month 0
    marks: [
      Plot.text(cells, {x: "time", y: "line", text: "value", fill: "currentColor", fontVariant: "tabular-nums", className: "risk-cell"}),
      Plot.text(["Number at risk"], {frameAnchor: "top-left", dx: -marginLeft, dy: -16, fontWeight: "bold", fill: "currentColor"})
    ]
  }) as SVGSVGElement;
}
