// Waterfall plot of the best percentage change of the primary tumour (response.waterfall rows):
// one bar per patient, largest growth on the left and largest shrinkage on the right, ties in
// USUBJID order; bars coloured by the patient's best overall response as derived (never
// inferred from the percentage); optional RECIST reference lines at +20% and −30%, labelled in the margin beside
// the axis. A PD bar below +20% (progression by new or non-target lesions, not by growth of the primary) is marked
// and explained in a note under the figure.
import * as Plot from "@observablehq/plot";
import {BOR_COLOR, BOR_NAME, BOR_ORDER, borColorScale} from "../../core/results/bor.js";
import type {WaterfallRow} from "../../core/results/rows.js";
import {figure} from "./figure.js";
import {legend} from "./legend.js";

/** Bars left to right: descending change, ties by patient number. */
export function waterfallOrder(rows: readonly WaterfallRow[]): WaterfallRow[] {
  return [...rows].sort((a, b) => b.PCHG - a.PCHG || a.USUBJID - b.USUBJID);
}

/** PD by something other than the primary's growth: the change is below RECIST's +20% (PDSITE says where). */
export const pdElsewhere = (row: WaterfallRow) => row.BOR === "PD" && row.PCHG < 20;

/** "DISTANT, LOCOREGIONAL" → "distant and locoregional progression". */
const sites = (pdsite: string | null) =>
  pdsite ? `${pdsite.toLowerCase().split(", ").join(" and ")} progression` : "progression outside the primary tumour";

const PD_MARK = "†";

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
  const marked = ordered.filter(pdElsewhere);
  // One note per patient while they are few; then one for all (each bar's tooltip still says where).
  const notes = marked.length > 5
    ? [`${PD_MARK} ${marked.length} patients: best overall response PD by new or non-target lesions (RECIST 1.1) while the primary tumour changed less than +20%.`]
    : marked.map((row) =>
      `${PD_MARK} Patient #${row.USUBJID}: best overall response PD by ${sites(row.PDSITE)} (new or non-target lesions, RECIST 1.1) while the primary tumour changed ${signed(row.PCHG)}, below the +20% threshold.`);
  // Every bar and both reference lines inside the axis, to the next round tick.
  const extent = [Math.min(-30, ...ordered.map((row) => row.PCHG)), Math.max(20, ...ordered.map((row) => row.PCHG))];
  const plot = Plot.plot({
    width: plotWidth,
    height: Math.min(420, Math.max(260, plotWidth * 0.5)),
    marginLeft: 56,
    marginRight: referenceLines ? 44 : 20, // the reference lines' labels, beside the frame
    ariaLabel: "Waterfall plot of best change of the primary tumour",
    ariaDescription: description,
    // Patient numbers under the bars while they fit; beyond that the tooltips name them.
    x: {domain: ordered.map(label), label: "Patient", tickSize: 0, ...(ordered.length * 24 > plotWidth ? {ticks: []} : {})},
    y: {domain: extent, nice: true, label: "Best change from baseline (%)", grid: true, tickFormat: (d: number) => `${d > 0 ? "+" : d < 0 ? "−" : ""}${Math.abs(d)}`},
    color: borColorScale(ordered.map((row) => row.BOR)),
    marks: [
      Plot.barY(ordered, {
        x: label,
        y: "PCHG",
        fill: "BOR",
        className: "waterfall-bar", ariaDescription: "one bar per patient",
        title: (row: WaterfallRow) => `Patient #${row.USUBJID} (${row.MORPH})\nBest change ${signed(row.PCHG)}\n${BOR_NAME[row.BOR]}${pdElsewhere(row) ? ` by ${sites(row.PDSITE)}` : ""}`,
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
      referenceLines ? Plot.text([{y: 20, t: "+20%"}, {y: -30, t: "−30%"}], {y: "y", text: "t", frameAnchor: "right", textAnchor: "start", dx: 4, fill: "currentColor", className: "waterfall-reference-label", ariaHidden: "true"}) : null,
      Plot.text(marked, {x: label, y: (row: WaterfallRow) => Math.max(0, row.PCHG), text: () => PD_MARK, dy: -8, fontSize: 14, fill: "currentColor", className: "waterfall-pd-mark", ariaDescription: "progression by new or non-target lesions"}),
      Plot.ruleY([0], {stroke: "currentColor"})
    ]
  }) as SVGSVGElement;
  const present = BOR_ORDER.filter((bor) => ordered.some((row) => row.BOR === bor));
  const key = legend(present.map((bor) => ({label: BOR_NAME[bor], color: BOR_COLOR[bor], shape: "rect"})), width, "Best overall response");
  return figure({
    title: "Best change of the primary tumour",
    description,
    parts: [key, plot],
    notes,
    data: ordered.map((row) => ({...row})),
    filename: "waterfall"
  });
}
