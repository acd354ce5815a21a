// Which results each page of the site fetches: the one place that says it (docs/results.md, "Page slices").
// The loader src/data/results.tgz.ts computes the results once and writes data/results/all.json (the whole dataset)
// and one slice per entry here, data/results/<name>.json; a page fetches only its slice, and the full dataset only
// when a reader asks (a download, a re-run). test/unit/pages.test.ts fails if a page names a result its slice lacks.
import {toColumns, type Columns} from "./columns.js";
import {KM_DRAW, thinKm, type KmThinRow} from "./km-thin.js";
import type {SwimmerLane} from "./rows.js";
import {MAX_LANES, layoutLanes} from "./swimmer-layout.js";
import type {Report, Result, ResultsDataset, Row} from "./types.js";

export interface SliceSpec {
  /** Result ids; an entry ending in "." names every id that starts with it, "*" every id. */
  results: readonly string[];
  /** false: results without `rows` and `patients` (the page lists the results; the full ones load on request). */
  rows?: boolean;
  /** Keep each result's `patients` (pages read results' patient lists only to place lanes in a stage). */
  patients?: boolean;
  /** The swimmer's segments and markers only for the lanes its first view draws (the rest: slice "swimmer-rows"). */
  firstView?: boolean;
}

export const SLICES = {
  index: {results: ["cohort.n", "response.orr", "control.lrtc", "tte.followup", "tte.os", "tte.pfs", "tte.dor", "safety.grade34"]},
  "table-1": {results: ["cohort.n", "table1."]},
  response: {results: ["response.", "table1.resection.r0", "control.lrtc"]},
  swimmer: {results: ["cohort.n", "table1.stage.", "swimmer."], patients: true, firstView: true},
  /** What /swimmer fetches when a reader's filter or order shows a lane the first view did not. */
  "swimmer-rows": {results: ["swimmer.segments", "swimmer.markers"]},
  survival: {results: ["tte."]},
  safety: {results: ["safety."]},
  verify: {results: ["*"], rows: false}
} as const satisfies Record<string, SliceSpec>;

export type SliceName = keyof typeof SLICES;

/** A result as a slice carries it: rows encoded by column, or left out; a thinned KM table says so. */
export interface SliceResult extends Omit<Result, "rows" | "patients"> {
  patients?: number[];
  rows_columns?: Columns;
  /** rows: false — how many rows the full result has. */
  n_rows?: number;
  /** A Kaplan–Meier table thinned for drawing: the rows of the full table, and the rule (KM_DRAW). */
  thinned?: {rows: number; delta: number};
  /** The swimmer's first view: rows only of these patients (the others' in the slice "swimmer-rows"). */
  rows_of?: number[];
}

export interface Slice {
  report: Report;
  slice: SliceName;
  results: SliceResult[];
}

export const selects = (spec: SliceSpec, id: string) =>
  spec.results.some((entry) => entry === "*" || (entry.endsWith(".") ? id.startsWith(entry) : id === entry));

/** A Kaplan–Meier table (km.sql); its number-at-risk table is the result `${id}.risk` (km_risk.sql). */
const isKm = (result: Result) => /^tte\.(os|pfs|dor)$/.test(result.id);

/** The lanes the swimmer draws before a reader changes anything: every lane, in the default order, at most MAX_LANES. */
export function firstViewPatients(lanes: readonly SwimmerLane[]): number[] {
  return layoutLanes(lanes, {order: "followup", max: MAX_LANES}).lanes.map((lane) => lane.USUBJID);
}

/** The months of the number-at-risk table under the KM curve `id`: a thinned table keeps the rows around them. */
function riskTimes(data: ResultsDataset, id: string): number[] {
  const risk = data.results.find((r) => r.id === `${id}.risk`);
  if (!risk?.rows) throw new Error(`${id} has no number-at-risk table ${id}.risk`);
  return risk.rows.map((row) => row.time as number);
}

function sliceResult(data: ResultsDataset, result: Result, spec: SliceSpec, firstView: Set<number> | undefined): SliceResult {
  const {rows, patients, ...rest} = result;
  const out: SliceResult = {...rest, ...(patients && spec.patients ? {patients} : {})};
  if (!rows) return out;
  if (spec.rows === false) return {...out, n_rows: rows.length};
  let kept: Row[] = rows;
  if (isKm(result) && rows.length > KM_DRAW.maxRows) {
    kept = thinKm(rows as unknown as KmThinRow[], KM_DRAW.delta, riskTimes(data, result.id)) as unknown as Row[];
    out.thinned = {rows: rows.length, delta: KM_DRAW.delta};
  }
  if (firstView && (result.id === "swimmer.segments" || result.id === "swimmer.markers")) {
    kept = rows.filter((row) => firstView.has(row.USUBJID as number));
    out.rows_of = [...firstView];
  }
  out.rows_columns = toColumns(kept);
  return out;
}

/** The slice `name` of the results dataset: the page's results, every one with the report. */
export function slice(data: ResultsDataset, name: SliceName): Slice {
  const spec: SliceSpec = SLICES[name];
  const lanes = data.results.find((r) => r.id === "swimmer.lanes")?.rows as unknown as SwimmerLane[] | undefined;
  const shown = spec.firstView && lanes ? new Set(firstViewPatients(lanes)) : undefined;
  // Only when the first view leaves lanes out: a small cohort's swimmer slice is the whole.
  const firstView = shown && lanes && shown.size < lanes.length ? shown : undefined;
  return {report: data.report, slice: name, results: data.results.filter((r) => selects(spec, r.id)).map((r) => sliceResult(data, r, spec, firstView))};
}
