// Printing the report (Chromium's own PDF, A4): Table 1 starts on the first page, the footer (version, cut-off,
// commit) is printed, hover instructions and buttons are not, and no figure is split across pages. Where things
// land is read from the PDF itself: the test puts a link at each place it asks about, and Chromium writes a link
// annotation on the page where that link was printed (and none for a link that is not printed).
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {watch} from "../../scripts/dev/browser.js";
import {build, session} from "./site.js";

build();

const MARKER = "https://marker.invalid/";

/** For each marker link in the PDF, the pages (1-based) it was printed on. */
function markerPages(pdf: Buffer): Map<string, number[]> {
  const text = pdf.toString("latin1");
  const objects = new Map<string, string>();
  for (const match of text.matchAll(/(?:^|\n)(\d+) 0 obj\s*([\s\S]*?)\bendobj/g)) objects.set(match[1]!, match[2]!);
  const tree = [...objects.values()].find((body) => /\/Type \/Pages\b/.test(body))!;
  const kids = [...tree.match(/\/Kids \[([^\]]*)\]/)![1]!.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
  const out = new Map<string, number[]>();
  for (const [index, kid] of kids.entries()) {
    const annots = objects.get(kid)!.match(/\/Annots \[([^\]]*)\]/)?.[1] ?? "";
    for (const [, ref] of annots.matchAll(/(\d+) 0 R/g)) {
      const uri = objects.get(ref!)?.match(/\/URI \(([^)]*)\)/)?.[1];
      if (uri?.startsWith(MARKER)) out.set(uri.slice(MARKER.length), [...(out.get(uri.slice(MARKER.length)) ?? []), index + 1]);
    }
  }
  return out;
}

/** Puts a marker link named `name` into each element `selector` matches (at its start, or its end), numbering them. */
async function mark(page: Page, selector: string, name: string, where: "start" | "end" = "start"): Promise<number> {
  return page.locator(selector).evaluateAll((elements, [name, where, marker]) => {
    elements.forEach((element, i) => {
      const a = document.createElement("a");
      a.href = `${marker}${name}-${i}`;
      a.textContent = "·";
      if (where === "start") element.prepend(a);
      else element.append(a);
    });
    return elements.length;
  }, [name, where, MARKER] as const);
}

describe("printing", () => {
  const site = session();

  async function printed(path: string, marks: (page: Page) => Promise<void>): Promise<{pages: Map<string, number[]>; count: number}> {
    const page = await site.browser.newPage();
    const watched = await watch(page, site.origin);
    await page.goto(site.origin + path, {waitUntil: "networkidle"});
    await marks(page);
    const pdf = await page.pdf({format: "A4", margin: {top: "15mm", bottom: "15mm", left: "15mm", right: "15mm"}});
    assert.deepEqual(watched.problems.filter((p) => !p.includes("marker.invalid")), []);
    await page.close();
    return {pages: markerPages(pdf), count: (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length};
  }

  test("/table-1: the table starts on page 1, under its heading; the footer prints; buttons do not", async () => {
    let buttons = 0;
    const {pages, count} = await printed("/table-1.html", async (page) => {
      await mark(page, "main h1", "heading");
      await mark(page, "main table.report-table tbody tr:first-child > th", "first-row");
      await mark(page, "main table.report-table tbody:last-of-type tr:last-child > th", "last-row");
      await mark(page, "#observablehq-footer > div", "footer");
      buttons = await mark(page, "main button:not(.lineage-cell)", "button");
    });
    assert.ok(buttons > 0);
    assert.deepEqual(pages.get("heading-0"), [1]);
    assert.deepEqual(pages.get("first-row-0"), [1], "Table 1 starts on the first page");
    assert.ok(pages.get("last-row-0"), "the whole table prints");
    assert.deepEqual(pages.get("footer-0"), [count], "the footer prints, at the end");
    for (let i = 0; i < buttons; i++) assert.equal(pages.get(`button-${i}`), undefined, "no button prints (selectable table values print as their text)");
  });

  for (const path of ["/response.html", "/swimmer.html", "/survival.html"]) {
    test(`${path}: each figure on one page; hover instructions and buttons do not print; the footer does`, async () => {
      let figures = 0;
      let hints = 0;
      let buttons = 0;
      const {pages} = await printed(path, async (page) => {
        figures = await mark(page, "figure.report-figure", "figure-top");
        await mark(page, "figure.report-figure", "figure-bottom", "end");
        hints = await mark(page, ".screen-only", "hint");
        buttons = await mark(page, "main button:not(.lineage-cell)", "button");
        await mark(page, "#observablehq-footer > div", "footer");
      });
      assert.ok(figures > 0 && buttons > 0);
      for (let i = 0; i < figures; i++) {
        const [top, bottom] = [pages.get(`figure-top-${i}`), pages.get(`figure-bottom-${i}`)];
        assert.ok(top && bottom, `figure ${i} prints`);
        assert.deepEqual(top, bottom, `figure ${i} starts and ends on the same page`);
      }
      if (path !== "/response.html") assert.ok(hints > 0, "the page tells a screen reader to hover");
      for (let i = 0; i < hints; i++) assert.equal(pages.get(`hint-${i}`), undefined, "no hover instruction prints");
      for (let i = 0; i < buttons; i++) assert.equal(pages.get(`button-${i}`), undefined, "no button prints (selectable table values print as their text)");
      assert.ok(pages.get("footer-0"), "the footer prints");
    });
  }
});
