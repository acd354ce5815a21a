// The built site, fresh and served on 127.0.0.1 for the end-to-end tests.
import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {serve} from "../../scripts/serve.js";
import {publishedResultsFile} from "../../src/core/release/build.js";
import {launch} from "./browser.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-inputs.sha256");
const INPUTS = ["src", "data", "releases", "scripts", "observablehq.config.ts", "package-lock.json"];

/** SHA-256 over every file the build reads (Framework's own cache excluded). */
function inputHash(): string {
  const hash = createHash("sha256");
  const visit = (path: string): void => {
    if (!existsSync(path) || path.includes(`${join("src", ".observablehq")}`)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(relative(ROOT, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const input of INPUTS) visit(join(ROOT, input));
  return hash.update(`COHORT_DIR=${process.env.COHORT_DIR ?? ""}`).digest("hex");
}

/**
 * Builds the report unless dist/ was built from exactly these inputs (each test file runs in
 * its own process; the first builds, the others reuse it).
 */
export function build(): void {
  const hash = inputHash();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === hash) return;
  execFileSync("npm", ["run", "--silent", "build"], {cwd: ROOT, stdio: ["ignore", "ignore", "inherit"]});
  writeFileSync(STAMP, hash + "\n");
}

/** Every page of the built site as a route: index.html → "/", table-1.html → "/table-1". */
export function routes(dist = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path);
      else if (entry.name.endsWith(".html")) out.push("/" + relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, ""));
    }
  };
  walk(dist);
  return out.map((route) => route.replace(/\/$/, "") || "/").sort();
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

export {serve};
