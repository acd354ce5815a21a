// The page budget: what each page of the built report costs a reader before any interaction.
// Builds the site if needed (unless --dist is given), serves it, opens every page in headless
// Chromium with an empty cache and measures, until the network is idle and without a click:
// the bytes transferred (headers + bodies) from a plain static server and from one that gzips,
// and the time to the first figure or table (median of --runs), on localhost and on a
// simulated 10 Mbit/s link with 40 ms latency. Prints a table, writes JSON, and exits 1 if a
// page is over budget without compression. DuckDB-wasm is not counted: it loads on request.
//
//   npm run page-budget [-- --dist DIR] [--json bench/page-budget.json] [--runs 3]
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {args} from "../args.js";
import {launch, watch} from "./browser.js";
import {serve} from "./serve.js";
import {buildSite, DIST, ROOT, routes} from "./built-site.js";

/** Every page must load in less than this, uncompressed, before the reader asks for more. */
export const PAGE_BUDGET_BYTES = 500_000;

/** The first result a reader sees: a figure, a table or the overview's headline numbers. */
export const FIRST_RESULT = "main figure.report-figure svg, main table, main .headlines";

export const SLOW_LINK = {latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8, label: "10 Mbit/s, 40 ms"};

export interface Visit {
  bytes: number;
  requests: number;
  /** ms from navigation start to the first FIRST_RESULT in the document. */
  firstResultMs: number;
  problems: string[];
}

/** Opens `route` in a fresh context (empty cache) and measures it until the network is idle. */
export async function visit(browser: Browser, origin: string, route: string, {link}: {link?: typeof SLOW_LINK} = {}): Promise<Visit> {
  const page = await browser.newPage();
  try {
    if (link) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.emulateNetworkConditions", {offline: false, latency: link.latency, downloadThroughput: link.downloadThroughput, uploadThroughput: link.uploadThroughput});
    }
    // Note the moment the first result enters the document, whatever the page does next.
    // (A string, not a function: tsx would add helpers the page does not have.)
    await page.addInitScript(`{
      const observer = new MutationObserver(() => {
        if (window.firstResult === undefined && document.querySelector(${JSON.stringify(FIRST_RESULT)})) {
          window.firstResult = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, {childList: true, subtree: true});
    }`);
    const watched = await watch(page, origin);
    await page.goto(origin + route, {waitUntil: "networkidle", timeout: 120_000});
    await page.locator(FIRST_RESULT).first().waitFor({state: "attached", timeout: 60_000});
    const firstResultMs = await page.evaluate(() => (window as unknown as {firstResult?: number}).firstResult ?? performance.now());
    const wasm = watched.requests.filter((url) => url.endsWith(".wasm"));
    return {
      bytes: await watched.bytes(),
      requests: watched.requests.length,
      firstResultMs: Math.round(firstResultMs),
      problems: [...watched.problems, ...wasm.map((url) => `DuckDB-wasm loaded before interaction: ${url}`)]
    };
  } finally {
    await page.close();
  }
}

export interface PageBudgetRow {
  route: string;
  requests: number;
  bytes_plain: number;
  bytes_gzip: number;
  first_result_ms: number;
  first_result_ms_slow_link: number;
  within_budget: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureSite(dist: string, runs: number): Promise<PageBudgetRow[]> {
  const plain = await serve(dist);
  const gzip = await serve(dist, 0, {gzip: true});
  const browser = await launch();
  try {
    const rows: PageBudgetRow[] = [];
    for (const route of routes(dist)) {
      const local: Visit[] = [];
      for (let i = 0; i < runs; i++) local.push(await visit(browser, plain.origin, route));
      const zipped = await visit(browser, gzip.origin, route);
      const slow = await visit(browser, plain.origin, route, {link: SLOW_LINK});
      const problems = [...local, zipped, slow].flatMap((v) => v.problems);
      if (problems.length) throw new Error(`${route}: ${[...new Set(problems)].join("; ")}`);
      const bytes = Math.max(...local.map((v) => v.bytes));
      rows.push({
        route,
        requests: local[0]!.requests,
        bytes_plain: bytes,
        bytes_gzip: zipped.bytes,
        first_result_ms: median(local.map((v) => v.firstResultMs)),
        first_result_ms_slow_link: slow.firstResultMs,
        within_budget: bytes < PAGE_BUDGET_BYTES
      });
    }
    return rows;
  } finally {
    await browser.close();
    plain.server.close();
    gzip.server.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

export function table(rows: PageBudgetRow[]): string {
  const lines = [
    `| page | requests | transferred, plain | transferred, gzip | first figure/table, localhost | first figure/table, ${SLOW_LINK.label} | < ${kB(PAGE_BUDGET_BYTES)} |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  ];
  for (const row of rows) {
    lines.push(`| \`${row.route}\` | ${row.requests} | ${kB(row.bytes_plain)} | ${kB(row.bytes_gzip)} | ${row.first_result_ms} ms | ${row.first_result_ms_slow_link} ms | ${row.within_budget ? "yes" : "**no**"} |`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = args({
    usage: "npm run page-budget [-- --dist DIR] [--json bench/page-budget.json] [--runs 3]",
    options: {dist: {type: "string"}, json: {type: "string", default: join(ROOT, "bench", "page-budget.json")}, runs: {type: "string", default: "3"}},
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const dist = values.dist ? resolve(values.dist) : (buildSite(), DIST);
  const rows = await measureSite(dist, runs);
  console.log(table(rows));
  const json = resolve(values.json!);
  mkdirSync(dirname(json), {recursive: true});
  writeFileSync(json, JSON.stringify({budget_bytes: PAGE_BUDGET_BYTES, dist, runs, slow_link: SLOW_LINK, pages: rows}, null, 2) + "\n");
  console.error(`wrote ${json}`);
  const over = rows.filter((row) => !row.within_budget);
  if (over.length) {
    console.error(`over the ${kB(PAGE_BUDGET_BYTES)} budget: ${over.map((row) => row.route).join(", ")}`);
    process.exit(1);
  }
}
