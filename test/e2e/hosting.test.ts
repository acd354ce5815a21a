// The built site on a plain static host (test/e2e/plain-server.ts: no clean URLs): from the overview, every page and
// every link a reader can follow answers 200, every page loads without a console error (favicon included), allows
// pinch zoom, opens with a skip link to its content, and shows the reconstructed-data banner when study.json says so.
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {launch, watch} from "../../scripts/dev/browser.js";
import {plainServer} from "./plain-server.js";
import {build, DIST, ROOT, routes} from "./site.js";

build();

const study = JSON.parse(readFileSync(join(ROOT, process.env.COHORT_DIR ?? "data/cohort", "study.json"), "utf8"));

describe("the site on a plain static server", () => {
  let browser: Browser;
  let origin = "";
  let close = () => {};
  before(async () => {
    const served = await plainServer(DIST);
    origin = served.origin;
    close = () => served.server.close();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    close();
  });

  /** Opens `path` and waits until the page has drawn and stopped fetching. */
  async function open(path: string): Promise<{page: Page; problems: string[]}> {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const {problems} = await watch(page, origin);
    await page.goto(origin + path, {waitUntil: "networkidle"});
    return {page, problems};
  }

  test("every page and every link on it answers 200, and no page logs an error", async () => {
    const queue = ["/"];
    const seen = new Set(queue);
    const broken: string[] = [];
    const problems: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      const {page, problems: found} = await open(path);
      problems.push(...found.map((p) => `${path}: ${p}`));
      const links = await page.locator("a[href]:not([download])").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const link of links) {
        const url = new URL(link);
        if (url.origin !== origin) continue;
        const target = url.pathname;
        if (seen.has(target)) continue;
        seen.add(target);
        const response = await fetch(origin + target, {method: "HEAD"});
        if (response.status !== 200) broken.push(`${path} → ${target}: HTTP ${response.status}`);
        else if (target.endsWith(".html") || target.endsWith("/")) queue.push(target);
      }
      await page.close();
    }
    assert.deepEqual(broken, []);
    assert.deepEqual(problems, []);
    // The crawl reached every page the build wrote, by the links a reader follows.
    const pages = routes().map((route) => (route === "/" ? "/" : `${route}.html`));
    assert.deepEqual(pages.filter((p) => !seen.has(p)), []);
  });

  test("GitHub Pages serves the site as plain files (.nojekyll: Jekyll would drop _file/ and _observablehq/)", () => {
    assert.ok(existsSync(join(DIST, ".nojekyll")));
  });

  for (const route of routes()) {
    const path = route === "/" ? "/" : `${route}.html`;
    test(`${path}: favicon, pinch zoom, skip link first, reconstructed-data banner`, async () => {
      const {page, problems} = await open(path);
      const icon = await page.locator('link[rel="icon"]').getAttribute("href");
      assert.ok(icon, "the page names a favicon");
      const response = await fetch(new URL(icon, origin + path));
      assert.equal(response.status, 200, `favicon ${icon}`);
      assert.equal(response.headers.get("content-type"), "image/svg+xml");

      const viewport = (await page.locator('meta[name="viewport"]').getAttribute("content")) ?? "";
      assert.equal(viewport, "width=device-width, initial-scale=1");
      assert.equal(await page.locator('meta[name="viewport"]').count(), 1);

      // The first Tab reaches the skip link, visible when focused; following it, the next Tab lands in the content.
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const a = document.activeElement as HTMLAnchorElement;
        const box = a.getBoundingClientRect();
        return {className: a.className, text: a.textContent, href: a.getAttribute("href"), visible: box.top >= 0 && box.height > 0};
      });
      assert.deepEqual(focused, {className: "skip-link", text: "Skip to content", href: "#observablehq-main", visible: true});
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest("#observablehq-main")), "after the skip link, Tab goes into the page's content");

      const banner = page.locator("#observablehq-header .reconstructed-banner");
      assert.equal(await banner.count(), study.reconstructed ? 1 : 0);
      if (study.reconstructed) {
        assert.ok(await banner.isVisible());
        assert.match((await banner.textContent()) ?? "", /^Reconstructed data\. The individual patient data of the study are not public\./);
        // Above the page's heading: read before any number.
        const [bannerBox, headingBox] = [await banner.boundingBox(), await page.locator("main h1").first().boundingBox()];
        assert.ok(bannerBox && headingBox && bannerBox.y + bannerBox.height <= headingBox.y);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
