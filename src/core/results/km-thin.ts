// The Kaplan–Meier table a page draws, thinned when it is long (docs/results.md, "Page slices"). A table has one row
// per distinct time (about 4 000 at 10^6 patients); a figure at most 760 px wide cannot show more than a few hundred
// steps. Kept: the first and last rows, every row where the estimate or a CI bound has moved by at least `delta`
// since the last kept row (so the drawn curve and band are everywhere within `delta` of the full table's), and the
// rows either side of every time of the risk table (tte.*.risk, src/sql/analysis/km_risk.sql). The events and
// censorings of a dropped row (and its patient ids, where listed) count at the next kept row, so cumulative counts
// and the risk table stay exact.
import type {KMRow} from "./rows.js";

/** Tables longer than this are thinned, by this much. */
export const KM_DRAW = {maxRows: 200, delta: 0.005} as const;

/** What thinning reads of a KM table row. */
export type KmThinRow = Pick<KMRow, "time" | "n_event" | "n_censor" | "surv" | "ci_low" | "ci_high" | "event_ids" | "censor_ids">;

const moved = (a: number | null, b: number | null, delta: number) =>
  (a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) >= delta);

/** `rows` in time order, thinned by `delta`, keeping the rows around each of `times` (months: the risk table's). */
export function thinKm<R extends KmThinRow>(rows: readonly R[], delta: number, times: readonly number[]): R[] {
  const pinned = new Set([0, rows.length - 1]);
  for (const t of times) {
    const after = rows.findIndex((row) => row.time >= t);
    if (after >= 0) pinned.add(after);
    const before = rows.findLastIndex((row) => row.time <= t);
    if (before >= 0) pinned.add(before);
  }
  const out: R[] = [];
  let last: R | undefined;
  let events = 0, censored = 0;
  let eventIds: number[] = [], censorIds: number[] = [];
  rows.forEach((row, i) => {
    const keep = !last || pinned.has(i) || moved(row.surv, last.surv, delta) || moved(row.ci_low, last.ci_low, delta) || moved(row.ci_high, last.ci_high, delta);
    if (!keep) {
      events += row.n_event;
      censored += row.n_censor;
      eventIds.push(...(row.event_ids ?? []));
      censorIds.push(...(row.censor_ids ?? []));
      return;
    }
    const kept = {...row, n_event: events + row.n_event, n_censor: censored + row.n_censor};
    if (row.event_ids) kept.event_ids = [...eventIds, ...row.event_ids];
    if (row.censor_ids) kept.censor_ids = [...censorIds, ...row.censor_ids];
    out.push(kept);
    last = row;
    events = censored = 0;
    eventIds = [];
    censorIds = [];
  });
  return out;
}
