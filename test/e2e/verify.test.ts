// Re-derivation in the reader's browser: /verify re-runs every analysis SQL file in DuckDB-wasm on the published ADaM
// datasets and finds every published result again; an altered dataset is caught and the differing results named;
// a single result re-derives on its own; DuckDB-wasm loads only on a click, from the site itself.
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {seriousViolations} from "./axe.js";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {build, builtResults, session} from "./site.js";

build();
const total = builtResults().results.length;

describe("/verify re-derives the report in Chromium", () => {
  const site = session();

  /** Opens /verify (after `prepare`, e.g. a route that alters a file), checks nothing started, clicks Run all. */
  async function runAll(prepare?: (page: Page) => Promise<void>): Promise<{page: Page; watched: PageProblems; summary: ReturnType<Page["locator"]>; clickMs: number; pageBytes: number}> {
    const page = await site.browser.newPage();
    const watched = await watch(page, site.origin);
    await prepare?.(page);
    await page.goto(site.origin + "/verify", {waitUntil: "networkidle"});
    assert.equal(await page.locator(".verify-table tbody tr").count(), total, "one row per published result before the run");
    assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "DuckDB-wasm is not loaded before the click");
    const pageBytes = await watched.bytes();
    const started = Date.now();
    await page.getByRole("button", {name: "Run all"}).click();
    const summary = page.locator("#verify-summary");
    await page.locator("#verify-summary[data-state]").waitFor({timeout: 120_000});
    return {page, watched, summary, clickMs: Date.now() - started, pageBytes};
  }

  test("every published result is re-derived and matches", async (t) => {
    const {page, watched, summary, clickMs, pageBytes} = await runAll();
    assert.equal(await summary.getAttribute("data-state"), "done", (await summary.textContent()) ?? "");
    assert.equal(await summary.getAttribute("data-total"), String(total));
    assert.equal(await summary.getAttribute("data-matched"), String(total), (await summary.textContent()) ?? "");
    assert.match((await summary.textContent()) ?? "", new RegExp(`^All ${total} published results .* match .* in \\d+\\.\\d s\\.$`));
    assert.equal(await page.locator('.verify-table tr[data-match="true"]').count(), total);
    assert.ok(watched.requests.some((url) => url.startsWith(site.origin) && url.endsWith(".wasm")), "the wasm came from the site");
    assert.deepEqual(watched.problems, []);
    assert.deepEqual(await seriousViolations(page), []);
    const kB = (bytes: number) => Math.round(bytes / 1024);
    const all = await watched.bytes();
    t.diagnostic(`/verify: ${total} results, ${await summary.getAttribute("data-elapsed-ms")} ms from click to summary ` +
      `(page clock; ${clickMs} ms wall incl. polling); ${kB(pageBytes)} kB before the click, ${kB(all - pageBytes)} kB ` +
      `after it, ${watched.requests.length} requests in all`);
    await page.close();
  });

  test("an altered ADTTE (one overall-survival AVAL) is reported, naming the results it changes", async () => {
    let aval = NaN;
    const {page, watched, summary} = await runAll(async (page) => {
      await page.route(/\/data\/adam\/adtte\.csv$/, async (route) => {
        const body = await (await route.fetch()).text();
        const lines = body.split("\n");
        const os = lines.findIndex((line) => /^1,OS,/.test(line)); // USUBJID 1, overall survival
        assert.ok(os > 0, "ADTTE has patient 1's OS row");
        const cells = lines[os]!.split(",");
        aval = Number(cells[5]);
        cells[5] = String(aval + 30); // AVAL, the 6th column (see src/sql/published/load.sql)
        lines[os] = cells.join(",");
        await route.fulfill({body: lines.join("\n"), contentType: "text/csv"});
      });
    });
    const text = (await summary.textContent()) ?? "";
    assert.equal(await summary.getAttribute("data-state"), "done", text);
    assert.equal(await summary.getAttribute("data-total"), String(total));
    // OS AVAL feeds the overall-survival KM (km.sql) and the reverse-KM follow-up (followup.sql), nothing else.
    const differing = ["tte.followup", "tte.os"];
    assert.equal(await summary.getAttribute("data-matched"), String(total - differing.length), text);
    for (const id of differing) assert.ok(text.includes(id), `the summary names ${id}: ${text}`);
    const rows = await page.locator('.verify-table tr[data-match="false"]').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    assert.deepEqual(rows, differing);
    const osRow = (await page.locator('.verify-table tr[data-id="tte.os"]').textContent()) ?? "";
    assert.ok(osRow.includes(`time_days: published ${aval}, re-derived ${aval + 30}`), osRow);
    assert.deepEqual(watched.problems, []);
    await page.close();
  });

  test("one result re-derives on its own, and only after its button is clicked", async () => {
    const page = await site.browser.newPage();
    const watched = await watch(page, site.origin);
    await page.goto(site.origin + "/verify", {waitUntil: "networkidle"});
    await page.getByLabel("Result", {exact: true}).selectOption("response.orr");
    const status = page.locator(".rerun output");
    assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "no wasm before the click");
    await page.getByRole("button", {name: "Re-derive in this browser: response.orr"}).click();
    await page.locator(".rerun output[data-state]").waitFor({timeout: 60_000});
    const text = (await status.textContent()) ?? "";
    assert.equal(await status.getAttribute("data-state"), "match", text);
    const orr = builtResults().results.find((r) => r.id === "response.orr")!;
    assert.ok(text.includes(`re-derived: ${orr.display} — matches published (src/sql/analysis/response.sql`), text);
    assert.deepEqual(watched.problems, []);
    await page.close();
  });

  test("a \"How this was derived\" disclosure re-derives its result with the same button", async () => {
    const page = await site.browser.newPage();
    const watched = await watch(page, site.origin);
    await page.goto(site.origin + "/response", {waitUntil: "networkidle"});
    const disclosure = page.locator("details.derivation").first();
    await disclosure.locator("summary").click();
    await disclosure.locator('.derivation-content[data-state="ready"]').waitFor({timeout: 20_000});
    assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "no wasm before the click");
    await disclosure.locator(".derivation-rerun button").click();
    const status = disclosure.locator(".derivation-rerun output");
    await disclosure.locator(".derivation-rerun output[data-state]").waitFor({timeout: 60_000});
    const text = (await status.textContent()) ?? "";
    assert.equal(await status.getAttribute("data-state"), "match", text);
    assert.match(text, /re-derived: .* — matches published \(src\/sql\/analysis\/\w+\.sql, \d+\.\d s\)\./);
    assert.deepEqual(watched.problems, []);
    await page.close();
  });
});
