// The swimmer plot's layout, apart from drawing: which lanes are shown in which order, and how markers that would
// overlap are offset within a lane. The page draws with it and the page slices (pages.ts) pick the first view's lanes
// with it, so both agree on what the first view shows.
import {BOR_ORDER} from "./bor.js";
import type {SwimmerLane, SwimmerMarker} from "./rows.js";

export type SwimmerOrder = "followup" | "response" | "morphology" | "patient";

export const SWIMMER_ORDERS: Record<SwimmerOrder, string> = {
  followup: "Follow-up (longest first)",
  response: "Best overall response",
  morphology: "Morphology",
  patient: "Patient number"
};

/** Lanes drawn at most: more would not be readable (34 px each). */
export const MAX_LANES = 50;

/** A lane with the patient's stage at diagnosis, where the results place every patient in one. */
export type Lane = SwimmerLane & {STAGE?: string};

export interface LaneFilter {
  order: SwimmerOrder;
  morphologies?: readonly string[];
  responses?: readonly string[];
  stages?: readonly string[];
  /** At most this many lanes are drawn (the rest are counted in the note). */
  max: number;
}

export interface Layout {
  lanes: Lane[];
  /** Lanes that pass the filter, before the cap. */
  matching: number;
  /** Lanes in the data, before the filter. */
  total: number;
}

/**
 * Labels each lane with its stage at diagnosis from the patient lists of the stage results
 * (table1.stage.*), by their labels. If the lists do not place every lane in exactly one stage
 * (lists left out for a large cohort), the lanes come back without a stage and the page offers
 * no stage filter rather than a wrong one.
 */
export function withStage(lanes: readonly SwimmerLane[], stages: readonly {label: string; patients?: readonly number[]}[]): Lane[] {
  const stageOf = new Map<number, string[]>();
  for (const stage of stages) for (const id of stage.patients ?? []) stageOf.set(id, [...(stageOf.get(id) ?? []), stage.label]);
  if (!lanes.every((lane) => stageOf.get(lane.USUBJID)?.length === 1)) return [...lanes];
  return lanes.map((lane) => ({...lane, STAGE: stageOf.get(lane.USUBJID)![0]!}));
}

const byPatient = (a: SwimmerLane, b: SwimmerLane) => a.USUBJID - b.USUBJID;
const byFollowup = (a: SwimmerLane, b: SwimmerLane) => b.followup_days - a.followup_days || byPatient(a, b);
const COMPARE: Record<SwimmerOrder, (a: SwimmerLane, b: SwimmerLane) => number> = {
  followup: byFollowup,
  response: (a, b) => BOR_ORDER.indexOf(a.BOR) - BOR_ORDER.indexOf(b.BOR) || byFollowup(a, b),
  morphology: (a, b) => a.MORPH.localeCompare(b.MORPH) || byPatient(a, b),
  patient: byPatient
};

export function layoutLanes(lanes: readonly Lane[], filter: LaneFilter): Layout {
  const kept = lanes.filter(
    (lane) =>
      (!filter.morphologies || filter.morphologies.includes(lane.MORPH)) &&
      (!filter.responses || filter.responses.includes(lane.BOR)) &&
      (!filter.stages || lane.STAGE === undefined || filter.stages.includes(lane.STAGE))
  );
  return {lanes: [...kept].sort(COMPARE[filter.order]).slice(0, filter.max), matching: kept.length, total: lanes.length};
}

export type Dodged = SwimmerMarker & {offset: number};

/**
 * Offsets markers of one patient that fall within `tolerance` days of each other (same-day
 * events, or days too close to tell apart at this width) across the lane's height, so that
 * none hides another. Offsets are in lane units, centred on 0, half a lane apart at most and
 * within ±`spread`.
 */
export function dodgeMarkers(markers: readonly SwimmerMarker[], tolerance: number, spread = 0.36): Dodged[] {
  const out: Dodged[] = [];
  const byLane = new Map<number, SwimmerMarker[]>();
  for (const marker of markers) byLane.set(marker.USUBJID, [...(byLane.get(marker.USUBJID) ?? []), marker]);
  for (const laneMarkers of byLane.values()) {
    const sorted = [...laneMarkers].sort((a, b) => a.day - b.day || a.kind.localeCompare(b.kind));
    let cluster: SwimmerMarker[] = [];
    const flush = () => {
      const step = cluster.length > 1 ? Math.min(0.5, (2 * spread) / (cluster.length - 1)) : 0;
      cluster.forEach((marker, i) => out.push({...marker, offset: (i - (cluster.length - 1) / 2) * step}));
      cluster = [];
    };
    for (const marker of sorted) {
      if (cluster.length && marker.day - cluster[0]!.day > tolerance) flush();
      cluster.push(marker);
    }
    flush();
  }
  return out;
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * What the figure shows, in words, against the cohort size `n` (cohort.n, which may exceed the
 * lanes in the results, then drawn from a `sample` described in words):
 * "Showing 50 of 10,000 patients: the first 50 by follow-up (longest first)."
 */
export function laneNote({lanes, matching, total}: Layout, n: number, order: SwimmerOrder, sample?: string): string {
  const shown = lanes.length;
  const by = SWIMMER_ORDERS[order].toLowerCase();
  const head = `Showing ${count(shown)} of ${count(n)} patients`;
  const held = total < n ? ` Only ${count(total)} of the ${count(n)} patients have lanes in the results${sample ? ` (a sample: ${sample})` : ""}; the order and the filter apply to those.` : "";
  if (shown === n) return `${head}.`;
  if (shown === 0) return `${head}: none match the filter.${held}`;
  if (matching > shown) return `${head}: the first ${count(shown)} by ${by}${matching < total ? ` of the ${count(matching)} that match the filter` : ""}.${held}`;
  return `${head}${matching < total ? `: the ${count(shown)} that match the filter,` : ","} ordered by ${by}.${held}`;
}
