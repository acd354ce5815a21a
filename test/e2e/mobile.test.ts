// Every page on a phone (390 px wide): the page never scrolls sideways; a table wider than the screen scrolls in its
// own box with the column naming each row kept in view, each row's label at the top of its row; axe stays clean;
// and /data's column headers tell each variable's label, not only its code.
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {seriousViolations} from "./axe.js";
import {watch} from "../../scripts/dev/browser.js";
import {build, routes, session} from "./site.js";

build();

/** Scrolls each box matching `boxes` to its right end; returns, per box that overflows, how far its sticky cell moved off the box's left edge and whether it is still what a reader sees there. */
function stickyAfterScroll(page: Page, boxes: string, sticky: string) {
  return page.locator(boxes).evaluateAll((elements, sticky) =>
    elements.filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => {
      box.scrollLeft = box.scrollWidth;
      const cell = box.querySelector(sticky) as HTMLElement;
      cell.scrollIntoView({block: "center", inline: "nearest"});
      const [b, c] = [box.getBoundingClientRect(), cell.getBoundingClientRect()];
      const seen = document.elementFromPoint(c.left + Math.min(c.width / 2, 20), c.top + Math.min(c.height / 2, 8));
      return {label: box.getAttribute("aria-label") ?? box.parentElement?.getAttribute("data-dataset"), scrolled: box.scrollLeft > 0, offset: Math.round(c.left - b.left), visible: !!seen && cell.contains(seen)};
    }), sticky);
}

describe("the report on a phone (390 px)", () => {
  const site = session();

  for (const route of routes()) {
    const path = route === "/" ? "/" : `${route}.html`;
    test(`${path}: no sideways page scroll; wide tables scroll in their box, row labels sticky and top-aligned; axe clean`, async () => {
      const page = await site.browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
      const watched = await watch(page, site.origin);
      await page.goto(site.origin + path, {waitUntil: "networkidle"});
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, "the page is no wider than the screen");
      for (const box of await stickyAfterScroll(page, ".table-scroll:has(.report-table tbody th[scope=row])", ".report-table tbody th[scope=row]")) {
        assert.deepEqual(box, {...box, scrolled: true, offset: 0, visible: true}, `${box.label}: the row labels stay at the box's left edge`);
      }
      const misaligned = await page.locator(".report-table tbody tr:has(> th[scope=row]):has(> td)").evaluateAll((rows) =>
        rows.filter((row) => {
          const th = row.querySelector(":scope > th")!;
          const td = row.querySelector(":scope > td")!;
          return getComputedStyle(th).verticalAlign !== "top" || Math.abs(th.getBoundingClientRect().top - td.getBoundingClientRect().top) > 1;
        }).map((row) => row.querySelector("th")!.textContent));
      assert.deepEqual(misaligned, [], "each row's label starts at the top of its row");
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(watched.problems, []);
      await page.close();
    });
  }

  test("/data.html: a column header's tooltip is the variable's label; the first column stays in view", async () => {
    const page = await site.browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
    const served = page.waitForResponse((r) => /\/adam-dictionary\.[0-9a-f]+\.json$/.test(r.url()));
    await page.goto(site.origin + "/data.html", {waitUntil: "networkidle"});
    const dictionary: {dataset: string; variable: string; label: string}[] = await (await served).json();
    for (const name of ["ADSL", "ADRS", "ADTTE", "ADAE"]) {
      const titles = await page.locator(`.dataset[data-dataset="${name}"] table thead th[title]`).evaluateAll((ths) => ths.map((th) => th.getAttribute("title")));
      const expected = dictionary.filter((e) => e.dataset === name).map((e) => `${e.label} (${e.variable})`);
      assert.ok(titles.length > 0, name);
      assert.deepEqual(titles, expected.slice(0, titles.length), name);
    }
    assert.equal(await page.locator('.dataset[data-dataset="ADSL"] table thead th[title="AGE"]').count(), 0, "no header is titled by its code alone");
    const boxes = await stickyAfterScroll(page, ".dataset form:has(> table)", "tbody tr > :nth-child(2)");
    assert.ok(boxes.length > 0, "a dataset is wider than the phone");
    for (const box of boxes) assert.deepEqual(box, {...box, scrolled: true, offset: 0, visible: true}, `${box.label}: USUBJID stays in view`);
    await page.close();
  });
});
