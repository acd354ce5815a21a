// The report on a synthetic cohort of 300 patients (built in a throwaway copy, so the demo build
// stays as it is): the swimmer plot draws at most 50 lanes, says how many of the 300 it shows and
// in which order, filters by morphology, response and stage; Table 1 and the survival curves
// count all 300, drawn from thinned Kaplan–Meier tables whose CSV has every row; the swimmer fetches the other lanes'
// treatments only when a filter shows them; every page opens without an error and within the page budget. Built with
// the text-file limit lowered to TEXT_ROWS rows, so that ADRS is published as a registry's would be: Parquet only.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import type {Page} from "playwright-core";
import type {DatasetFormats} from "../../src/core/adam/publication.js";
import type {Result} from "../../src/core/results/lookup.js";
import type {SwimmerLane} from "../../src/core/results/rows.js";
import {writeCohort} from "../../src/core/synth/write.js";
import {PAGE_BUDGET_BYTES} from "../../scripts/dev/page-budget.js";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {buildOnCohort, type CohortSite} from "./cohort-site.js";
import {download} from "./download.js";
import {builtResults, routes, session} from "./site.js";

const N = 300;
/** ADAM_TEXT_ROWS for this build: more than ADSL's 300 rows, fewer than ADRS's (several assessments a patient). */
const TEXT_ROWS = 1000;

describe(`the report on a synthetic cohort of ${N} patients`, () => {
  let cohort: string;
  let site: CohortSite;
  let results: ReturnType<typeof builtResults>["results"];
  let page: Page;
  let watched: PageProblems;
  const byId = (id: string) => results.find((r) => r.id === id)! as unknown as Result;

  before(async () => {
    cohort = join(mkdtempSync(join(tmpdir(), "report-synth-")), "cohort");
    await writeCohort({n: N, seed: 1, out: cohort});
    site = buildOnCohort(cohort, {ADAM_TEXT_ROWS: String(TEXT_ROWS)});
    results = builtResults(site.dist).results;
  });
  const served = session(() => site.dist);
  after(() => {
    site?.remove();
    if (cohort) rmSync(join(cohort, ".."), {recursive: true, force: true});
  });

  async function open(route: string, ready: string): Promise<void> {
    page = await served.browser.newPage({viewport: {width: 1100, height: 900}});
    page.setDefaultTimeout(10_000);
    watched = await watch(page, served.origin);
    await page.goto(served.origin + route, {waitUntil: "networkidle"});
    await page.locator(ready).first().waitFor({state: "attached"});
  }
  const labels = () => page.locator("[aria-label='y-axis tick label'] text").allTextContents();
  const note = async (text: string) => (await page.locator(".figure-note", {hasText: text}).waitFor(), page.locator(".figure-note").textContent());

  test("swimmer: 50 of 300 lanes, the longest follow-up first, said in words", async () => {
    assert.equal(byId("cohort.n").stats.n, N);
    await open("/swimmer", ".swimmer-lane line");
    const lanes = (byId("swimmer.lanes").rows ?? []) as unknown as SwimmerLane[];
    const longest = [...lanes].sort((a, b) => b.followup_days - a.followup_days || a.USUBJID - b.USUBJID).slice(0, 50);
    assert.equal(await page.locator(".swimmer-lane line").count(), 50);
    assert.deepEqual(await labels(), longest.map((lane) => `#${lane.USUBJID} · ${lane.BOR}`));
    assert.equal(await note("Showing"), `Showing 50 of ${N} patients: the first 50 by follow-up (longest first).`);
    assert.ok(!watched.requests.some((url) => url.includes("/data/results/swimmer-rows.")), "the first view's treatments come with the page");
    assert.deepEqual(watched.problems, []);
  });

  test("swimmer: filter by morphology and stage, sort by best response", async () => {
    const lanes = (byId("swimmer.lanes").rows ?? []) as unknown as SwimmerLane[];
    const metastatic = new Set(byId("table1.stage.metastatic").patients);
    await page.getByRole("checkbox", {name: "MINEN", exact: true}).uncheck();
    await page.getByRole("checkbox", {name: byId("table1.stage.metastatic").label, exact: true}).uncheck();
    const kept = lanes.filter((lane) => lane.MORPH !== "MINEN" && !metastatic.has(lane.USUBJID));
    assert.ok(kept.length > 50 && kept.length < N, `${kept.length} locally advanced LCNEC/SCNEC`);
    assert.equal(await note(`of the ${kept.length} that match`), `Showing 50 of ${N} patients: the first 50 by follow-up (longest first) of the ${kept.length} that match the filter.`);
    await page.getByLabel("Order lanes by").selectOption({label: "Best overall response"});
    await note("by best overall response");
    const BOR = ["CR", "PR", "SD", "PD", "NE"];
    const byResponse = [...kept].sort((a, b) => BOR.indexOf(a.BOR) - BOR.indexOf(b.BOR) || b.followup_days - a.followup_days || a.USUBJID - b.USUBJID);
    assert.deepEqual(await labels(), byResponse.slice(0, 50).map((lane) => `#${lane.USUBJID} · ${lane.BOR}`));
    assert.ok(watched.requests.some((url) => url.includes("/data/results/swimmer-rows.")), "the other lanes' treatments loaded on the change");
    const drawn = new Set(byResponse.slice(0, 50).map((lane) => lane.USUBJID));
    const segments = (byId("swimmer.segments").rows ?? []).filter((s) => drawn.has(s.USUBJID as number));
    assert.equal(await page.locator(".swimmer-segment rect").count(), segments.length, "every drawn lane has its treatments");
    assert.deepEqual(watched.problems, []);
    await page.close();
  });

  test("Table 1 and the survival curves count every patient", async () => {
    await open("/table-1", "table.report-table");
    assert.equal(await page.locator("table.report-table thead th").nth(1).textContent(), `N = ${N}¹`);
    await page.close();
    await open("/survival", ".km-curve path");
    assert.equal(await page.locator(".report-figure").count(), 3);
    const os = page.locator(".report-figure").first();
    const atRiskAtZero = await os.locator(".risk-cell text").first().textContent();
    assert.equal(atRiskAtZero, String(N), "at risk at month 0 of overall survival");
    const table = byId("tte.os").rows ?? [];
    assert.ok(table.length > 200, `${table.length} rows: a table long enough to be thinned`);
    assert.match((await os.locator(".figure-note").textContent()) ?? "", new RegExp(`^Drawn from \\d+ of the ${table.length} rows of the Kaplan–Meier table`));
    assert.ok(!watched.requests.some((url) => url.includes("/data/results/all.")), "the full results are not fetched before a download");
    const csv = await download(page, os.getByRole("button", {name: "CSV"}));
    assert.equal(csv.content.toString("utf8").trim().split("\n").length, table.length + 1, "the CSV has every row of the table");
    assert.deepEqual(watched.problems, []);
    await page.close();
  });

  test("/data: a table longer than the text-file limit as Parquet only, said in words; /verify says why it cannot re-run", async () => {
    const file = readdirSync(join(site.dist, "_file", "data", "adam")).find((name) => /^formats\.[0-9a-f]+\.json$/.test(name))!;
    const formats = JSON.parse(readFileSync(join(site.dist, "_file", "data", "adam", file), "utf8")) as DatasetFormats;
    const adsl = formats.datasets.find((d) => d.table === "adsl")!;
    const adrs = formats.datasets.find((d) => d.table === "adrs")!;
    assert.equal(formats.text_rows, TEXT_ROWS);
    assert.equal(adsl.rows, N);
    assert.deepEqual(adsl.formats, ["parquet", "csv", "xpt"]);
    assert.ok(adrs.rows > TEXT_ROWS, `ADRS has ${adrs.rows} rows`);
    assert.deepEqual(adrs.formats, ["parquet"]);
    for (const {table, formats: published} of formats.datasets) {
      for (const format of ["csv", "xpt"]) {
        assert.equal(existsSync(join(site.dist, "data", "adam", `${table}.${format}`)), published.includes(format as "csv"), `${table}.${format}`);
      }
    }
    await open("/data", ".dataset");
    const section = page.locator('section[data-dataset="ADRS"]');
    assert.equal(await section.getAttribute("class"), "dataset dataset-parquet-only");
    assert.equal(await section.locator("p").first().textContent(), `ADRS has ${adrs.rows.toLocaleString("en-US")} rows, more than the 1,000 a ` +
      "spreadsheet opens: the site publishes it as Parquet only, neither shown here nor as CSV or XPT. npm run datasets writes every format from the same cohort.");
    assert.deepEqual(await page.getByRole("group", {name: "Download ADRS"}).getByRole("link").allTextContents(), ["Parquet"]);
    const xpt = formats.datasets.filter((d) => d.formats.includes("xpt")).map((d) => `${d.table.toUpperCase()} (XPT)`);
    assert.deepEqual(await page.getByRole("group", {name: "SAS transport files and Define-XML"}).getByRole("link").allTextContents(), [...xpt, "define.xml"]);
    const csv = await download(page, page.getByRole("group", {name: "Download ADSL"}).getByRole("link", {name: "CSV"}));
    assert.ok(csv.content.equals(readFileSync(join(site.dist, "data", "adam", "adsl.csv"))), "ADSL's CSV link serves data/adam/adsl.csv");
    assert.deepEqual(watched.problems, []);
    await page.close();
    await open("/verify", ".verify-table");
    await page.getByRole("button", {name: "Run all"}).click();
    await page.locator("#verify-summary[data-state]").waitFor();
    assert.equal(await page.locator("#verify-summary").getAttribute("data-state"), "error");
    assert.equal(await page.locator("#verify-summary").textContent(),
      `The re-run failed: the re-run reads the published CSVs, and ADRS (${adrs.rows} rows) is longer than the 1000 rows published as CSV`);
    assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "DuckDB-wasm is not fetched for a re-run that cannot read the data");
    await page.close();
  });

  test("every page opens without an error", async () => {
    for (const route of routes(site.dist)) {
      await open(route, "main h1");
      await page.waitForLoadState("networkidle");
      assert.equal(await page.locator(".observablehq--error").count(), 0, route);
      assert.deepEqual(watched.problems, [], route);
      const bytes = await watched.bytes();
      assert.ok(bytes < PAGE_BUDGET_BYTES, `${route}: ${bytes} bytes before interaction, budget ${PAGE_BUDGET_BYTES}`);
      await page.close();
    }
  });
});
