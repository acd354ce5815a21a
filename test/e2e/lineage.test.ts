// "How this was derived" in the built report: a Table 1 cell names its numerator and denominator patients and
// highlights exactly their ADSL rows; the SQL shown is the file in src/sql byte for byte; every table, figure and
// headline number has a disclosure next to it; figures' marks select their patient by keyboard; axe still passes
// with the disclosures open.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {seriousViolations} from "./axe.js";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {build, ROOT, session} from "./site.js";

build();

const REPORT_PAGES = ["/", "/table-1", "/response", "/swimmer", "/survival", "/safety"];

describe("how each result was derived", () => {
  const site = session();
  let page: Page;
  let watched: PageProblems;


  async function open(route: string): Promise<void> {
    page = await site.browser.newPage({viewport: {width: 1100, height: 900}});
    page.setDefaultTimeout(10_000);
    watched = await watch(page, site.origin);
    await page.goto(site.origin + route, {waitUntil: "networkidle"});
    await page.locator("details.derivation").first().waitFor();
  }

  async function finish(): Promise<void> {
    assert.deepEqual(watched.problems, []);
    await page.close();
  }

  /** The USUBJIDs of the highlighted and of all rows of the analysis dataset in the open derivation. */
  async function datasetRows(scope: string): Promise<{hit: string[]; all: string[]; selected: string[]}> {
    const rows = page.locator(`${scope} table.lineage-dataset tbody tr[data-usubjid]`);
    return {
      hit: await page.locator(`${scope} table.lineage-dataset tr.lineage-hit`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-usubjid")!)),
      all: await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-usubjid")!)),
      selected: await rows.evaluateAll((trs) => trs.filter((tr) => tr.getAttribute("aria-selected") === "true").map((tr) => tr.getAttribute("data-usubjid")!))
    };
  }

  test("Table 1, R0 resection: numerator #1, #5, #6 of the operated #1, #4, #5, #6, exactly their ADSL rows highlighted", async () => {
    await open("/table-1");
    const cell = page.locator('tr[data-key="table1.resection.r0"] button.lineage-cell');
    assert.equal(await cell.textContent(), "3 (75%)");
    await cell.click();
    const content = page.locator('.derivation-content[data-state="ready"][data-key="table1.resection.r0"]');
    await content.waitFor();
    assert.equal(await cell.getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator('button.lineage-cell[aria-pressed="true"]').count(), 1, "only the selected cell is pressed");
    assert.equal(await content.locator(".lineage-numerator").getAttribute("data-patients"), "1 5 6");
    assert.equal(await content.locator(".lineage-denominator").getAttribute("data-patients"), "1 4 5 6");
    assert.match((await content.textContent()) ?? "", /src\/core\/qc\/pathology\.ts agrees \(checked: n, pct\)/);
    assert.deepEqual(await datasetRows(".derivation-content"), {hit: ["1", "5", "6"], all: ["1", "4", "5", "6"], selected: ["1", "5", "6"]});
    assert.equal(await content.locator("table.lineage-dataset").getAttribute("data-dataset"), "adsl");
    assert.deepEqual(await content.locator("table.lineage-dataset tr.lineage-hit td:last-child").allTextContents(), ["R0", "R0", "R0"]);

    // Another cell: liver RFA among the patients with liver metastases.
    await page.locator('tr[data-key="table1.liver.rfa"] button.lineage-cell').click();
    await page.locator('.derivation-content[data-state="ready"][data-key="table1.liver.rfa"]').waitFor();
    assert.deepEqual(await datasetRows(".derivation-content"), {hit: ["1", "5"], all: ["1", "5", "6"], selected: ["1", "5"]});
    assert.equal(await cell.getAttribute("aria-pressed"), "false");
    await finish();
  });

  test("the SQL shown is the file the build ran, byte for byte, with the macros it calls", async () => {
    await open("/table-1");
    await page.locator('tr[data-key="table1.female"] button.lineage-cell').click();
    await page.locator('.derivation-content[data-state="ready"][data-key="table1.female"]').waitFor();
    const shown = async (path: string) => (await page.locator(`.derivation-content pre.sql[data-path="${path}"]`).textContent()) ?? "";
    for (const path of ["src/sql/analysis/table1.sql", "src/sql/lib/proportion.sql", "src/sql/adam/adsl.sql", "src/sql/lineage/population.sql"]) {
      assert.equal(Buffer.compare(Buffer.from(await shown(path), "utf8"), readFileSync(join(ROOT, path))), 0, path);
    }
    assert.ok((await page.locator(".derivation-content pre.sql").first().locator("span.sql-keyword").count()) > 10, "highlighted");
    await finish();
  });

  for (const route of REPORT_PAGES) {
    test(`${route}: a disclosure next to every table, figure and headline number`, async () => {
      await open(route);
      // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
      const missing = await page.evaluate(() => [
        ...[...document.querySelectorAll("main figure.report-figure, main .report-table-wrapper")]
          .filter((el) => el.closest(".observablehq")?.querySelector(":scope > details.derivation") == null)
          .map((el) => el.querySelector("caption, figcaption strong")?.textContent ?? el.className),
        ...[...document.querySelectorAll("main li.headline")]
          .filter((card) => !card.querySelector("details.derivation"))
          .map((card) => (card as HTMLElement).dataset.id)
      ]);
      assert.deepEqual(missing, []);
      const count = await page.locator("main details.derivation").count();
      assert.ok(count >= 1, `${route} has ${count} disclosures`);
      await finish();
    });
  }

  test("keyboard: Enter on a cell, the summary toggles, Space on a waterfall bar selects its patient", async () => {
    await open("/response");
    const cell = page.locator('tr[data-key="response.bor.pr"] button.lineage-cell');
    await cell.focus();
    await page.keyboard.press("Enter");
    const content = page.locator('.derivation-content[data-state="ready"][data-key="response.bor.pr"]');
    await content.waitFor();
    assert.deepEqual((await datasetRows(".derivation-content")).hit, ["1", "4", "5"]);
    const details = page.locator("details.derivation", {has: content});
    await details.locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), false);
    await page.keyboard.press("Enter");
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), true);

    const bar = page.locator("rect.lineage-mark[data-usubjid]").first();
    const patient = (await bar.getAttribute("data-usubjid"))!;
    await bar.focus();
    await page.keyboard.press(" ");
    const barContent = page.locator(`.derivation-content[data-state="ready"][data-key="response.waterfall#${patient}"]`);
    await barContent.waitFor();
    assert.equal(await bar.getAttribute("aria-pressed"), "true");
    assert.equal(await barContent.locator(".lineage-numerator").getAttribute("data-patients"), patient);
    const scope = `.derivation-content[data-key="response.waterfall#${patient}"]`;
    const rows = await datasetRows(scope);
    assert.ok(rows.hit.length >= 2, "the patient's baseline and post-treatment measurements");
    assert.deepEqual(rows.hit, rows.all.filter((id) => id === patient), "exactly that patient's ADRS rows");
    assert.deepEqual(rows.selected, rows.hit);
    assert.deepEqual(await seriousViolations(page), []);

    // The mouse too: a click on another bar (Plot's tip takes the click itself, so marks select on pointerdown).
    const other = page.locator(`rect.lineage-mark[data-usubjid]:not([data-usubjid="${patient}"])`).first();
    const otherPatient = (await other.getAttribute("data-usubjid"))!;
    await other.click();
    await page.locator(`.derivation-content[data-state="ready"][data-key="response.waterfall#${otherPatient}"]`).waitFor();
    assert.equal(await bar.getAttribute("aria-pressed"), "false");
    assert.equal(await other.getAttribute("aria-pressed"), "true");
    await finish();
  });

  test("swimmer lanes and Kaplan–Meier curves select their derivation by keyboard", async () => {
    await open("/swimmer");
    const lane = page.locator("line.lineage-mark[data-usubjid='3']");
    await lane.focus();
    await page.keyboard.press("Enter");
    const content = page.locator('.derivation-content[data-state="ready"][data-key="swimmer.lanes#3"]');
    await content.waitFor();
    assert.deepEqual((await datasetRows(".derivation-content")).hit, ["3"]);
    assert.equal(await content.locator("pre.sql").first().getAttribute("data-path"), "src/sql/analysis/swimmer_lanes.sql");
    assert.deepEqual(await seriousViolations(page), []);
    await finish();

    await open("/survival");
    const curve = page.locator(".km-curve path.lineage-mark").nth(2); // duration of response
    await curve.focus();
    await page.keyboard.press("Enter");
    const dor = page.locator('.derivation-content[data-state="ready"][data-key="tte.dor"]');
    await dor.waitFor();
    assert.equal(await dor.locator(".lineage-numerator").getAttribute("data-patients"), "1 4 5 6");
    assert.deepEqual((await datasetRows('.derivation-content[data-key="tte.dor"]')).hit, ["1", "4", "5", "6"]);
    assert.deepEqual(await seriousViolations(page), []);
    await finish();
  });

  test("axe passes with a Table 1 derivation and a headline derivation open", async () => {
    await open("/table-1");
    await page.locator('tr[data-key="table1.resection.r0"] button.lineage-cell').click();
    await page.locator('.derivation-content[data-state="ready"]').waitFor();
    await page.locator(".derivation-dependency summary").first().click();
    assert.deepEqual(await seriousViolations(page), []);
    await finish();
    await open("/");
    await page.locator('li.headline[data-id="response.orr"] details.derivation summary').click();
    const orr = page.locator('li.headline[data-id="response.orr"] .derivation-content[data-state="ready"]');
    await orr.waitFor();
    assert.equal(await orr.locator(".lineage-numerator").getAttribute("data-patients"), "1 4 5 6");
    assert.deepEqual(await seriousViolations(page), []);
    await finish();
  });
});
