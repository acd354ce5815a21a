// Cross-check against R (survival package) on random data sets: the KM tables (n at risk, events,
// censorings, S, Greenwood SE, log-log CI), print(survfit) medians with 0.95LCL/UCL, and
// binom.test's Clopper–Pearson interval. Needs Rscript with survival (apt-get install r-base-core r-cran-survival;
// .ci/run installs it): without R this test fails, it never skips.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {test} from "node:test";
import {clopperPearson} from "../../src/core/stats/binomial.js";
import {kaplanMeier, kmMedian, type SurvivalRecord} from "../../src/core/stats/km.js";

const R_SCRIPT = `
suppressPackageStartupMessages(library(survival))
d <- read.csv(file("stdin"))
num <- function(x) ifelse(is.na(x) | is.nan(x), "NA", sprintf("%.17g", x))
for (k in unique(d$case)) {
  s <- d[d$case == k, ]
  f <- survfit(Surv(time, status) ~ 1, data = s, conf.type = "log-log")
  cat(paste("row", k, f$time, f$n.risk, f$n.event, f$n.censor, num(f$surv), num(f$surv * f$std.err),
            num(f$lower), num(f$upper)), sep = "\\n")
  m <- summary(f)$table
  cat(paste("median", k, num(m["median"]), num(m["0.95LCL"]), num(m["0.95UCL"])), "\\n")
}
for (n in 1:30) for (x in 0:n) cat(paste("cp", x, n, paste(num(binom.test(x, n)$conf.int), collapse = " ")), "\\n")
`;

// Small integer times make ties of events and censorings, and S = 0.5 exactly, common.
function randomCases(count: number): SurvivalRecord[][] {
  let seed = 20240306;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({length: count}, (_, k) => {
    const n = 1 + Math.floor(random() * 20);
    const horizon = 2 + Math.floor(random() * 15);
    return Array.from({length: n}, (_, i) => ({
      id: i, time: 1 + Math.floor(random() * horizon), event: random() < 0.3 + 0.3 * (k % 3),
    }));
  });
}

const near = (ours: number | null, theirs: string, what: string) => {
  if (theirs === "NA") return assert.equal(ours, null, what);
  assert.ok(ours !== null && Math.abs(ours - Number(theirs)) < 1e-9, `${what}: ${ours} vs R ${theirs}`);
};

test("Kaplan–Meier, medians and Clopper–Pearson agree with R", () => {
  const cases = randomCases(150);
  const csv = ["case,time,status", ...cases.flatMap((c, k) => c.map((r) => `${k},${r.time},${+r.event}`))].join("\n");
  const r = spawnSync("Rscript", ["-e", R_SCRIPT], {input: csv, encoding: "utf8"});
  assert.equal(r.status, 0, r.error ? `Rscript: ${r.error.message} (apt-get install r-base-core r-cran-survival)` : r.stderr);
  const lines = r.stdout.trim().split("\n").map((l) => l.trim().split(/\s+/));
  let checked = 0;
  cases.forEach((records, k) => {
    const rows = kaplanMeier(records).slice(1); // R has no time-0 row
    const theirs = lines.filter((l) => l[0] === "row" && Number(l[1]) === k);
    assert.equal(rows.length, theirs.length, `case ${k}: number of times`);
    rows.forEach((row, i) => {
      const [, , time, nRisk, nEvent, nCensor, surv, se, low, high] = theirs[i];
      assert.deepEqual([row.time_days, row.n_risk, row.n_event, row.n_censor], [time, nRisk, nEvent, nCensor].map(Number));
      near(row.surv, surv, `case ${k} S`);
      near(row.se, se, `case ${k} se`);
      near(row.ci_low, low, `case ${k} ci_low`);
      near(row.ci_high, high, `case ${k} ci_high`);
      checked++;
    });
    const [, , median, lcl, ucl] = lines.find((l) => l[0] === "median" && Number(l[1]) === k)!;
    const ours = kmMedian(kaplanMeier(records));
    near(ours.estimate, median, `case ${k} median`);
    near(ours.ci_low, lcl, `case ${k} LCL`);
    near(ours.ci_high, ucl, `case ${k} UCL`);
  });
  for (const [, x, n, low, high] of lines.filter((l) => l[0] === "cp")) {
    const ci = clopperPearson(Number(x), Number(n));
    near(ci.low, low, `CP ${x}/${n} low`);
    near(ci.high, high, `CP ${x}/${n} high`);
  }
  assert.ok(checked > 500, `only ${checked} KM rows compared`);
});
