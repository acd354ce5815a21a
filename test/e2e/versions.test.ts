// /versions names the commit this site was built from (the footer's) and the commit the release of its version was
// recorded from, and says how they relate, in the same words as the releases table.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, test} from "node:test";
import {watch} from "../../scripts/dev/browser.js";
import {build, builtResults, ROOT, session} from "./site.js";

build();

describe("/versions: the site's commit and the release's", () => {
  const site = session();

  test("the footer's commit is the site's, the release's is the manifest's, and the page says which is which", async () => {
    const study = JSON.parse(readFileSync(join(ROOT, "data/cohort/study.json"), "utf8"));
    const manifest = JSON.parse(readFileSync(join(ROOT, "releases", study.version, "manifest.json"), "utf8"));
    const page = await site.browser.newPage();
    const watched = await watch(page, site.origin);
    await page.goto(site.origin + "/versions.html", {waitUntil: "networkidle"});
    const footerCommit = await page.locator("#observablehq-footer code").nth(1).getAttribute("title");
    // The commit the build saw (the results dataset records it), not git HEAD: dist/ may be reused from the same inputs.
    assert.equal(footerCommit, builtResults().report.commit);
    const text = (await page.locator("p.site-version").textContent()) ?? "";
    const commits = await page.locator("p.site-version code[title]").evaluateAll((codes) => codes.map((c) => c.getAttribute("title")));
    if (manifest.commit === footerCommit) {
      assert.deepEqual(commits, [footerCommit]);
      assert.match(text, new RegExp(`It is release ${study.version} as recorded\\.`));
    } else {
      assert.deepEqual(commits, [footerCommit, manifest.commit]);
      assert.ok(text.startsWith(`This site is report version ${study.version} (data cut-off ${study.cutoff}), built from commit ${footerCommit!.slice(0, 12)}, the commit every page's footer names.`), text);
      assert.ok(text.includes(`Release ${study.version} was recorded from commit ${manifest.commit.slice(0, 12)}`), text);
      assert.ok(text.includes("the same input files as the release"), text); // data/cohort is release 1.0.0's cohort
    }
    const row = page.locator("table.report-table").first().locator("tbody tr", {has: page.locator(`th:text-is("${study.version}")`)});
    const header = await page.locator("table.report-table").first().locator("thead th").allTextContents();
    assert.equal((await row.locator("td").nth(header.indexOf("Recorded from commit") - 1).textContent()), manifest.commit.slice(0, 12));
    assert.deepEqual(watched.problems, []);
    await page.close();
  });
});
