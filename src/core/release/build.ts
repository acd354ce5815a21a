// Builds the report for a cohort directory and finds the results dataset it published.
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {ResultsLike} from "./headline.js";

/** `npm run build` at `root` with the cohort in `dataDir` (relative to root). Output goes to stderr. */
export function buildReport(root: string, dataDir: string): void {
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", process.stderr, "inherit"],
    env: {...process.env, COHORT_DIR: dataDir}
  });
}

/** The results dataset as published in dist/ (Framework names it results.<hash>.json). */
export function publishedResultsFile(dist: string): string {
  const dir = join(dist, "_file", "data");
  const files = readdirSync(dir).filter((name) => /^results\.[0-9a-f]+\.json$/.test(name));
  if (files.length !== 1) throw new Error(`expected one results.*.json in ${dir}, found ${files.length}`);
  return join(dir, files[0]);
}

export function publishedResults(dist: string): ResultsLike {
  return JSON.parse(readFileSync(publishedResultsFile(dist), "utf8"));
}
