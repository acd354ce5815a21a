// Releases and the never-stale build, end to end in a throwaway copy of the project (its own git repository,
// sharing node_modules): a release refuses a dirty tree, an invalid cohort, an existing or a lower version; a
// changed cohort rebuilt without cleaning publishes the new numbers; the follow-up update is released with notes
// of what changed; and a release rebuilds from its commit file for file.
import assert from "node:assert/strict";
import {execFileSync, spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {after, before, describe, test} from "node:test";
import {publishedResults} from "../../src/core/release/published-results.js";
import {ROOT} from "./site.js";

let project: string;
const run = (args: string[]) => spawnSync("npm", ["run", "--silent", ...args], {cwd: project, encoding: "utf8"});
const git = (...args: string[]) => execFileSync("git", args, {cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]});
const commitAll = (message: string) => (git("add", "-A"), git("commit", "-qm", message));
const edit = (file: string, from: string, to: string) => {
  const path = join(project, file);
  const text = readFileSync(path, "utf8");
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(path, text.replace(from, to));
};
const female = () => publishedResults(join(project, "dist")).results.find((r) => r.id === "table1.female")!.stats.n;

describe("releases and the never-stale build", () => {
  before(() => {
    project = mkdtempSync(join(tmpdir(), "report-release-"));
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], {cwd: ROOT, encoding: "utf8"}).split("\n").filter(Boolean);
    for (const file of files) {
      if (!existsSync(join(ROOT, file))) continue;
      mkdirSync(dirname(join(project, file)), {recursive: true});
      cpSync(join(ROOT, file), join(project, file));
    }
    rmSync(join(project, "releases"), {recursive: true, force: true});
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    git("init", "-q");
    git("config", "user.email", "test@example.invalid");
    git("config", "user.name", "test");
    commitAll("project");
  });
  after(() => {
    try {
      git("worktree", "prune");
    } finally {
      rmSync(project, {recursive: true, force: true});
    }
  });

  test("a release refuses uncommitted changes and writes nothing", () => {
    writeFileSync(join(project, "data", "cohort", "notes.txt"), "draft\n");
    const result = run(["release"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /release refused: uncommitted changes/);
    assert.match(result.stderr, /data\/cohort\/notes\.txt/);
    assert.ok(!existsSync(join(project, "releases")));
    rmSync(join(project, "data", "cohort", "notes.txt"));
  });

  test("a release refuses an invalid cohort, naming the problem", () => {
    edit("data/cohort/patients.csv", "4,F,48,2019-12-16,0,100,", "4,F,48,2019-12-16,0,120,");
    commitAll("break Ki-67");
    const result = run(["release"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /patients\.csv:5:KI67: value "120"/);
    assert.match(result.stderr, /release refused: the cohort in data\/cohort is invalid/);
    assert.ok(!existsSync(join(project, "releases")));
    git("reset", "-q", "--hard", "HEAD~1");
  });

  test("a changed cohort rebuilt without cleaning publishes the new numbers", () => {
    assert.equal(run(["build"]).status, 0);
    assert.equal(female(), 3);
    edit("data/cohort/patients.csv", "1,M,55,", "1,F,55,");
    assert.equal(run(["build"]).status, 0);
    assert.equal(female(), 4, "the second build saw the edited cohort");
    git("checkout", "--", "data/cohort/patients.csv");
    assert.equal(run(["build"]).status, 0);
    assert.equal(female(), 3);
  });

  test("release 1.0.0 records results, manifest and notes; the version cannot be reused", () => {
    const result = run(["release"]);
    assert.equal(result.status, 0, result.stderr);
    const dir = join(project, "releases", "1.0.0");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    assert.equal(manifest.cutoff, "2023-04-01");
    assert.equal(manifest.commit, git("rev-parse", "HEAD").trim());
    assert.deepEqual(manifest.inputs.map((d: {path: string}) => d.path), [
      "data/cohort/adverse_events.csv", "data/cohort/assessments.csv", "data/cohort/events.csv", "data/cohort/metastases.csv",
      "data/cohort/patients.csv", "data/cohort/study.json", "data/cohort/treatments.csv"
    ]);
    const index = manifest.dist.find((d: {path: string}) => d.path === "index.html");
    assert.equal(index.bytes, readFileSync(join(project, "dist", "index.html")).length);
    assert.equal(JSON.parse(readFileSync(join(dir, "results.json"), "utf8")).report.version, "1.0.0");
    assert.match(readFileSync(join(dir, "NOTES.md"), "utf8"), /# Release 1\.0\.0[\s\S]*First release[\s\S]*17 months \(range 10–36\)/);
    commitAll("Release 1.0.0");
    const again = run(["release"]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /release 1\.0\.0 already exists/);
  });

  test("the follow-up update: diff before releasing, then release 1.1.0 with what changed", () => {
    cpSync(join(project, "test", "fixtures", "followup"), join(project, "data", "cohort"), {recursive: true});
    const diff = run(["diff", "--", "--data", "data/cohort"]);
    assert.equal(diff.status, 0, diff.stderr);
    assert.match(diff.stdout, /1\.0\.0 \(cut-off 2023-04-01\) → working cohort/);
    assert.match(diff.stdout, /\| Follow-up \| 17 months \(range 10–36\) \| 17 months \(range 10–48\) \| max 35\.91 → 47\.64/);
    assert.match(diff.stdout, /11\.2 months \(range 8\.1–24\.2\) \| 11\.2 months \(range 8\.1–36\.0\) \| events 3 → 4/);
    commitAll("Follow-up to 2024-04-01");
    const result = run(["release"]);
    assert.equal(result.status, 0, result.stderr);
    const notes = readFileSync(join(project, "releases", "1.1.0", "NOTES.md"), "utf8");
    assert.match(notes, /What changed since 1\.0\.0 \(cut-off 2023-04-01\)/);
    assert.match(notes, /- data\/cohort\/events\.csv changed/);
    assert.match(notes, /\| Objective response rate[^\n]*\| unchanged \|/);
    commitAll("Release 1.1.0");
    edit("data/cohort/study.json", '"version": "1.1.0"', '"version": "1.0.5"');
    commitAll("lower version");
    const lower = run(["release"]);
    assert.equal(lower.status, 1);
    assert.match(lower.stderr, /version 1\.0\.5 does not come after the last release 1\.1\.0/);
  });

  test("verify-release rebuilds 1.0.0 from its commit, file for file", () => {
    const result = run(["verify-release", "--", "1.0.0"]);
    assert.equal(result.status, 0, result.stderr.slice(-2000));
    assert.match(result.stdout, /release 1\.0\.0 reproduces: 7 inputs and \d+ dist\/ files match/);
  });
});
