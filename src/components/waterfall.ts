// Waterfall plot of the best percentage change of the primary tumour (response.waterfall rows):
// one bar per patient, largest growth on the left and largest shrinkage on the right, ties in
// USUBJID order; bars coloured by the patient's best overall response as derived (never
// inferred from the percentage); optional RECIST reference lines at +20% and −30%.
import * as Plot from "@observablehq/plot";
import {BOR_COLOR, BOR_NAME, BOR_ORDER, borColorScale} from "../core/results/bor.js";
import type {WaterfallRow} from "../core/results/rows.js";
import {figure} from "./figure.js";
import {legend} from "./legend.js";

/** Bars left to right: descending change, ties by patient number. */
export function waterfallOrder(rows: readonly WaterfallRow[]): WaterfallRow[] {
  return [...rows].sort((a, b) => b.PCHG - a.PCHG || a.USUBJID - b.USUBJID);
}

const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(1)}%`;

export function waterfall(rows: readonly WaterfallRow[], {width, referenceLines}: {width: number; referenceLines: boolean}): HTMLElement {
  const ordered = waterfallOrder(rows);
  const label = (row: WaterfallRow) => `#${row.USUBJID}`;
  const shrinking = ordered.filter((row) => row.PCHG < 0).length;
  const description =
    `${ordered.length} patients, ${shrinking} with shrinkage of the primary tumour. Each bar is one patient's best change in the ` +
    "longest diameter of the primary tumour from baseline before resection (negative = shrinkage), coloured by best overall response" +
    (referenceLines ? "; dashed lines at +20% (progression) and −30% (partial response) as in RECIST 1.1." : ".");
  const plotWidth = Math.min(width, 160 + 70 * ordered.length); // bars no wider than a readable column
  const plot = Plot.plot({
    width: plotWidth,
    height: Math.min(420, Math.max(260, plotWidth * 0.5)),
    marginLeft: 56,
    ariaLabel: "Waterfall plot of best change of the primary tumour",
    ariaDescription: description,
    // Patient numbers under the bars while they fit; beyond that the tooltips name them.
    x: {domain: ordered.map(label), label: "Patient", tickSize: 0, ...(ordered.length * 24 > plotWidth ? {ticks: []} : {})},
    y: {label: "Best change from baseline (%)", grid: true, tickFormat: (d: number) => `${d > 0 ? "+" : d < 0 ? "−" : ""}${Math.abs(d)}`},
    color: borColorScale(ordered.map((row) => row.BOR)),
    marks: [
      Plot.barY(ordered, {
        x: label,
        y: "PCHG",
        fill: "BOR",
        className: "waterfall-bar", ariaDescription: "one bar per patient",
        title: (row: WaterfallRow) => `Patient #${row.USUBJID} (${row.MORPH})\nBest change ${signed(row.PCHG)}\n${BOR_NAME[row.BOR]}`,
        tip: true,
        render(index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          // Name each bar's patient on the drawing, for readers' tools and the tests.
          g.querySelectorAll("rect").forEach((rect, j) => {
            const row = ordered[index[j]!]!;
            rect.setAttribute("data-usubjid", String(row.USUBJID));
            rect.setAttribute("data-pchg", String(row.PCHG));
            rect.setAttribute("data-bor", row.BOR);
          });
          return g;
        }
      }),
      referenceLines ? Plot.ruleY([20, -30], {stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.8, className: "waterfall-reference", ariaDescription: "RECIST reference lines at +20% and −30%"}) : null,
      referenceLines ? Plot.text([{y: 20, t: "+20%"}, {y: -30, t: "−30%"}], {y: "y", text: "t", frameAnchor: "right", dy: -6, fill: "currentColor", ariaHidden: "true"}) : null,
      Plot.ruleY([0], {stroke: "currentColor"})
    ]
  }) as SVGSVGElement;
  const present = BOR_ORDER.filter((bor) => ordered.some((row) => row.BOR === bor));
  const key = legend(present.map((bor) => ({label: BOR_NAME[bor], color: BOR_COLOR[bor], shape: "rect"})), width, "Best overall response");
  return figure({
    title: "Best change of the primary tumour",
    description,
    parts: [key, plot],
    data: ordered.map((row) => ({...row})),
    filename: "waterfall"
  });
}
