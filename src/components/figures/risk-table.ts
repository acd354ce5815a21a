// The number-at-risk table under a Kaplan–Meier curve, drawn from its result tte.*.risk (src/sql/analysis/km_risk.sql):
// at each tick of the time axis, the patients still at risk, and the events and censorings so far.
import * as Plot from "@observablehq/plot";
import type {RiskRow} from "../../core/results/rows.js";

const LINES = [
  {key: "n_risk", label: "At risk"},
  {key: "events", label: "Events (cum.)"},
  {key: "censored", label: "Censored (cum.)"}
] as const;

/** The risk table as an SVG drawn on the same x scale (0 to the last tick) and margins as the curve above it. */
export function riskTable(table: readonly RiskRow[], {width, marginLeft, marginRight, title}: {width: number; marginLeft: number; marginRight: number; title: string}): SVGSVGElement {
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
    x: {domain: [0, table.at(-1)!.time], axis: null},
    y: {domain: LINES.map((line) => line.label), label: null, tickSize: 0, tickPadding: 16, axis: "left"}, // clear of 3-digit counts at month 0
    marks: [
      Plot.text(cells, {x: "time", y: "line", text: "value", fill: "currentColor", fontVariant: "tabular-nums", className: "risk-cell"}),
      Plot.text(["Number at risk"], {frameAnchor: "top-left", dx: -marginLeft, dy: -16, fontWeight: "bold", fill: "currentColor"})
    ]
  }) as SVGSVGElement;
}
