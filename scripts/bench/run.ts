/**
 * npm run bench -- [--sizes …] [--seed …] [--steps …] [--json FILE] [--dir DIR] [--timeout SECONDS] [--heap MB] (USAGE)
 * For each N: generate a synthetic cohort, then time each tool on it in its own child process (wall time, and peak
 * resident memory from /usr/bin/time -v). Compares the report's analyses with the same analyses in R (survival) and
 * with a raw DuckDB scan of the same files (the floor), with a typed read of the columns they use (the floor of the
 * analyses), and the same analyses fused into the fewest DuckDB passes
 * without ADaM tables (what the ADaM layer costs). Prints a table and writes JSON. See docs/scale.md.
 */
import {spawn, spawnSync} from "node:child_process";
import {closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync,
  writeFileSync} from "node:fs";
import {cpus, tmpdir, totalmem} from "node:os";
import {dirname, join, resolve} from "node:path";
import {AGREEMENT_RULE, agree} from "../../src/core/agree.js";
import {args} from "../args.js";
import {reportVsR, sameValues} from "./agreement.js";

const STEPS = ["synth", "validate", "results", "analyses", "typed", "fused", "build", "r", "duckdb"] as const;
type Step = (typeof STEPS)[number];
const USAGE = "npm run bench -- [--sizes 1000,100000,1000000] [--seed 1] [--steps synth,validate,results,analyses,typed,fused,build,r,duckdb] " +
  "[--json bench/results.json] [--dir bench/cohorts] [--timeout 3600] [--heap MB]";

interface Measure {
  status: "ok" | "failed" | "timeout" | "skipped";
  wall_s?: number;
  /** User + system CPU time of the child and its children (GNU time): steadier than wall time on a shared machine. */
  cpu_s?: number;
  max_rss_mb?: number;
  note?: string;
}

const {values} = args({usage: USAGE, options: {
  sizes: {type: "string", default: "1000,100000,1000000"},
  seed: {type: "string", default: "1"},
  steps: {type: "string", default: STEPS.join(",")},
  json: {type: "string", default: "bench/results.json"},
  dir: {type: "string", default: "bench/cohorts"},
  timeout: {type: "string", default: "3600"},
  heap: {type: "string"},
}});
const sizes = values.sizes.split(",").map(Number);
const steps = values.steps.split(",") as Step[];
const unknown = steps.filter((s) => !STEPS.includes(s));
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1) || unknown.length || !/^\d+$/.test(values.seed)) {
  process.stderr.write(`--sizes takes whole numbers ≥ 1, --steps some of ${STEPS.join(",")}, --seed a whole number\nusage: ${USAGE}\n`);
  process.exit(2);
}
const timeoutMs = Number(values.timeout) * 1000;
const hasGnuTime = existsSync("/usr/bin/time");
const node = process.execPath;
const tsx = ["--import", "tsx"];
// --heap raises V8's old-space limit (default about 4 GiB) for the Node steps and their children, e.g. to validate
// 10^6 patients.
const heapEnv: NodeJS.ProcessEnv = values.heap ? {NODE_OPTIONS: `--max-old-space-size=${Number(values.heap)}`} : {};
const root = resolve(import.meta.dirname, "../..");
// As under `npm run`: Framework runs the .ts data loaders with the project's tsx.
const pathEnv: NodeJS.ProcessEnv = {PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`};

/** Runs one command as a child, measuring wall time here and peak RSS with GNU time (children included). */
function measure(cmd: string, args: string[], opts: {env?: NodeJS.ProcessEnv; stdout?: string} = {}): Promise<Measure> {
  const scratch = mkdtempSync(join(tmpdir(), "bench-"));
  const timeFile = join(scratch, "time");
  const [file, argv] = hasGnuTime ? ["/usr/bin/time", ["-v", "-o", timeFile, cmd, ...args]] : [cmd, args];
  const out = opts.stdout ?? join(scratch, "stdout");
  return new Promise((done) => {
    const started = performance.now();
    // stdout straight to its file (the results dataset of 10^5 patients is 140 MB), stderr's tail kept for errors.
    const stdout = openSync(out, "w");
    const child = spawn(file, argv, {env: {...process.env, ...opts.env}, detached: true,
      stdio: ["ignore", stdout, "pipe"]});
    closeSync(stdout);
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, "SIGKILL"); // the whole group this bench started
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const wall_s = (performance.now() - started) / 1000;
      const time = existsSync(timeFile) ? readFileSync(timeFile, "utf8") : "";
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(time);
      const cpu = ["User", "System"].map((what) => new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(time));
      rmSync(scratch, {recursive: true, force: true});
      const m: Measure = {status: timedOut ? "timeout" : code === 0 ? "ok" : "failed", wall_s,
        cpu_s: cpu.every(Boolean) ? cpu.reduce((sum, match) => sum + Number(match![1]), 0) : undefined,
        max_rss_mb: rss ? Number(rss[1]) / 1024 : undefined};
      if (m.status === "failed") {
        // The tool's own wording of the failure (its last Error line), not the boilerplate some tools close with.
        const lines = stderr.trim().split("\n");
        m.note = lines.findLast((line) => /Error\b/.test(line))?.trim() ?? lines.slice(-3).join(" / ");
      }
      done(m);
    });
  });
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

function rAvailable(): string | undefined {
  const r = spawnSync("Rscript", ["-e", "library(survival)"], {encoding: "utf8"});
  return r.status === 0 ? undefined : "Rscript with the survival package not found (apt-get install r-base-core r-cran-survival)";
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** The report's (or the analyses step's) values, read from that step's output, beside R's. */
function agreement(resultsFile: string, r: unknown): Record<string, {report: unknown; r: unknown}> | undefined {
  if (!existsSync(resultsFile) || statSync(resultsFile).size > 512 * 2 ** 20) return undefined;
  const results = readJson<{results: {id: string; stats: Record<string, unknown>}[]}>(resultsFile);
  return results ? reportVsR(results.results, r) : undefined;
}

/** The analyses step's phases in seconds, with the rest of its wall time (the process's exit) as `exit`. */
function analysesPhases(phasesMs: Record<string, number>, wallS: number): Record<string, number> {
  const seconds = Object.fromEntries(Object.entries(phasesMs).map(([phase, ms]) => [phase, ms / 1000]));
  return {...seconds, exit: wallS - Object.values(seconds).reduce((sum, s) => sum + s, 0)};
}

interface Run {
  n: number;
  cohort_bytes?: number;
  /** Rows per file and DuckDB's own scan time without process start-up, from the floor step. */
  scan?: {rows: Record<string, number>; scan_ms: number};
  steps: Partial<Record<Step, Measure>>;
  ratios?: Record<string, number | undefined>;
  agreement?: Record<string, {report: unknown; r: unknown}>;
  /** The fused step's values against every value of the R script's output. */
  fused_agreement?: {equal: number; of: number; different: string[]};
  /** Where the analyses step's wall time goes (its phases_ms, in seconds), and what is left: the process's exit. */
  analyses_phases?: Record<string, number>;
  note?: string;
}
const runs: Run[] = [];
const rMissing = steps.includes("r") ? rAvailable() : undefined;
for (const n of sizes) {
  const dir = resolve(values.dir, `n${n}-s${values.seed}`);
  const outputs = resolve(values.dir, `n${n}-s${values.seed}.out`);
  // Without the synth step the other steps reuse the cohort an earlier run left in DIR.
  if (steps.includes("synth")) rmSync(dir, {recursive: true, force: true});
  rmSync(outputs, {recursive: true, force: true});
  mkdirSync(outputs, {recursive: true});
  const result: Partial<Record<Step, Measure>> = {};
  const run = async (step: Step, why: string | undefined, cmd: string, args: string[], env?: NodeJS.ProcessEnv) => {
    if (!steps.includes(step)) return;
    if (why) result[step] = {status: "skipped", note: why};
    else {
      process.stderr.write(`bench: N=${n} ${step} …\n`);
      result[step] = await measure(cmd, args, {env: {...pathEnv, ...heapEnv, ...env}, stdout: join(outputs, `${step}.out`)});
    }
  };
  /** A Node step running one of the scripts (skipped, with the reason, when the checkout lacks it). */
  const tsxStep = (step: Step, script: string, argv: string[], env?: NodeJS.ProcessEnv) =>
    run(step, existsSync(join(root, script)) ? undefined : `${script} not found`, node, [...tsx, join(root, script), ...argv], env);
  // Without a cohort (synth not run) the other steps use whatever is in DIR from an earlier run.
  await tsxStep("synth", "scripts/cli/synth.ts", ["--n", String(n), "--seed", values.seed, "--out", dir]);
  if (!existsSync(join(dir, "study.json"))) {
    runs.push({n, steps: result, note: "no cohort"});
    continue;
  }
  await tsxStep("validate", "scripts/cli/validate.ts", ["--data", dir]);
  await tsxStep("results", "scripts/cli/results.ts", ["--data", dir]);
  await tsxStep("analyses", "scripts/bench/analyses.ts", [dir]);
  await tsxStep("typed", "scripts/bench/typed.ts", [dir]);
  await tsxStep("fused", "scripts/bench/fused.ts", [dir]);
  await tsxStep("build", "scripts/build/observable.ts", ["build"], {COHORT_DIR: dir});
  await run("r", rMissing, "Rscript", [join(root, "scripts/bench/analyses.R"), dir]);
  await tsxStep("duckdb", "scripts/bench/scan.ts", [dir]);
  const ok = (s: Step) => (result[s]?.status === "ok" ? result[s]!.wall_s : undefined);
  const cpu = (s: Step) => (result[s]?.status === "ok" ? result[s]!.cpu_s : undefined);
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? a / b : undefined);
  const fused = readJson(join(outputs, "fused.out"));
  const phases = readJson<{phases_ms?: Record<string, number>}>(join(outputs, "analyses.out"))?.phases_ms;
  const rValues = readJson(join(outputs, "r.out"));
  runs.push({
    n, cohort_bytes: dirBytes(dir), steps: result, scan: readJson(join(outputs, "duckdb.out")),
    ratios: {
      r_over_analyses: ratio(ok("r"), ok("analyses")),
      analyses_over_floor: ratio(ok("analyses"), ok("duckdb")),
      r_over_analyses_cpu: ratio(cpu("r"), cpu("analyses")),
      analyses_over_floor_cpu: ratio(cpu("analyses"), cpu("duckdb")),
      fused_over_floor: ratio(ok("fused"), ok("duckdb")),
      analyses_over_fused: ratio(ok("analyses"), ok("fused")),
      r_over_results: ratio(ok("r"), ok("results")),
      results_over_floor: ratio(ok("results"), ok("duckdb")),
      validate_over_floor: ratio(ok("validate"), ok("duckdb")),
      r_over_floor: ratio(ok("r"), ok("duckdb")),
      r_over_results_cpu: ratio(cpu("r"), cpu("results")),
      results_over_floor_cpu: ratio(cpu("results"), cpu("duckdb")),
      analyses_over_typed: ratio(ok("analyses"), ok("typed")),
      analyses_over_typed_cpu: ratio(cpu("analyses"), cpu("typed")),
      validate_over_floor_cpu: ratio(cpu("validate"), cpu("duckdb")),
      build_over_r: ratio(ok("build"), ok("r")),
      build_over_r_cpu: ratio(cpu("build"), cpu("r")),
    },
    agreement: rValues === undefined ? undefined
      : agreement(join(outputs, existsSync(join(outputs, "results.out")) ? "results.out" : "analyses.out"), rValues),
    fused_agreement: fused && rValues ? sameValues(fused, rValues) : undefined,
    analyses_phases: phases && ok("analyses") !== undefined ? analysesPhases(phases, ok("analyses")!) : undefined,
  });
}

const report = {
  command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  node_heap_mb: values.heap ? Number(values.heap) : "V8 default",
  machine: {cpus: cpus().length, cpu_model: cpus()[0]?.model, mem_gb: totalmem() / 2 ** 30, node: process.version,
    platform: process.platform, peak_rss: hasGnuTime ? "/usr/bin/time -v (maximum over the child and its children)" : "unavailable"},
  seed: Number(values.seed),
  runs,
};
mkdirSync(dirname(resolve(values.json)), {recursive: true});
writeFileSync(values.json, JSON.stringify(report, null, 2) + "\n");

const fmt = (x: number | undefined, digits: number) => (x === undefined ? "–" : x.toFixed(digits));
/** The ratios of issue 17's targets, printed under each N (wall, and CPU in the CPU column). */
const PRINTED_RATIOS = [
  ["R ÷ analyses", "r_over_analyses"], ["R ÷ results", "r_over_results"], ["analyses ÷ typed read", "analyses_over_typed"],
  ["validate ÷ scan", "validate_over_floor"], ["build ÷ R", "build_over_r"],
] as const;
const lines = ["| N | step | status | wall s | CPU s | peak RSS MB | × floor (wall) |", "|---:|---|---|---:|---:|---:|---:|"];
for (const run of runs) {
  const floor = run.steps.duckdb?.status === "ok" ? run.steps.duckdb.wall_s : undefined;
  for (const step of steps) {
    const m = run.steps[step];
    if (!m) continue;
    lines.push(`| ${run.n} | ${step} | ${m.status}${m.note ? ` (${m.note.replaceAll("|", "\\|")})` : ""} | ${fmt(m.wall_s, 2)} | ` +
      `${fmt(m.cpu_s, 2)} | ${fmt(m.max_rss_mb, 0)} | ` +
      `${fmt(m.wall_s !== undefined && floor ? m.wall_s / floor : undefined, 1)} |`);
  }
  for (const [label, key] of PRINTED_RATIOS) {
    const wall = run.ratios?.[key];
    if (wall !== undefined) lines.push(`| ${run.n} | ${label} | | ${fmt(wall, 2)} | ${fmt(run.ratios?.[`${key}_cpu`], 2)} | | |`);
  }
  if (run.analyses_phases) {
    const parts = Object.entries(run.analyses_phases).map(([phase, s]) => `${phase} ${fmt(s, 2)}`).join(", ");
    lines.push(`| ${run.n} | analyses: where the time goes (s) | ${parts} | | | | |`);
  }
  if (run.agreement) {
    const pairs = Object.values(run.agreement);
    const same = pairs.filter(({report, r}) => agree(report, r));
    lines.push(`| ${run.n} | agreement with R | ${same.length} of ${pairs.length} values equal (${AGREEMENT_RULE}) | | | | |`);
  }
  if (run.fused_agreement) {
    const {equal, of, different} = run.fused_agreement;
    lines.push(`| ${run.n} | fused agrees with R | ${equal} of ${of} values equal (${AGREEMENT_RULE})` +
      `${different.length ? `; differ: ${different.join(", ")}` : ""} | | | | |`);
  }
}
process.stdout.write(lines.join("\n") + `\n\nwrote ${values.json}\n`);
