// Swimmer plot (the paper's Fig. 1C) from swimmer.lanes/segments/markers: one lane per patient
// on a months axis, treatment segments, response/progression/death markers, and an arrow for
// patients alive at the cut-off.
import * as Plot from "@observablehq/plot";
import {BOR_COLOR, BOR_NAME} from "../core/results/bor.js";
import type {BOR, MarkerKind, SegmentKind, SwimmerLane, SwimmerMarker, SwimmerSegment} from "../core/results/rows.js";
import {dodgeMarkers, laneNote, layoutLanes, SWIMMER_ORDERS, type Dodged, type Lane, type LaneFilter} from "../core/results/swimmer-layout.js";
import {figure} from "./figure.js";
import {DAYS_PER_MONTH, fmtMonths, months} from "./format.js";
import {legend, type LegendItem} from "./legend.js";
import {tagPatients} from "./lineage-marks.js";

export const SEGMENTS: Record<SegmentKind, {name: string; color: string}> = {
  induction: {name: "Induction chemotherapy", color: "#a463f2"},
  crt: {name: "Chemoradiotherapy", color: "#6cc5b0"},
  surgery: {name: "Resection of the primary", color: "#9c6b4e"},
  liver_rfa: {name: "Liver RFA", color: "#ff8ab7"},
  liver_resection: {name: "Liver resection", color: "#efb118"},
  adjuvant: {name: "Adjuvant chemotherapy", color: "#97bbf5"}
};

export const MARKERS: Record<MarkerKind, {name: string; symbol: "circle" | "triangle" | "diamond" | "times"; color: string}> = {
  response: {name: "First response (CR/PR)", symbol: "circle", color: BOR_COLOR.PR},
  progression_locoregional: {name: "Locoregional progression", symbol: "triangle", color: "#f28e2c"},
  progression_distant: {name: "Distant progression", symbol: "diamond", color: "#e15759"},
  death: {name: "Death", symbol: "times", color: "currentColor"}
};

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

export function swimmer(data: SwimmerData, filter: LaneFilter, {width}: {width: number}): HTMLElement {
  const layout = layoutLanes(data.lanes, filter);
  const lanes = layout.lanes;
  const index = new Map(lanes.map((lane, i) => [lane.USUBJID, i]));
  const laneOf = new Map(lanes.map((lane) => [lane.USUBJID, lane]));
  const name = (id: number) => `#${id} ${laneOf.get(id)!.MORPH}`;
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
    `${name(m.USUBJID)}\n${m.kind === "response" ? `First response: ${m.label}` : m.label || MARKERS[m.kind].name}\nStudy day ${m.day} (month ${fmtMonths(months(m.day))})`;
  const description =
    `${lanes.length.toLocaleString("en-US")} of ${data.n.toLocaleString("en-US")} patients, one lane each from the start of treatment (month 0) to death or last follow-up, ordered by ` +
    `${SWIMMER_ORDERS[filter.order].toLowerCase()}. ` +
    "Bars show treatment phases; symbols mark the first response, locoregional and distant progression and death; an arrow marks a patient alive at the cut-off.";
  const plot = Plot.plot({
    width,
    height: 50 + Math.max(1, lanes.length) * 34,
    marginLeft,
    marginRight: 20,
    ariaLabel: "Swimmer plot of treatment and outcome per patient",
    ariaDescription: description,
    x: {domain: [0, domainMax], label: "Months since start of treatment", grid: true},
    y: {domain: [-0.5, Math.max(0, lanes.length - 0.5)], reverse: true, ticks: lanes.map((_, i) => i), tickFormat: (i: number) => (lanes[i] ? name(lanes[i]!.USUBJID) : ""), label: null, tickSize: 0},
    marks: [
      Plot.ruleY(lanes, {y: (lane: SwimmerLane) => y(lane.USUBJID), x1: 0, x2: (lane: SwimmerLane) => months(lane.followup_days), stroke: "currentColor", strokeOpacity: 0.45, strokeWidth: 2, className: "swimmer-lane", ariaDescription: "follow-up of each patient",
        title: (lane: SwimmerLane) => `${name(lane.USUBJID)}\n${BOR_NAME[lane.BOR]}\nFollow-up to study day ${lane.followup_days} (month ${fmtMonths(months(lane.followup_days))}), ${lane.alive ? "alive at cut-off" : "died"}`, tip: true,
        render: tagPatients(lanes, "line")}),
      Plot.rect(segments, {
        x1: (s: SwimmerSegment) => months(s.start_day),
        x2: (s: SwimmerSegment) => months(Math.max(s.end_day, s.start_day + minDays)),
        y1: (s: SwimmerSegment) => y(s.USUBJID) - 0.27,
        y2: (s: SwimmerSegment) => y(s.USUBJID) + 0.27,
        fill: (s: SwimmerSegment) => SEGMENTS[s.kind].color,
        className: "swimmer-segment", ariaDescription: "treatment phases",
        title: (s: SwimmerSegment) => `${name(s.USUBJID)}\n${SEGMENTS[s.kind].name}\nStudy day ${s.start_day}${s.end_day !== s.start_day ? `–${s.end_day}` : ""}`,
        tip: true
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
          className: `swimmer-${kind}`, ariaDescription: style.name,
          title: markerText,
          tip: true
        });
      })
    ]
  }) as SVGSVGElement;
  const items: LegendItem[] = [
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
