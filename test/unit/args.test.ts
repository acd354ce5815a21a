// The scripts' one argument parser (scripts/args.ts): defaults, both spellings, required options, named positionals,
// and the first thing wrong named in a usage error.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {test} from "node:test";
import {parse, UsageError} from "../../scripts/args.js";
import {DATA} from "../../scripts/cli/with-cohort.js";

const ROOT = join(import.meta.dirname, "..", "..");
const spec = {usage: "u", options: {...DATA, out: {type: "string"}, json: {type: "boolean", default: false}}, required: ["out"]} as const;

test("defaults, --name value and --name=value", () => {
  assert.deepEqual(parse(["--out", "o"], spec).values, {data: "data/cohort", out: "o", json: false});
  assert.deepEqual(parse(["--data=d", "--out=o", "--json"], spec).values, {data: "d", out: "o", json: true});
  assert.deepEqual(parse([], {usage: "u", options: DATA}).values, {data: "data/cohort"});
});

test("a usage error names what is wrong", () => {
  assert.throws(() => parse([], spec), new UsageError("--out is required"));
  assert.throws(() => parse(["--out", "o", "--data"], spec), new UsageError("Option '--data <value>' argument missing"));
  assert.throws(() => parse(["--data", "--out", "o"], spec), new UsageError("Option '--data' argument is ambiguous"));
  assert.throws(() => parse(["--out", "o", "--data="], spec), new UsageError("--data needs a value"));
  assert.throws(() => parse(["--out", "o", "--cohort", "x"], spec), new UsageError("Unknown option '--cohort'"));
  assert.throws(() => parse(["--out", "o", "extra"], spec), new UsageError('unexpected argument "extra"'));
});

test("positionals by name, each required", () => {
  const release = {usage: "u", options: {}, positionals: ["version"]} as const;
  assert.deepEqual(parse(["1.2.0"], release).positionals, {version: "1.2.0"});
  assert.throws(() => parse([], release), new UsageError("missing version"));
  assert.throws(() => parse(["1.2.0", "1.3.0"], release), new UsageError('unexpected argument "1.3.0"'));
});

test("a script exits 2 with the error and its usage line, nothing on stdout", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/release/verify.ts")], {cwd: ROOT, encoding: "utf8"});
  assert.equal(run.status, 2);
  assert.equal(run.stdout, "");
  assert.equal(run.stderr, "missing version\nusage: npm run verify-release -- <version>\n");
});
