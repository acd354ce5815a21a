// Every page of the built report opens in headless Chromium with no console error, no
// page error, no failed request, no request leaving the site's origin, and no serious or
// critical accessibility violation (axe-core). Reports, per page, the bytes transferred
// before any interaction and the time to the first figure or table.
import assert from "node:assert/strict";
import {after, before, describe, test} from "node:test";
import type {Browser} from "playwright-core";
import {seriousViolations} from "./axe.js";
import {launch, watch} from "./browser.js";
import {build, builtResults, DIST, routes, serve} from "./site.js";

build(); // before collecting the routes: a fresh clone has no dist/ yet

const FIRST_RESULT = "main figure.report-figure svg, main table, main .headlines";

describe("the built report in Chromium", () => {
  let browser: Browser;
  let origin: string;
  let close: () => void;

  before(async () => {
    const served = await serve(DIST);
    origin = served.origin;
    close = () => served.server.close();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    close?.();
  });

  test("the site has every page of the report", () => {
    const missing = ["/", "/table-1", "/response", "/swimmer", "/survival", "/safety"].filter((route) => !routes().includes(route));
    assert.deepEqual(missing, [], `routes: ${routes().join(", ")}`);
  });

  for (const route of routes()) {
    test(`${route} loads cleanly, stays on its origin and passes axe`, async (t) => {
      const page = await browser.newPage();
      const watched = await watch(page, origin);
      const started = Date.now();
      await page.goto(origin + route, {waitUntil: "commit"});
      await page.locator(FIRST_RESULT).first().waitFor({timeout: 20_000});
      const firstResultMs = await page.evaluate(() => Math.round(performance.now()));
      const wallMs = Date.now() - started;
      await page.waitForLoadState("networkidle");
      assert.ok((await page.locator("main h1").count()) >= 1, "the page has a heading");
      const {report} = builtResults();
      const footer = (await page.locator("#observablehq-footer").textContent()) ?? "";
      const identity = `Report version ${report.version} · data cut-off ${report.cutoff}`;
      assert.ok(footer.includes(identity), `the footer names this version: ${footer}`);
      assert.ok(footer.includes(String(report.data_sha256_all).slice(0, 12)), "the footer carries the data fingerprint");
      assert.ok(footer.includes(String(report.commit).slice(0, 12)), "the footer carries the code commit");
      assert.deepEqual(watched.problems, []);
      assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "no page loads DuckDB-wasm before a reader asks");
      const kB = Math.round((await watched.bytes()) / 1024);
      t.diagnostic(`${route}: ${kB} kB in ${watched.requests.length} requests before interaction; first figure/table at ${firstResultMs} ms after navigation start (${wallMs} ms wall)`);
      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });
  }

  test("DuckDB-wasm starts from the site's own files when asked", async () => {
    const page = await browser.newPage();
    const watched = await watch(page, origin);
    await page.goto(origin + "/", {waitUntil: "networkidle"});
    await page.getByRole("button", {name: "Start DuckDB in this browser"}).click();
    const status = page.locator(".duckdb-check output");
    await status.and(page.locator("[data-state]")).waitFor({timeout: 60_000});
    assert.equal(await status.getAttribute("data-state"), "ready", await status.textContent() ?? "");
    assert.match((await status.textContent()) ?? "", /DuckDB v\d+\.\d+/);
    assert.ok(watched.requests.some((url) => url.startsWith(origin) && url.endsWith(".wasm")), "the wasm came from the site");
    assert.deepEqual(watched.problems, []);
    await page.close();
  });
});
