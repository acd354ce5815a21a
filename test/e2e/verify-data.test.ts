// /data: the four published ADaM datasets as searchable, sortable tables whose CSV and Parquet downloads parse and
// hold every row, and the data dictionary; no request leaves the site and DuckDB-wasm is not loaded.
import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {Engine} from "../../src/core/engine.js";
import {seriousViolations} from "./axe.js";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {download} from "./download.js";
import {build, builtResults, session} from "./site.js";

build();

// The demo cohort (data/cohort): 6 patients; 47 ADRS records (37 assessments, 4 progression events, 6 BOR);
// OS and PFS for 6, DOR for the 4 confirmed responders; 6 adverse events.
const ROWS = {ADSL: 6, ADRS: 47, ADTTE: 16, ADAE: 6};

describe("/data in Chromium", () => {
  const site = session();
  let page: Page;
  let watched: PageProblems;
  const scratch = mkdtempSync(join(tmpdir(), "verify-data-"));

  before(async () => {
    page = await site.browser.newPage({viewport: {width: 1200, height: 900}});
    watched = await watch(page, site.origin);
    await page.goto(site.origin + "/data", {waitUntil: "networkidle"});
    await page.locator(".dataset.dictionary table").waitFor();
  });
  after(() => {
    rmSync(scratch, {recursive: true, force: true});
  });

  test("the four datasets render with every row, and the page stays on its origin without DuckDB-wasm", async () => {
    for (const [name, rows] of Object.entries(ROWS)) {
      const section = page.locator(`.dataset[data-dataset="${name}"]`);
      assert.equal(await section.getAttribute("data-rows"), String(rows), name);
      assert.equal(await section.locator(".dataset-count").textContent(), `${rows} of ${rows} rows`);
      assert.ok((await section.locator("table thead th").count()) > 5, `${name} has its columns`);
    }
    assert.ok(!watched.requests.some((url) => url.endsWith(".wasm")), "no DuckDB-wasm on /data");
    assert.deepEqual(watched.problems, []);
    assert.deepEqual(await seriousViolations(page), []);
  });

  test("study days read as in the CSV, without a thousands separator (patient 6's last contact: day 1093)", async () => {
    const cells = await page.locator('.dataset[data-dataset="ADTTE"] table tbody td').allTextContents();
    assert.ok(cells.includes("1093"), "day 1093 shown as 1093");
    assert.deepEqual(cells.filter((cell) => /\d,\d{3}/.test(cell)), []);
  });

  test("search filters a dataset (ADSL: the 2 LCNEC patients)", async () => {
    const adsl = page.locator('.dataset[data-dataset="ADSL"]');
    await adsl.getByRole("searchbox").fill("LCNEC");
    assert.equal(await adsl.locator(".dataset-count").textContent(), "2 of 6 rows");
    assert.equal(await adsl.locator("table tbody tr").count(), 2);
    await adsl.getByRole("searchbox").fill("");
    assert.equal(await adsl.locator(".dataset-count").textContent(), "6 of 6 rows");
  });

  test("every CSV and Parquet download parses and holds every row, with study days only", async () => {
    const engine = await Engine.open();
    try {
      for (const [name, rows] of Object.entries(ROWS)) {
        const section = page.locator(`.dataset[data-dataset="${name}"]`);
        const csv = await download(page, section.getByRole("link", {name: "CSV"}));
        assert.equal(csv.filename, `${name.toLowerCase()}-v${builtResults().report.version}.csv`);
        const parsed = csvParse(csv.content.toString("utf8"));
        assert.equal(parsed.length, rows, `${name} CSV rows`);
        assert.equal(parsed.columns[0], "USUBJID");
        assert.doesNotMatch(csv.content.toString("utf8"), /\d{4}-\d{2}-\d{2}/, `${name} CSV has no calendar date`);
        const parquet = await download(page, section.getByRole("link", {name: "Parquet"}));
        assert.equal(parquet.filename, `${name.toLowerCase()}-v${builtResults().report.version}.parquet`);
        const file = join(scratch, parquet.filename);
        writeFileSync(file, parquet.content);
        await engine.sql("SET VARIABLE parquet_file = $file", {file});
        const [{n}] = await engine.sql("SELECT count(*)::INTEGER AS n FROM read_parquet(getvariable('parquet_file'))");
        assert.equal(n, rows, `${name} Parquet rows`);
        const columns = await engine.sql("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(getvariable('parquet_file')))");
        assert.deepEqual(columns.map((c) => c.column_name), parsed.columns, `${name} Parquet has the CSV's columns`);
      }
    } finally {
      engine.close();
    }
    assert.deepEqual(watched.problems, []);
  });

  test("the data dictionary lists every variable of the four datasets with label and type", async () => {
    const dictionary = page.locator(".dataset.dictionary");
    await dictionary.getByRole("searchbox").fill("AVAL");
    const text = (await dictionary.locator("table tbody").textContent()) ?? "";
    assert.ok(text.includes("Analysis value (days)") && text.includes("ADY − STARTDY + 1") && text.includes("INTEGER"), text);
  });
});
