// Every page of the built report opens in headless Chromium with no console error, no
// page error, no failed request, no request leaving the site's origin, and no serious or
// critical accessibility violation (axe-core), and within the page budget: fewer than 500 kB
// transferred from a plain static server before any interaction (`npm run page-budget` for
// the full table with gzip and timings). Reports the bytes and the time to the first figure.
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {FIRST_RESULT, PAGE_BUDGET_BYTES} from "../../scripts/dev/page-budget.js";
import {seriousViolations} from "./axe.js";
import {watch} from "../../scripts/dev/browser.js";
import {build, builtResults, routes, session} from "./site.js";

build(); // before collecting the routes: a fresh clone has no dist/ yet

describe("the built report in Chromium", () => {
  const site = session();

  test("the site has every page of the report", () => {
    const missing = ["/", "/table-1", "/response", "/swimmer", "/survival", "/safety"].filter((route) => !routes().includes(route));
    assert.deepEqual(missing, [], `routes: ${routes().join(", ")}`);
  });

  for (const route of routes()) {
    test(`${route} loads cleanly, stays on its origin, within the page budget, and passes axe`, async (t) => {
      const page = await site.browser.newPage();
      const watched = await watch(page, site.origin);
      const started = Date.now();
      await page.goto(site.origin + route, {waitUntil: "commit"});
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
      const bytes = await watched.bytes();
      assert.ok(bytes < PAGE_BUDGET_BYTES, `${route}: ${bytes} bytes before interaction, budget ${PAGE_BUDGET_BYTES}`);
      const kB = Math.round(bytes / 1000);
      t.diagnostic(`${route}: ${kB} kB in ${watched.requests.length} requests before interaction; first figure/table at ${firstResultMs} ms after navigation start (${wallMs} ms wall)`);
      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });
  }

  test("DuckDB-wasm starts from the site's own files when asked", async () => {
    const page = await site.browser.newPage();
    const watched = await watch(page, site.origin);
    await page.goto(site.origin + "/", {waitUntil: "networkidle"});
    await page.getByRole("button", {name: "Start DuckDB in this browser"}).click();
    const status = page.locator(".duckdb-check output");
    await status.and(page.locator("[data-state]")).waitFor({timeout: 60_000});
    assert.equal(await status.getAttribute("data-state"), "ready", await status.textContent() ?? "");
    assert.match((await status.textContent()) ?? "", /DuckDB v\d+\.\d+/);
    assert.ok(watched.requests.some((url) => url.startsWith(site.origin) && url.endsWith(".wasm")), "the wasm came from the site");
    assert.deepEqual(watched.problems, []);
    await page.close();
  });
});
