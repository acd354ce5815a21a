// The built site, fresh and served on 127.0.0.1 for the end-to-end tests.
import {createHash} from "node:crypto";
import assert from "node:assert/strict";
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {launch} from "../../scripts/dev/browser.js";
import {serve} from "../../scripts/dev/serve.js";
import {buildSite, DIST, ROOT, routes} from "../../scripts/dev/built-site.js";
import {publishedResultsFile} from "../../src/core/release/published-results.js";

// Outside dist/, which is the deliverable: a tested dist/ is byte for byte the built one.
const STAMP = join(ROOT, "test", ".tmp", "build-stamp.json");
const INPUTS = ["src", "data", "releases", "scripts", "observablehq.config.ts", "package-lock.json"];

/** SHA-256 over the files under `paths` (relative names and bytes, in sorted order), skipping `exclude`. */
function treeHash(root: string, paths: readonly string[], exclude = (_path: string) => false): string {
  const hash = createHash("sha256");
  const visit = (path: string): void => {
    if (!existsSync(path) || exclude(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const path of paths) visit(join(root, path));
  return hash.digest("hex");
}

/** SHA-256 over every file the build reads (Framework's own cache excluded) and the cohort it is pointed at. */
const inputHash = () => createHash("sha256")
  .update(treeHash(ROOT, INPUTS, (path) => path.includes(join("src", ".observablehq"))))
  .update(`COHORT_DIR=${process.env.COHORT_DIR ?? ""}`).digest("hex");

/** SHA-256 over every file of the built site. */
export const distHash = (dist = DIST) => treeHash(dist, ["."]);

interface Stamp {
  inputs: string;
  dist: string;
}

/**
 * Builds the report unless dist/ was built from exactly these inputs and is unchanged since (each test file runs in
 * its own process; the first builds, the others reuse it). After the calling file's tests, dist/ must still hash as
 * built: no test writes into the deliverable.
 */
export function build(): void {
  const inputs = inputHash();
  const stamp: Stamp | undefined = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, "utf8")) : undefined;
  let built = stamp?.inputs === inputs && existsSync(DIST) ? distHash() : undefined;
  if (built === undefined || built !== stamp?.dist) {
    buildSite();
    built = distHash();
    mkdirSync(dirname(STAMP), {recursive: true});
    writeFileSync(STAMP, JSON.stringify({inputs, dist: built} satisfies Stamp) + "\n");
  }
  const asBuilt = built;
  after(() => assert.equal(distHash(), asBuilt, "dist/ changed during this file's tests: tests must not write into it"));
}

/** The result `id` of a results dataset (builtResults()); a missing one fails the test. */
export function resultById(data: ReturnType<typeof builtResults>, id: string): ReturnType<typeof builtResults>["results"][number] {
  const found = data.results.find((r) => r.id === id);
  if (!found) throw new Error(`results has no ${id}`);
  return found;
}

/** The whole results dataset the built site serves (dist/_file/data/results/all.<hash>.json). */
export function builtResults(dist = DIST): {report: Record<string, unknown>; results: {id: string; section: string; display: string; denominator: number; stats: Record<string, number | null>; rows?: Record<string, unknown>[]}[]} {
  return JSON.parse(readFileSync(publishedResultsFile(dist), "utf8"));
}

export interface Session {
  browser: Browser;
  /** http://127.0.0.1:<port> */
  origin: string;
}

/**
 * For the enclosing suite (or file): before its tests, serves `dist` (a function, so a suite can build it in an
 * earlier before hook) on 127.0.0.1 and launches Chromium; after them, closes both.
 */
export function session(dist: () => string = () => DIST): Session {
  const current = {} as Session;
  let close = () => {};
  before(async () => {
    const served = await serve(dist());
    current.origin = served.origin;
    close = () => served.server.close();
    current.browser = await launch();
  });
  after(async () => {
    await current.browser?.close();
    close();
  });
  return current;
}

export {DIST, ROOT, routes, serve};
