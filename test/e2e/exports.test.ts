// Every figure's SVG and PNG download is a figure shell a journal takes: title, caption, the drawing with its legend
// and risk table, and the footer lines (reconstructed-data notice, report version and data cut-off, source), with
// nothing drawn outside the file's box. Every CSV download names the report version.
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {RECONSTRUCTED_NOTICE, SOURCE} from "../../src/core/report-text.js";
import {watch} from "../../scripts/dev/browser.js";
import {download} from "./download.js";
import {build, builtResults, session} from "./site.js";

build();
const report = builtResults().report as {version: string; cutoff: string; reconstructed: boolean} & Record<string, unknown>;

/** The exported SVG laid out in a page of its own: its texts by group, its size, and whatever it draws outside its box. */
async function inspect(page: Page, svg: string) {
  await page.setContent(`<!DOCTYPE html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, "")}</body>`);
  return page.evaluate(() => {
    const root = document.querySelector("body > svg") as SVGSVGElement;
    const box = root.getBoundingClientRect();
    const outside = [...root.querySelectorAll("text, rect, path, line, circle, polyline")]
      .filter((element) => !element.closest("defs, clipPath, [aria-label=tip]"))
      .map((element) => ({element, r: element.getBoundingClientRect()}))
      .filter(({r}) => r.width + r.height > 0 && (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5))
      .map(({element}) => `${element.tagName} ${(element.textContent ?? "").slice(0, 40)}`);
    const [title, caption, footer] = ["export-title", "export-caption", "export-footer"].map((group) =>
      [...root.querySelectorAll(`:scope > g.${group} > text`)].map((t) => t.textContent ?? ""));
    return {title: title!.join(" "), caption: caption!.join(" "), footer: footer!, width: box.width, height: box.height, parts: root.querySelectorAll(":scope > svg").length, outside};
  });
}

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({width: png.readUInt32BE(16), height: png.readUInt32BE(20)});

describe("figure downloads", () => {
  const site = session();

  for (const [route, figures] of [["/response.html", 1], ["/swimmer.html", 1], ["/survival.html", 3]] as const) {
    test(`${route}: SVG and PNG carry title, caption, drawing, notice, version, cut-off and source, unclipped; CSV is versioned`, async () => {
      const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
      const watched = await watch(page, site.origin);
      await page.goto(site.origin + route, {waitUntil: "networkidle"});
      const panels = page.locator(".report-figure:has(.downloads button:text-is('SVG'))");
      assert.equal(await panels.count(), figures);
      const scratch = await site.browser.newPage();
      for (let i = 0; i < figures; i++) {
        const panel = panels.nth(i);
        const title = (await panel.locator("figcaption > strong").textContent())!;
        const caption = (await panel.locator("figcaption > .description").textContent())!.trim();
        const parts = await panel.locator(".drawing svg:not(svg svg)").count();
        const svg = (await download(page, panel.getByRole("button", {name: "SVG"}))).content.toString("utf8");
        const png = (await download(page, panel.getByRole("button", {name: "PNG"}))).content;
        const csv = await download(page, panel.getByRole("button", {name: "CSV"}));
        assert.match(csv.filename, new RegExp(`-v${report.version.replace(/\./g, "\\.")}\\.csv$`), csv.filename);

        const laid = await inspect(scratch, svg);
        assert.equal(laid.title, title);
        assert.equal(laid.caption, caption.replace(/\s+/g, " "), "the whole caption, wrapped into lines");
        assert.equal(laid.parts, parts, `${title}: every part (plot, legend, risk table) in the file`);
        assert.deepEqual(laid.footer.join(" ").split(/(?<=\.) (?=Report version)|(?<=[0-9a-f]{12}) (?=Source:)/), [
          ...(report.reconstructed ? [RECONSTRUCTED_NOTICE] : []),
          `Report version ${report.version} · data cut-off ${report.cutoff} · code commit ${laid.footer.join(" ").match(/code commit (\S{12})/)?.[1]}`,
          `Source: PDNEC of rectum and anus: chemoradiotherapy, “${(await page.locator("main h1").first().textContent())!.trim()}”. ${SOURCE}.`
        ]);
        assert.deepEqual(laid.outside, [], `${title}: drawn outside the file's box`);
        assert.deepEqual(pngSize(png), {width: Math.ceil(laid.width * 2), height: Math.ceil(laid.height * 2)}, "the PNG is the SVG at twice its size");
      }
      await scratch.close();
      assert.deepEqual(watched.problems, []);
      await page.close();
    });
  }
});

describe("table downloads", () => {
  const site = session();

  test("/table-1.html: the CSV names the version; the HTML table carries the footer lines", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.origin + "/table-1.html", {waitUntil: "networkidle"});
    const csv = await download(page, page.getByRole("button", {name: "CSV"}).first());
    assert.equal(csv.filename, `table-1-v${report.version}.csv`);
    const html = (await download(page, page.getByRole("button", {name: "HTML"}).first())).content.toString("utf8");
    const lines = [...html.matchAll(/<p [^>]*>([^<]*)<\/p>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    assert.equal(lines.length, report.reconstructed ? 3 : 2);
    if (report.reconstructed) assert.equal(lines[0], RECONSTRUCTED_NOTICE);
    assert.ok(lines.at(-2)!.startsWith(`Report version ${report.version} · data cut-off ${report.cutoff} · code commit `), lines.at(-2));
    assert.ok(lines.at(-1)!.endsWith(`${SOURCE}.`), lines.at(-1));
    await page.close();
  });
});
