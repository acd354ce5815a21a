// The page slices of the results dataset (src/core/results/pages.ts): each page's slice holds exactly the results the
// page names; a Kaplan–Meier table thinned for drawing keeps exactly the rows the rule says, with counts that keep the
// risk table exact; rows by column decode to the rows; the swimmer's first view; and on the demo cohort every slice
// gives back the results as they are (the figures at N = 6 unchanged).
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, test} from "node:test";
import {fileURLToPath} from "node:url";
import {fromColumns, toColumns} from "../../src/core/results/columns.js";
import {buildResults, CATALOG} from "../../src/core/results/index.js";
import {KM_DRAW, thinKm} from "../../src/core/results/km-thin.js";
import {fromSlice} from "../../src/core/results/lookup.js";
import {firstViewPatients, selects, slice, SLICES, type SliceName} from "../../src/core/results/pages.js";
import type {KMRow, SwimmerLane} from "../../src/core/results/rows.js";
import type {Result, ResultsDataset} from "../../src/core/results/types.js";

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const IDS = CATALOG.map((entry) => entry.id);

/** The number at risk at each of `times` read off a KM table (the oracle of km_risk.sql): a thinned table must give the same. */
const riskAt = (rows: readonly KMRow[], times: readonly number[]) =>
  times.map((t) => ({
    time: t,
    n_risk: rows.find((row) => row.time >= t)?.n_risk ?? 0,
    events: rows.filter((row) => row.time <= t).reduce((sum, row) => sum + row.n_event, 0),
    censored: rows.filter((row) => row.time <= t).reduce((sum, row) => sum + row.n_censor, 0),
  }));

/** The result ids a page's source names: quoted ids, and quoted prefixes ("table1.stage.") for every id they start. */
function named(paths: string): string[] {
  // "a + b": a page and the core module that shapes its table (src/core/results/tables.ts)
  const literals = paths.split(" + ").flatMap((path) => [...readFileSync(root(path), "utf8").matchAll(/"([a-z0-9_.]+)"/g)].map((m) => m[1]!));
  return IDS.filter((id) => literals.some((literal) => literal === id || (literal.endsWith(".") && id.startsWith(literal))));
}

const inSlice = (name: SliceName) => IDS.filter((id) => selects(SLICES[name], id));

describe("each page's slice holds exactly the results the page names", () => {
  const pages: [SliceName, string][] = [
    ["index", "src/index.md"], ["table-1", "src/table-1.md + src/core/results/tables.ts"], ["response", "src/response.md"], ["swimmer", "src/swimmer.md"],
    ["survival", "src/survival.md"], ["safety", "src/safety.md"], ["swimmer-rows", "src/components/figures/swimmer-rows.ts"]
  ];
  for (const [name, path] of pages) test(`${name} (${path})`, () => assert.deepEqual(inSlice(name), named(path)));
  test("verify lists every result, without rows", () => {
    assert.match(readFileSync(root("src/verify.md"), "utf8"), /verifyPanel\(data\.results\)/);
    assert.deepEqual(inSlice("verify"), IDS);
    assert.equal(SLICES.verify.rows, false);
  });
  test("every slice is fetched by a page", () => {
    for (const name of Object.keys(SLICES)) {
      const users = [...pages.map(([, path]) => path.split(" + ")[0]!), "src/verify.md", "src/components/derivation/shipped.ts"].filter((path) => readFileSync(root(path), "utf8").includes(`data/results/${name}.json`));
      assert.equal(users.length, 1, name);
    }
  });
});

describe("a Kaplan–Meier table thinned for drawing", () => {
  const row = (time: number, surv: number, ci: [number, number] | null, events: number[], censored: number[], n_risk: number): KMRow => ({
    time_days: Math.round(time * 30.4375), time, n_risk, n_event: events.length, n_censor: censored.length, surv, se: 0,
    ci_low: ci?.[0] ?? null, ci_high: ci?.[1] ?? null, event_ids: events, censor_ids: censored
  });
  const table = [
    row(0, 1, null, [], [], 10),
    row(1, 0.9, [0.5, 0.98], [1], [], 10), // the CI appears: kept
    row(1.5, 0.9, [0.5, 0.98], [], [2], 9), // nothing moves: dropped, its censoring counted at the next kept row
    row(2, 0.85, [0.45, 0.95], [3], [], 8), // moves by 0.05 < 0.1: dropped
    row(2.5, 0.78, [0.38, 0.9], [4], [], 7), // 0.12 below the last kept row: kept, with rows 2 and 3's counts
    row(3.5, 0.75, [0.36, 0.88], [5], [], 6), // moves little, but the first row at or after month 3: kept
    row(4, 0.75, [0.36, 0.88], [], [6], 5), // dropped
    row(5, 0.7, [0.3, 0.85], [7], [], 4) // the last row: kept
  ];

  test("keeps the first and last rows, the moves of at least delta, the rows around each time; counts move forward", () => {
    assert.deepEqual(thinKm(table, 0.1, [0, 3]), [
      table[0],
      table[1],
      {...table[4], n_event: 2, n_censor: 1, event_ids: [3, 4], censor_ids: [2]},
      table[5],
      {...table[7], n_event: 1, n_censor: 1, event_ids: [7], censor_ids: [6]}
    ]);
  });

  test("with a small enough delta nothing is dropped", () => assert.deepEqual(thinKm(table, 0.001, [0, 3]), table.filter((r) => r.time !== 1.5 && r.time !== 4)
    .map((r) => (r.time === 2 ? {...r, n_censor: 1, censor_ids: [2]} : r.time === 5 ? {...r, n_censor: 1, censor_ids: [6]} : r))));

  // A long table (4 000 patients, a day each): the drawn curve stays within delta and the risk table is unchanged.
  const long: KMRow[] = [row(0, 1, null, [], [], 4000)];
  let surv = 1;
  for (let day = 1, atRisk = 4000; atRisk > 0; day++, atRisk--) {
    const event = day % 3 !== 0;
    if (event) surv *= 1 - 1 / atRisk;
    long.push(row(day / 30.4375, surv, [surv * 0.9, Math.min(1, surv * 1.05)], event ? [day] : [], event ? [] : [day], atRisk));
  }
  const ticks = Array.from({length: 12}, (_, i) => i * 12); // 0–132 months: the axis of 4 000 days
  const thinned = thinKm(long, KM_DRAW.delta, ticks);

  test(`${long.length} rows thinned by ${KM_DRAW.delta}: the curve and band within delta, the risk table exact`, () => {
    assert.ok(thinned.length < long.length / 4, `${thinned.length} rows kept`);
    for (const full of long) {
      const drawn = thinned.findLast((r) => r.time <= full.time)!;
      for (const key of ["surv", "ci_low", "ci_high"] as const) assert.ok(Math.abs(full[key]! - drawn[key]!) < KM_DRAW.delta, `${key} at ${full.time}`);
    }
    assert.equal(thinned.at(-1)!.time, long.at(-1)!.time);
    assert.deepEqual(riskAt(thinned, ticks), riskAt(long, ticks));
    assert.deepEqual(thinned.flatMap((r) => r.event_ids!).sort((a, b) => a - b), long.flatMap((r) => r.event_ids!));
  });
});

test("rows by column: strings by dictionary, decoded to equal rows, a ragged table refused", () => {
  const rows = [{USUBJID: 3, BOR: "PR", PCHG: -38.5, ids: [1]}, {USUBJID: 5, BOR: "PD", PCHG: 21, ids: []}, {USUBJID: 6, BOR: "PR", PCHG: null, ids: [2]}];
  const columns = toColumns(rows);
  assert.deepEqual(columns, {n: 3, columns: {USUBJID: [3, 5, 6], BOR: {dict: ["PR", "PD"], codes: [0, 1, 0]}, PCHG: [-38.5, 21, null], ids: [[1], [], [2]]}});
  assert.deepEqual(fromColumns(columns), rows);
  assert.deepEqual(fromColumns(toColumns([])), []);
  assert.throws(() => toColumns([{a: 1, b: 2}, {b: 2, a: 1}]), /row 1 has the columns b, a, not a, b/);
});

describe("slices of a large cohort's results", () => {
  // Every catalog id; KM tables of 1 000 rows; 120 swimmer lanes, each with one segment and one marker.
  const lanes: SwimmerLane[] = Array.from({length: 120}, (_, i) => ({USUBJID: i + 1, MORPH: "LCNEC", BOR: "SD", followup_days: 1000 - (i % 60) * 10, alive: false}));
  const RISK_TIMES = [0, 6, 12, 18, 24, 30, 36]; // the axis of 999 days
  const km = Array.from({length: 1000}, (_, i) => ({time_days: i, time: i / 30.4375, n_risk: 1000 - i, n_event: 1, n_censor: 0, surv: 1 - i / 1000, se: 0, ci_low: null, ci_high: null}));
  const rowsOf: Record<string, Record<string, unknown>[]> = {
    "swimmer.lanes": lanes as unknown as Record<string, unknown>[],
    "swimmer.segments": lanes.map((l) => ({USUBJID: l.USUBJID, kind: "crt", start_day: 22, end_day: 59})),
    "swimmer.markers": lanes.map((l) => ({USUBJID: l.USUBJID, kind: "death", day: l.followup_days, label: "Death"})),
    "tte.os": km,
    "tte.os.risk": RISK_TIMES.map((time) => ({time, n_risk: 0, events: 0, censored: 0}))
  };
  const results = CATALOG.map((entry): Result => ({
    ...entry, display: null, stats: {n: 1}, denominator: 120, source: "x.sql", qc: {module: "x.ts", agree: true, checked: []}, patients: [1, 2],
    ...(rowsOf[entry.id] ? {rows: rowsOf[entry.id]} : {})
  }));
  const data: ResultsDataset = {report: {n_patients: 120} as ResultsDataset["report"], results};
  const get = (name: SliceName, id: string) => slice(data, name).results.find((r) => r.id === id)!;

  test("every slice carries the report and only its own results", () => {
    for (const name of Object.keys(SLICES) as SliceName[]) {
      const s = slice(data, name);
      assert.equal(s.report, data.report);
      assert.deepEqual(s.results.map((r) => r.id), inSlice(name));
    }
  });

  test("a long KM table is thinned and says so; the rows decode", () => {
    const os = get("survival", "tte.os");
    assert.deepEqual(os.thinned, {rows: 1000, delta: KM_DRAW.delta});
    assert.deepEqual(fromSlice({report: data.report, slice: "survival", results: [os]}).results[0]!.rows, thinKm(km, KM_DRAW.delta, RISK_TIMES));
  });

  test("a KM table without its number-at-risk table is refused, not thinned around guessed times", () => {
    const without = {...data, results: data.results.filter((r) => r.id !== "tte.os.risk")};
    assert.throws(() => slice(without, "survival"), /tte.os has no number-at-risk table tte.os.risk/);
  });

  test("the swimmer slice: every lane, the segments and markers of the first view's 50; swimmer-rows: all", () => {
    const first = firstViewPatients(lanes);
    assert.equal(first.length, 50);
    assert.deepEqual(first.slice(0, 3), [1, 61, 2], "longest follow-up first, ties by patient");
    assert.equal(fromColumns(get("swimmer", "swimmer.lanes").rows_columns!).length, 120);
    const segments = get("swimmer", "swimmer.segments");
    assert.deepEqual(segments.rows_of, first);
    assert.deepEqual(fromColumns(segments.rows_columns!).map((r) => r.USUBJID), lanes.map((l) => l.USUBJID).filter((id) => first.includes(id)));
    assert.equal(fromColumns(get("swimmer-rows", "swimmer.markers").rows_columns!).length, 120);
    assert.equal(get("swimmer-rows", "swimmer.markers").rows_of, undefined);
  });

  test("patient lists only where a page reads them (the swimmer's stages); /verify without rows", () => {
    assert.deepEqual(get("swimmer", "table1.stage.la").patients, [1, 2]);
    assert.equal(get("table-1", "table1.stage.la").patients, undefined);
    const lanesListed = get("verify", "swimmer.lanes");
    assert.equal(lanesListed.n_rows, 120);
    assert.equal(lanesListed.rows_columns, undefined);
    assert.equal(lanesListed.patients, undefined);
  });
});

test("on the demo cohort every slice gives back its results as they are (patient lists aside)", async () => {
  const data = await buildResults(root("data/cohort"));
  const full = new Map(data.results.map(({patients, ...r}) => [r.id, r]));
  for (const name of (Object.keys(SLICES) as SliceName[]).filter((n) => n !== "verify")) {
    for (const {patients: _, ...result} of fromSlice(slice(data, name)).results) assert.deepEqual(result, full.get(result.id), `${name}: ${result.id}`);
  }
});
