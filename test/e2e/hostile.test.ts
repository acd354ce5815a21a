// Hostile free text is inert everywhere: the demo cohort with adverse-event terms and a comorbidity that are HTML,
// script or spreadsheet formulas (all valid free text) is built into a site (in a throwaway copy), and in Chromium
// every page shows them as text, runs none of them, and opens every disclosure without doing so; the CSV downloads
// and the published adae.csv write them as text for spreadsheets (OWASP), and /verify
// still re-derives every result from that CSV.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import type {Page} from "playwright-core";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {watch} from "../../scripts/dev/browser.js";
import {buildOnCohort, type CohortSite} from "./cohort-site.js";
import {download} from "./download.js";
import {builtResults, routes, session} from "./site.js";

// Each sets window.__pwned if it ever runs as markup.
const IMG = `<img src=x onerror="window.__pwned='AETERM'">`;
const SCRIPT = "<script>window.__pwned='AEDECOD'</script>";
const SVG = `<svg onload="window.__pwned='COMORBTX'"></svg>`;
const HYPERLINK = `=HYPERLINK("https://example.invalid","x")`;
const SUM = "@SUM(1+1)";
const csvQuoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe("hostile free text in the cohort", () => {
  let cohort: string;
  let site: CohortSite;
  before(() => {
    // Two grade 3 events, so the terms reach the results (safety.grade34) as well as ADAE.
    cohort = makeCohort([
      {file: "adverse_events.csv", replace: "4,Fatigue,Fatigue,2,", with: `4,${csvQuoted(IMG)},${SCRIPT},3,`},
      {file: "adverse_events.csv", replace: "2,Fatigue,Fatigue,1,", with: `2,${csvQuoted(HYPERLINK)},${SUM},3,`},
      {file: "patients.csv", replace: "Ischaemic heart disease; chronic kidney disease", with: csvQuoted(SVG)}
    ]);
    site = buildOnCohort(cohort);
  });
  const served = session(() => site.dist);
  after(() => {
    site?.remove();
    if (cohort) removeCohort(cohort);
  });

  /** Opens `route`, then every disclosure on it; fails on any dialog, page error, or markup made from the text. */
  async function open(route: string, act?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await served.browser.newPage();
    const watched = await watch(page, served.origin);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(served.origin + route, {waitUntil: "networkidle"});
    // Opening a disclosure may show others inside it: open until none is closed.
    const closed = page.locator("details:not([open]) > summary:visible");
    for (let opened = 0; (await closed.count()) > 0; opened++) {
      assert.ok(opened < 100, `${route}: disclosures keep appearing`);
      await closed.first().click();
    }
    await act?.(page);
    await page.waitForLoadState("networkidle");
    assert.equal(await page.evaluate(() => (window as {__pwned?: string}).__pwned), undefined, `${route}: text ran`);
    assert.deepEqual(dialogs, [], route);
    // Elements made from the text, whether or not they ran (a <script> inserted as markup never runs).
    const made = await page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload]').length +
      [...document.scripts].filter((script) => script.textContent?.includes("__pwned")).length);
    assert.equal(made, 0, `${route}: markup made from the text`);
    assert.deepEqual(watched.problems, [], route);
    return page;
  }

  test("every page shows the text, runs none of it, and neither does any disclosure", async () => {
    for (const route of routes(site.dist)) await (await open(route)).close();
  });

  test("/safety shows the terms as text; its CSV writes the formula as text", async () => {
    const page = await open("/safety");
    const table = page.locator("table", {hasText: SUM}).first(); // the AE table, before the disclosures' tables
    for (const text of [SCRIPT, SUM]) assert.equal(await table.getByText(text, {exact: true}).count(), 1, text);
    const csv = (await download(page, page.locator(`button[title^="Download grade-3-4-adverse-events"]`)))
      .content.toString("utf8");
    assert.match(csv, /\n'@SUM\(1\+1\),/);
    assert.ok(csv.includes(`${SCRIPT},`), csv);
    await page.close();
  });

  test("/data shows ADAE's terms as text; the published adae.csv writes formulas as text", async () => {
    const page = await open("/data", async (page) => page.getByText(IMG, {exact: true}).first().waitFor());
    for (const text of [IMG, SCRIPT, HYPERLINK, SUM]) {
      assert.ok(await page.getByText(text, {exact: true}).count() >= 1, `${text} shown as text`);
    }
    const csv = readFileSync(join(site.dist, "data", "adam", "adae.csv"), "utf8");
    assert.ok(csv.includes(`2,${csvQuoted(`'${HYPERLINK}`)},'${SUM},3,`), csv);
    await page.close();
  });

  test("/verify re-derives every result from the published CSVs, the hostile terms included", async () => {
    const page = await open("/verify");
    await page.getByRole("button", {name: "Run all"}).click();
    const summary = page.locator("#verify-summary[data-state]");
    await summary.waitFor({timeout: 120_000});
    const total = builtResults(site.dist).results.length;
    assert.equal(await summary.getAttribute("data-matched"), String(total), (await summary.textContent()) ?? "");
    await page.close();
  });
});
