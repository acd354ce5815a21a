// The interchange files on the site: /data, /table-1 and /safety link the XPT files, define.xml, the ARD and the
// Word tables; each download is byte for byte the file `npm run datasets` writes for the same cohort, and each is a
// file of the built site, so the release manifest lists it with its SHA-256.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import type {Page} from "playwright-core";
import {writeResultsFiles} from "../../src/core/interchange/results-files.js";
import {digestTree} from "../../src/core/release/files.js";
import {writeDatasets} from "../../src/core/results/datasets.js";
import {buildResults} from "../../src/core/results/index.js";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {download} from "./download.js";
import {build, DIST, ROOT, session} from "./site.js";

build();

const scratch = mkdtempSync(join(tmpdir(), "interchange-e2e-"));
const expected = join(scratch, "files");
const cohort = join(ROOT, "data", "cohort");
const results = await buildResults(cohort);
await writeDatasets(cohort, expected, {more: (dir) => writeResultsFiles(results, dir)});
after(() => rmSync(scratch, {recursive: true, force: true}));

describe("interchange files in Chromium", () => {
  const site = session();
  let page: Page;
  let watched: PageProblems;

  before(async () => {
    page = await site.browser.newPage();
    watched = await watch(page, site.origin);
  });

  /** Downloads every link of the group `name` on `path`; each must equal the file npm run datasets writes. */
  async function downloadsOf(path: string, name: string, files: string[]): Promise<void> {
    await page.goto(site.origin + path, {waitUntil: "networkidle"});
    const group = page.getByRole("group", {name, exact: true});
    assert.equal(await group.getByRole("link").count(), files.length, `${path}: ${name}`);
    for (const [i, filename] of files.entries()) {
      const file = await download(page, group.getByRole("link").nth(i));
      assert.equal(file.filename, filename);
      assert.ok(file.content.equals(readFileSync(join(expected, filename))), `${path}: ${filename} is what npm run datasets writes`);
    }
    assert.deepEqual(watched.problems, []);
  }

  test("/data: the four XPT files and define.xml, the ARD as CSV and JSON and both Word documents", async () => {
    await downloadsOf("/data", "SAS transport files and Define-XML", ["adsl.xpt", "adrs.xpt", "adtte.xpt", "adae.xpt", "define.xml"]);
    await downloadsOf("/data", "Analysis results and Word tables", ["ard.csv", "ard.json", "table-1.docx", "safety.docx"]);
  });

  test("/table-1 and /safety: their Word document and the ARD", async () => {
    await downloadsOf("/table-1", "Table 1 for Word and R", ["table-1.docx", "ard.csv"]);
    await downloadsOf("/safety", "Safety tables for Word and R", ["safety.docx", "ard.csv"]);
  });
});

test("every interchange file is a file of the site (what the release manifest digests)", () => {
  const paths = digestTree(DIST).map((file) => file.path);
  // The datasets' text files are copied unhashed (observablehq.config.ts, dynamicPaths); the rest are FileAttachments.
  for (const name of ["adsl.xpt", "adrs.xpt", "adtte.xpt", "adae.xpt", "adsl.csv", "adrs.csv", "adtte.csv", "adae.csv"]) {
    assert.ok(paths.includes(`data/adam/${name}`), `dist has data/adam/${name}`);
  }
  for (const [dir, names] of [["adam", ["define.xml", "formats.json"]],
    ["results", ["ard.csv", "ard.json", "table-1.docx", "safety.docx"]]] as const) {
    for (const name of names) {
      const [stem, ext] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf(".") + 1)];
      const pattern = new RegExp(`^_file/data/${dir}/${stem}\\.[0-9a-f]+\\.${ext}$`);
      assert.ok(paths.some((path) => pattern.test(path)), `dist has data/${dir}/${name}`);
    }
  }
});
