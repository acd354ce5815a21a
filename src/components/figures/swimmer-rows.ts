// The segments and markers of the lanes a swimmer view draws: from the page's slice while it holds them (a large
// cohort's slice holds those of the first view only, src/core/results/pages.ts), else from the slice of every lane's,
// fetched once, when a reader's filter or order first shows another lane.
import {fromSlice, result, rows, type Results} from "../../core/results/lookup.js";
import type {SwimmerLane, SwimmerMarker, SwimmerSegment} from "../../core/results/rows.js";
import {swimmerRowsSlice} from "../derivation/shipped.js";

export async function swimmerRows(data: Results, lanes: readonly SwimmerLane[]): Promise<{segments: SwimmerSegment[]; markers: SwimmerMarker[]}> {
  const held = result(data, "swimmer.segments").rows_of;
  const heldSet = held && new Set(held);
  const source = !heldSet || lanes.every((lane) => heldSet.has(lane.USUBJID)) ? data : fromSlice(await swimmerRowsSlice());
  return {segments: rows<SwimmerSegment>(source, "swimmer.segments"), markers: rows<SwimmerMarker>(source, "swimmer.markers")};
}
