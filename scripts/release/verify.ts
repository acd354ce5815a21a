// npm run verify-release -- <version>: rebuild a recorded release from the commit it names,
// in a temporary git worktree with the locked dependencies (npm ci), and check every input
// and every dist/ file against its manifest. Lists each file that differs; exit 1 if any.
import {execFileSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {publishedResultsFile} from "../../src/core/release/published-results.js";
import {compareTrees, digestFile, digestTree, type FileDigest, type TreeDifference} from "../../src/core/release/files.js";
import {git} from "../../src/core/release/git.js";
import type {Manifest} from "../../src/core/release/releases.js";
import {args} from "../args.js";
import {buildReport} from "./build-report.js";

const root = resolve(import.meta.dirname, "../..");
const {version} = args({usage: "npm run verify-release -- <version>", options: {}, positionals: ["version"]}).positionals;
const manifestPath = join(root, "releases", version, "manifest.json");
if (!existsSync(manifestPath)) {
  console.error(`no release ${version}: ${manifestPath} does not exist`);
  process.exit(2);
}
const manifest: Manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const work = mkdtempSync(join(tmpdir(), `verify-${version}-`));

let differences: TreeDifference[] = [];
try {
  console.error(`Checking out ${manifest.commit} into ${work}…`);
  git(root, "worktree", "add", "--detach", work, manifest.commit);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {cwd: work, stdio: ["ignore", process.stderr, "inherit"]});
  buildReport(work, manifest.data_dir);
  const prefixed = (digests: FileDigest[], prefix: string) => digests.map((d) => ({...d, path: prefix + d.path}));
  differences = [
    ...compareTrees(prefixed(manifest.inputs.map((d) => ({...d, path: d.path.slice(manifest.data_dir.length + 1)})), "inputs/"), prefixed(digestTree(join(work, manifest.data_dir)), "inputs/")),
    ...compareTrees(prefixed(manifest.dist, "dist/"), prefixed(digestTree(join(work, "dist")), "dist/"))
  ];
  const results = digestFile(publishedResultsFile(join(work, "dist")));
  if (results.sha256 !== manifest.results_sha256) differences.push({path: "results.json", problem: "differs"});
  const recorded = digestFile(join(root, "releases", version, "results.json"));
  if (recorded.sha256 !== manifest.results_sha256) differences.push({path: `releases/${version}/results.json`, problem: "differs"});
} finally {
  try {
    git(root, "worktree", "remove", "--force", work);
  } catch {
    rmSync(work, {recursive: true, force: true});
    git(root, "worktree", "prune");
  }
}

if (differences.length) {
  console.error(`release ${version} does NOT reproduce: ${differences.length} file(s) differ`);
  for (const d of differences) {
    const sizes = d.expected && d.actual ? ` (${d.expected.bytes} → ${d.actual.bytes} bytes)` : "";
    console.error(`  ${d.problem.padEnd(10)} ${d.path}${sizes}`);
  }
  process.exit(1);
}
console.log(`release ${version} reproduces: ${manifest.inputs.length} inputs and ${manifest.dist.length} dist/ files match the manifest (commit ${manifest.commit.slice(0, 12)}).`);
