// npm run release [-- --data DIR]: validate, build, and record releases/<version>/ with the
// results dataset, a manifest (SHA-256 and size of every input and dist/ file, commit, tools)
// and release notes. Refuses: uncommitted changes, an invalid cohort, an existing or
// non-increasing version. Writes into a temporary folder and renames it, so a failed release
// leaves nothing behind.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {publishedResultsFile} from "../../src/core/release/published-results.js";
import {digestFile, digestTree} from "../../src/core/release/files.js";
import {git, uncommittedChanges} from "../../src/core/release/git.js";
import {compareHeadlines, headlineTable, type ResultsLike} from "../../src/core/release/headline.js";
import {compareSemver, listReleases, parseSemver, type Manifest} from "../../src/core/release/releases.js";
import {args} from "../args.js";
import {DATA} from "../cli/with-cohort.js";
import {buildReport} from "./build-report.js";

const root = resolve(import.meta.dirname, "../..");
const {values} = args({usage: "npm run release [-- --data DIR]", options: DATA});
const dataDir = relative(root, resolve(values.data!));
const releasesDir = join(root, "releases");

function refuse(message: string): never {
  console.error(`release refused: ${message}`);
  process.exit(1);
}

if (dataDir.startsWith("..")) refuse(`the cohort must be inside the repository to be rebuildable (got ${values.data})`);
const dirty = uncommittedChanges(root);
if (dirty.length) refuse(`uncommitted changes; commit them first so the release can be rebuilt from its commit:\n${dirty.join("\n")}`);

const study = JSON.parse(readFileSync(join(root, dataDir, "study.json"), "utf8"));
const version = String(study.version);
if (!parseSemver(version)) refuse(`study.json version "${version}" is not a semantic version (MAJOR.MINOR.PATCH)`);
if (existsSync(join(releasesDir, version))) refuse(`release ${version} already exists; raise the version in ${dataDir}/study.json`);
const previous = listReleases(releasesDir).at(-1);
if (previous && compareSemver(version, previous.version) <= 0) {
  refuse(`version ${version} does not come after the last release ${previous.version}`);
}

try {
  execFileSync("npm", ["run", "--silent", "validate", "--", "--data", dataDir], {cwd: root, stdio: ["ignore", "ignore", "inherit"]});
} catch {
  refuse(`the cohort in ${dataDir} is invalid (problems above)`);
}

console.error(`Building release ${version} from ${dataDir}…`);
buildReport(root, dataDir);
const dist = join(root, "dist");
const resultsFile = publishedResultsFile(dist);
const results: ResultsLike = JSON.parse(readFileSync(resultsFile, "utf8"));
if (results.report.version !== version) refuse(`the build published version ${results.report.version}, expected ${version}`);

const manifest: Manifest = {
  version,
  cutoff: study.cutoff,
  commit: git(root, "rev-parse", "HEAD"),
  data_dir: dataDir,
  reconstructed: study.reconstructed,
  inputs: digestTree(join(root, dataDir)).map((d) => ({...d, path: `${dataDir}/${d.path}`})),
  dist: digestTree(dist),
  results_sha256: digestFile(resultsFile).sha256,
  tools: (results.report as {tools?: Record<string, string>}).tools ?? {}
};

const changes = compareHeadlines(previous?.results, results);
const notes = [
  `# Release ${version}`,
  "",
  `Data cut-off ${study.cutoff}; code at commit ${manifest.commit}.${study.reconstructed ? " Reconstructed demo cohort." : ""}`,
  "",
  previous ? `## What changed since ${previous.version} (cut-off ${previous.manifest.cutoff})` : "## First release",
  "",
  headlineTable(changes, previous?.version ?? null, version),
  "",
  previous ? changedInputs(previous.manifest, manifest) : "",
  "",
  `Verify: \`npm run verify-release -- ${version}\` rebuilds this release from its commit and checks every file.`,
  ""
].join("\n");

const staging = join(releasesDir, `.${version}.tmp`);
rmSync(staging, {recursive: true, force: true});
mkdirSync(staging, {recursive: true});
writeFileSync(join(staging, "results.json"), readFileSync(resultsFile));
writeFileSync(join(staging, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
writeFileSync(join(staging, "NOTES.md"), notes);
renameSync(staging, join(releasesDir, version));

console.log(`Recorded releases/${version}/ (${manifest.dist.length} files in dist/, ${manifest.inputs.length} inputs).`);
console.log(`Commit it: git add releases/${version} && git commit -m "Release ${version}"`);

function changedInputs(before: Manifest, after: Manifest): string {
  const old = new Map(before.inputs.map((d) => [d.path, d.sha256]));
  const lines = after.inputs.filter((d) => old.get(d.path) !== d.sha256).map((d) => `- ${d.path}${old.has(d.path) ? " changed" : " added"}`);
  for (const path of old.keys()) if (!after.inputs.some((d) => d.path === path)) lines.push(`- ${path} removed`);
  return lines.length ? ["Input files:", ...lines].join("\n") : "Input files: unchanged.";
}
