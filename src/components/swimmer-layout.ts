// The swimmer plot's layout, separate from drawing so it can be tested in node: which lanes
// are shown in which order, and how markers that would overlap are offset within a lane.
import {BOR_ORDER} from "./bor.js";
import type {SwimmerLane, SwimmerMarker} from "./results.js";

export type SwimmerOrder = "followup" | "response" | "morphology" | "patient";

export const SWIMMER_ORDERS: Record<SwimmerOrder, string> = {
  followup: "Follow-up (longest first)",
  response: "Best overall response",
  morphology: "Morphology",
  patient: "Patient number"
};

export interface LaneFilter {
  order: SwimmerOrder;
  morphologies?: readonly string[];
  responses?: readonly string[];
  /** At most this many lanes are drawn (the rest are counted in the note). */
  max: number;
}

export interface Layout {
  lanes: SwimmerLane[];
  /** Lanes that pass the filter, before the cap. */
  matching: number;
  total: number;
}

const byPatient = (a: SwimmerLane, b: SwimmerLane) => a.USUBJID - b.USUBJID;
const byFollowup = (a: SwimmerLane, b: SwimmerLane) => b.followup_days - a.followup_days || byPatient(a, b);
const COMPARE: Record<SwimmerOrder, (a: SwimmerLane, b: SwimmerLane) => number> = {
  followup: byFollowup,
  response: (a, b) => BOR_ORDER.indexOf(a.BOR) - BOR_ORDER.indexOf(b.BOR) || byFollowup(a, b),
  morphology: (a, b) => a.MORPH.localeCompare(b.MORPH) || byPatient(a, b),
  patient: byPatient
};

export function layoutLanes(lanes: readonly SwimmerLane[], filter: LaneFilter): Layout {
  const kept = lanes.filter(
    (lane) => (!filter.morphologies || filter.morphologies.includes(lane.MORPH)) && (!filter.responses || filter.responses.includes(lane.BOR))
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
