// The results dataset a built site published (what a release records and verify-release checks).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {ResultsLike} from "./headline.js";

/**
 * The whole results dataset as published in dist/: data/results/all.<hash>.json (beside the pages' slices), or
 * data/results.<hash>.json in a site built before the slices (an earlier release rebuilt from its commit).
 */
export function publishedResultsFile(dist: string): string {
  const data = join(dist, "_file", "data");
  const [dir, pattern] = existsSync(join(data, "results")) ? [join(data, "results"), /^all\.[0-9a-f]+\.json$/] : [data, /^results\.[0-9a-f]+\.json$/];
  const files = readdirSync(dir).filter((name) => pattern.test(name));
  if (files.length !== 1) throw new Error(`expected one results dataset (${pattern.source}) in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}

export function publishedResults(dist: string): ResultsLike {
  return JSON.parse(readFileSync(publishedResultsFile(dist), "utf8"));
}
