// Every page of the built report opens in headless Chromium with no console error, no
// page error, no failed request and no request leaving the site's origin.
import assert from "node:assert/strict";
import {after, before, describe, test} from "node:test";
import type {Browser} from "playwright-core";
import {launch, watch} from "./browser.js";
import {build, DIST, routes, serve} from "./site.js";

build(); // before collecting the routes: a fresh clone has no dist/ yet

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

  test("the site has the overview page", () => {
    assert.ok(routes().includes("/"), `routes: ${routes().join(", ")}`);
  });

  for (const route of routes()) {
    test(`${route} loads cleanly and stays on its origin`, async () => {
      const page = await browser.newPage();
      const watched = await watch(page, origin);
      await page.goto(origin + route, {waitUntil: "networkidle"});
      assert.ok((await page.locator("main h1").count()) >= 1, "the page has a heading");
      assert.deepEqual(watched.problems, []);
      assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "no page loads DuckDB-wasm before a reader asks");
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
