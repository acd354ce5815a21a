// The follow-up update end to end, as an analyst runs it (docs/updating-follow-up.md): the later cut-off of
// test/fixtures/followup (#6 progresses, #5 dies) through the commands validate → results → diff against the last
// release (releases/1.0.0), and its time-to-event results against R's survival package on the same ADTTE: KM medians
// with their log-log 95% CIs, event counts, the reverse-KM median follow-up, and the number at risk under each curve
// (survminer's risk table: summary(fit, times =)). Needs Rscript with survival
// (.ci/run installs it): without R this test fails, it never skips.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";

const ROOT = join(import.meta.dirname, "..", "..");
const COHORT = join(ROOT, "test", "fixtures", "followup");
const DAYS_PER_MONTH = 365.25 / 12;
const out = mkdtempSync(join(tmpdir(), "followup-r-"));
after(() => rmSync(out, {recursive: true, force: true}));

function npm(...args: string[]): string {
  const r = spawnSync("npm", ["run", "--silent", ...args], {cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20});
  assert.equal(r.status, 0, `npm run ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

// Per PARAMCD of ADTTE: events, KM median and its CI (log-log, as the report); for OS also the reverse KM (death
// censors, censoring is the event), whose median is the median follow-up.
const R_SCRIPT = `
suppressPackageStartupMessages(library(survival))
d <- read.csv(commandArgs(TRUE)[1])
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
line <- function(name, f) {
  m <- summary(f)$table
  cat(name, num(m["events"]), num(m["median"]), num(m["0.95LCL"]), num(m["0.95UCL"]), "\\n")
}
for (p in unique(d$PARAMCD)) line(p, survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = d[d$PARAMCD == p, ], conf.type = "log-log"))
line("FOLLOWUP", survfit(Surv(AVAL, CNSR) ~ 1, data = d[d$PARAMCD == "OS", ], conf.type = "log-log"))
`;

test("validate → results → diff against release 1.0.0, and the time-to-event results equal R's", () => {
  assert.match(npm("validate", "--", "--data", COHORT), /valid cohort FLOE2024-PDNEC-CRT version 1\.1\.0/);

  const results = JSON.parse(npm("results", "--", "--data", COHORT)) as
    {report: {version: string; cutoff: string}; results: {id: string; stats: Record<string, number | null>}[]};
  assert.deepEqual([results.report.version, results.report.cutoff], ["1.1.0", "2024-04-01"]);
  const stats = (id: string) => results.results.find((r) => r.id === id)!.stats;

  // The headline results that move with the new follow-up, and how (docs/updating-follow-up.md).
  const diff = JSON.parse(npm("diff", "--", "--data", COHORT, "--json")) as
    {from: string; to: string; changes: {id: string; changed: boolean; stats: {stat: string}[]}[]};
  assert.deepEqual([diff.from, diff.to], ["1.0.0", "1.1.0"]);
  const changed = Object.fromEntries(diff.changes.filter((c) => c.changed).map((c) => [c.id, c.stats.map((s) => s.stat)]));
  assert.deepEqual(changed, {
    "tte.followup": ["max", "km_median"], // #6 followed to day 1450; the reverse KM now ends on #6
    "tte.dor": ["events", "max"], // #6's response ends: 4 events, the longest 1096 days
    "tte.pfs": ["events", "max"], // #6 progresses: 6 events
    "tte.os": ["events", "max"], // #5 dies: 5 deaths
    "safety.grade34": ["ci_low", "ci_high"] // the exact CI, which release 1.0.0 did not yet carry
  });

  npm("datasets", "--", "--data", COHORT, "--out", out);
  const r = spawnSync("Rscript", ["-e", R_SCRIPT, join(out, "adtte.csv")], {encoding: "utf8"});
  assert.equal(r.status, 0, r.error ? `Rscript: ${r.error.message} (apt-get install r-base-core r-cran-survival)` : r.stderr);
  const theirs = new Map(r.stdout.trim().split("\n").map((l) => {
    const [name, ...values] = l.trim().split(/\s+/);
    return [name!, values.map((v) => (v === "NA" ? null : Number(v)))];
  }));
  const near = (ours: number | null | undefined, days: number | null | undefined, what: string) => {
    if (days === null) return assert.equal(ours, null, `${what}: R says not reached`);
    assert.ok(typeof ours === "number" && Math.abs(ours * DAYS_PER_MONTH - days!) < 1e-9, `${what}: ${ours} months vs R ${days} days`);
  };
  for (const [paramcd, id] of [["OS", "tte.os"], ["PFS", "tte.pfs"], ["DOR", "tte.dor"]] as const) {
    const [events, median, low, high] = theirs.get(paramcd)!;
    assert.equal(stats(id).events, events, `${id} events`);
    near(stats(id).km_median, median, `${id} median`);
    near(stats(id).km_ci_low, low, `${id} CI low`);
    near(stats(id).km_ci_high, high, `${id} CI high`);
  }
  // Hand-computed too (test/unit/followup.test.ts): OS (472 + 563) / 2, PFS (390 + 397) / 2 days, DOR 341 days.
  assert.deepEqual(["OS", "PFS", "DOR"].map((p) => theirs.get(p)![1]), [517.5, 393.5, 341]);
  near(stats("tte.followup").km_median, theirs.get("FOLLOWUP")![1], "reverse-KM median follow-up");
  assert.equal(theirs.get("FOLLOWUP")![1], 1450); // only #6 is alive, followed to day 1450

  // The number at risk at each tick of the figure's axis (src/sql/analysis/km_risk.sql), as survminer tabulates it:
  // n.risk at t, and the events and censorings up to t (cumulative sums of summary()'s per-interval counts).
  type RiskRow = {time: number; n_risk: number; events: number; censored: number};
  const rows = (id: string) => results.results.find((r) => r.id === id) as unknown as {rows: RiskRow[]};
  for (const [paramcd, id] of [["OS", "tte.os.risk"], ["PFS", "tte.pfs.risk"], ["DOR", "tte.dor.risk"]] as const) {
    const ours = rows(id).rows;
    const days = ours.map((row) => row.time * DAYS_PER_MONTH).join(",");
    const risk = spawnSync("Rscript", ["-e", R_RISK, join(out, "adtte.csv"), paramcd, days], {encoding: "utf8"});
    assert.equal(risk.status, 0, risk.stderr);
    const table = risk.stdout.trim().split("\n").map((line) => line.trim().split(/\s+/).map(Number));
    assert.deepEqual(ours.map((row) => [row.n_risk, row.events, row.censored]), table, `${id}: ours (left) vs R`);
  }
  // Hand-checked: OS at months 0, 6, …, 48: #5 dies, so 5 deaths by the end.
  assert.deepEqual(rows("tte.os.risk").rows.at(-1)!.events, 5);
});

// n.risk at each time of argument 3 (days) for PARAMCD argument 2, with the cumulative events and censorings.
const R_RISK = `
suppressPackageStartupMessages(library(survival))
a <- commandArgs(TRUE)
d <- read.csv(a[1])
d <- d[d$PARAMCD == a[2], ]
times <- as.numeric(strsplit(a[3], ",")[[1]])
s <- summary(survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = d), times = times, extend = TRUE)
cat(paste(s$n.risk, cumsum(s$n.event), cumsum(s$n.censor)), sep = "\\n")
`;
