// Swimmer plot (the paper's Fig. 1C) from swimmer.lanes/segments/markers: one lane per patient
// on a months axis, labelled with the patient and the best overall response (and a square in its colour), treatment
// segments, markers of response onset, a later complete response, progression and death, and an arrow for patients
// alive at the cut-off. One tooltip for the whole figure: at most one shows, and leaving the figure or pressing
// Escape dismisses it (also one pinned by a click).
import * as Plot from "@observablehq/plot";
import {BOR_COLOR, BOR_NAME, BOR_ORDER} from "../../core/results/bor.js";
import {fmtMonths} from "../../core/results/format.js";
import type {BOR, MarkerKind, SwimmerLane, SwimmerMarker, SwimmerSegment} from "../../core/results/rows.js";
import {dodgeMarkers, laneNote, layoutLanes, SWIMMER_ORDERS, type Dodged, type Lane, type LaneFilter} from "../../core/results/swimmer-layout.js";
import {figure} from "./figure.js";
import {DAYS_PER_MONTH, months} from "../page/text.js";
import {legend, type LegendItem} from "./legend.js";
import {tagPatients} from "./lineage-marks.js";
import {MARKERS, SEGMENTS} from "./swimmer-keys.js";
import {dismissible} from "./tooltip.js";

export interface SwimmerData {
  /** Patients in the cohort (cohort.n): the lanes in the results may be fewer, */
  n: number;
  /** ...then those of a sample, in words (report.limits.lanes.selection). */
  sample?: string;
  lanes: Lane[];
  segments: SwimmerSegment[];
  markers: SwimmerMarker[];
}

const MARKER_PX = 9; // markers closer than this on screen are offset within the lane

/** What the figure's one tooltip can point at: a lane, a treatment, a marker, each at its place on the plot. */
interface Tippable {
  x: number;
  y: number;
  text: string;
}

export function swimmer(data: SwimmerData, filter: LaneFilter, {width}: {width: number}): HTMLElement {
  const layout = layoutLanes(data.lanes, filter);
  const lanes = layout.lanes;
  const index = new Map(lanes.map((lane, i) => [lane.USUBJID, i]));
  const laneOf = new Map(lanes.map((lane) => [lane.USUBJID, lane]));
  const name = (id: number) => `#${id} ${laneOf.get(id)!.MORPH}`;
  const laneLabel = (lane: Lane) => `#${lane.USUBJID} · ${lane.BOR}`;
  const segments = data.segments.filter((s) => index.has(s.USUBJID));
  const maxMonths = Math.max(1, ...lanes.map((lane) => months(lane.followup_days)), ...segments.map((s) => months(s.end_day)));
  const arrow = maxMonths * 0.04;
  const domainMax = maxMonths + arrow * 1.5;
  const marginLeft = 96;
  const plotWidth = Math.max(100, width - marginLeft - 20);
  const daysPerPx = (domainMax * DAYS_PER_MONTH) / plotWidth;
  const markers = dodgeMarkers(data.markers.filter((m) => index.has(m.USUBJID)), MARKER_PX * daysPerPx);
  const minDays = 3 * daysPerPx; // one-day procedures stay visible as a 3 px bar
  const y = (id: number) => index.get(id)!;
  const markerText = (m: Dodged) =>
    `${name(m.USUBJID)}\n${m.kind === "response" ? `Response onset: ${m.label}` : m.kind === "complete_response" ? "Complete response reached" : m.label || MARKERS[m.kind].name}\nStudy day ${m.day} (month ${fmtMonths(months(m.day))})`;
  const laneText = (lane: SwimmerLane) =>
    `${name(lane.USUBJID)}\nBest overall response: ${BOR_NAME[lane.BOR]}\nFollow-up to study day ${lane.followup_days} (month ${fmtMonths(months(lane.followup_days))}), ${lane.alive ? "alive at cut-off" : "died"}`;
  const segmentEnd = (s: SwimmerSegment) => months(Math.max(s.end_day, s.start_day + minDays));
  const tippable: Tippable[] = [
    ...lanes.flatMap((lane) => [
      {x: months(lane.followup_days), y: y(lane.USUBJID), text: laneText(lane)},
      {x: 0, y: y(lane.USUBJID), text: laneText(lane)} // the best-response square at the lane's start
    ]),
    ...segments.map((s) => ({x: (months(s.start_day) + segmentEnd(s)) / 2, y: y(s.USUBJID),
      text: `${name(s.USUBJID)}\n${SEGMENTS[s.kind].name}\nStudy day ${s.start_day}${s.end_day !== s.start_day ? `–${s.end_day}` : ""}`})),
    ...markers.map((m) => ({x: months(m.day), y: y(m.USUBJID) + m.offset, text: markerText(m)}))
  ];
  const description =
    `${lanes.length.toLocaleString("en-US")} of ${data.n.toLocaleString("en-US")} patients, one lane each from the start of treatment (month 0) to death or last follow-up, ordered by ` +
    `${SWIMMER_ORDERS[filter.order].toLowerCase()}. ` +
    "Each lane is labelled with the patient and the best overall response, with a square in its colour at the start. " +
    "Bars show treatment phases; symbols mark the response onset, a complete response reached later, locoregional and distant progression and death; an arrow marks a patient alive at the cut-off.";
  const plot = Plot.plot({
    width,
    height: 50 + Math.max(1, lanes.length) * 34,
    marginLeft,
    marginRight: 20,
    ariaLabel: "Swimmer plot of treatment and outcome per patient",
    ariaDescription: description,
    x: {domain: [0, domainMax], label: "Months since start of treatment", grid: true},
    y: {domain: [-0.5, Math.max(0, lanes.length - 0.5)], reverse: true, ticks: lanes.map((_, i) => i), tickFormat: (i: number) => (lanes[i] ? laneLabel(lanes[i]!) : ""), label: null, tickSize: 0, tickPadding: 18},
    marks: [
      Plot.ruleY(lanes, {y: (lane: SwimmerLane) => y(lane.USUBJID), x1: 0, x2: (lane: SwimmerLane) => months(lane.followup_days), stroke: "currentColor", strokeOpacity: 0.45, strokeWidth: 2, className: "swimmer-lane", ariaDescription: "follow-up of each patient",
        render: tagPatients(lanes, "line")}),
      // The best overall response of each lane, just left of month 0, between the label and the lane.
      Plot.dot(lanes, {x: 0, y: (lane: SwimmerLane) => y(lane.USUBJID), dx: -10, symbol: "square", r: 4.5, fill: (lane: SwimmerLane) => BOR_COLOR[lane.BOR], stroke: "currentColor", strokeWidth: 0.5,
        className: "swimmer-bor", ariaDescription: "best overall response", render: tagPatients(lanes, "path")}),
      Plot.rect(segments, {
        x1: (s: SwimmerSegment) => months(s.start_day),
        x2: segmentEnd,
        y1: (s: SwimmerSegment) => y(s.USUBJID) - 0.27,
        y2: (s: SwimmerSegment) => y(s.USUBJID) + 0.27,
        fill: (s: SwimmerSegment) => SEGMENTS[s.kind].color,
        className: "swimmer-segment", ariaDescription: "treatment phases"
      }),
      Plot.arrow(lanes.filter((lane) => lane.alive), {
        x1: (lane: SwimmerLane) => months(lane.followup_days),
        x2: (lane: SwimmerLane) => months(lane.followup_days) + arrow,
        y1: (lane: SwimmerLane) => y(lane.USUBJID),
        y2: (lane: SwimmerLane) => y(lane.USUBJID),
        stroke: "currentColor",
        strokeWidth: 2,
        headLength: 8,
        className: "swimmer-alive", ariaDescription: "alive at cut-off"
      }),
      ...(Object.keys(MARKERS) as MarkerKind[]).map((kind) => {
        const style = MARKERS[kind];
        const stroked = style.symbol === "times";
        return Plot.dot(markers.filter((m) => m.kind === kind), {
          x: (m: Dodged) => months(m.day),
          y: (m: Dodged) => y(m.USUBJID) + m.offset,
          symbol: style.symbol,
          r: 5,
          fill: stroked ? "none" : kind === "response" ? (m: Dodged) => BOR_COLOR[m.label as BOR] ?? style.color : style.color,
          stroke: "currentColor",
          strokeWidth: stroked ? 2.5 : 1,
          className: `swimmer-${kind}`, ariaDescription: style.name
        });
      }),
      Plot.tip(tippable, Plot.pointer({x: "x", y: "y", title: "text",
        // Redrawn on every move, the tooltip keeps the role a labelled group needs (figure.ts sets it only once).
        render(index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          g.setAttribute("role", "group");
          return g;
        }}))
    ]
  }) as SVGSVGElement;
  dismissible(plot);
  const present = BOR_ORDER.filter((bor) => lanes.some((lane) => lane.BOR === bor));
  const items: LegendItem[] = [
    ...present.map((bor) => ({label: `Best response ${bor}`, color: BOR_COLOR[bor], shape: "square" as const})),
    ...Object.values(SEGMENTS).map((s) => ({label: s.name, color: s.color, shape: "rect" as const})),
    ...Object.values(MARKERS).map((m) => ({label: m.name, color: m.color, shape: m.symbol})),
    {label: "Alive at cut-off", color: "currentColor", shape: "arrow"}
  ];
  return figure({
    title: "Treatment and outcome of each patient",
    description,
    parts: [legend(items, width, "Swimmer plot legend"), plot],
    notes: [laneNote(layout, data.n, filter.order, data.sample)],
    data: [
      ...lanes.map((l) => ({USUBJID: l.USUBJID, MORPH: l.MORPH, BOR: l.BOR, item: "follow-up", start_day: 1, end_day: l.followup_days, alive: l.alive})),
      ...segments.map((s) => ({USUBJID: s.USUBJID, MORPH: laneOf.get(s.USUBJID)!.MORPH, BOR: laneOf.get(s.USUBJID)!.BOR, item: s.kind, start_day: s.start_day, end_day: s.end_day, alive: ""})),
      ...markers.map((m) => ({USUBJID: m.USUBJID, MORPH: laneOf.get(m.USUBJID)!.MORPH, BOR: laneOf.get(m.USUBJID)!.BOR, item: m.kind === "response" ? `response ${m.label}` : m.kind, start_day: m.day, end_day: m.day, alive: ""}))
    ],
    filename: "swimmer"
  });
}
