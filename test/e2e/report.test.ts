// What each page of the built report shows, checked against the results dataset the site
// serves (dist/_file/data/results.*.json) and the demo cohort's known shape, and what its
// downloads contain.
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {download, firstLine} from "./download.js";
import {build, builtResults, resultById, session} from "./site.js";
import {followupText} from "../../src/core/results/format.js";
import type {Results} from "../../src/core/results/lookup.js";
import {table1Rows} from "../../src/core/results/tables.js";

build();
const data = builtResults();
const byId = (id: string) => resultById(data, id);
const rowsOf = (id: string) => byId(id).rows ?? [];

describe("the report's pages show the results", () => {
  const site = session();
  let page: Page;
  let watched: PageProblems;


  async function open(route: string, ready: string): Promise<void> {
    page = await site.browser.newPage({viewport: {width: 1100, height: 900}});
    page.setDefaultTimeout(5_000);
    watched = await watch(page, site.origin);
    await page.goto(site.origin + route, {waitUntil: "networkidle"});
    await page.locator(ready).first().waitFor({state: "attached", timeout: 10_000});
  }
  async function done(): Promise<void> {
    assert.deepEqual(watched.problems, []);
    await page.close();
  }

  test("overview: headline numbers, version, cut-off, notice and links to every page", async () => {
    await open("/", ".headlines");
    const values = await page.locator(".headline .value").allTextContents();
    // Follow-up: the reverse Kaplan–Meier median, the crude one in parentheses (as on /survival)
    assert.deepEqual(values, ["cohort.n", "response.orr", "control.lrtc", "tte.followup", "tte.dor", "safety.grade34"].map((id) => (id === "tte.followup" ? followupText(byId(id).stats) : byId(id).display)));
    const meta = (await page.locator(".report-meta").textContent()) ?? "";
    assert.ok(meta.includes(String(data.report.version)) && meta.includes(String(data.report.cutoff)), meta);
    assert.equal(await page.locator("#observablehq-header .reconstructed-banner").count(), data.report.reconstructed ? 1 : 0);
    for (const route of ["table-1", "response", "swimmer", "survival", "safety"]) {
      assert.equal(await page.locator(`main a[href="./${route}.html"]`).count() >= 1, true, `link to ${route}`);
    }
    await done();
  });

  test("Table 1: a row per characteristic and per category, the values from the results, with CSV and HTML downloads", async () => {
    await open("/table-1", "table.report-table");
    const expected = table1Rows(data as unknown as Results);
    assert.equal(await page.locator("table.report-table tbody th[scope=row]").count(), expected.length);
    assert.equal(await page.locator("table.report-table caption").count(), 1);
    assert.equal(await page.locator("table.report-table thead th:not([scope=col])").count(), 0);
    const cells = await page.locator("table.report-table tbody td:nth-of-type(1)").allTextContents();
    assert.deepEqual(cells, expected.map((row) => row.value ?? ""));
    const csv = await download(page, page.getByRole("button", {name: "CSV"}));
    assert.equal(csv.filename, `table-1-v${data.report.version}.csv`);
    assert.equal(firstLine(csv.content), `Characteristic,N = ${byId("cohort.n").stats.n}¹`);
    assert.equal(csv.content.toString().trim().split("\n").length, 1 + expected.length);
    const html = await download(page, page.getByRole("button", {name: "HTML"}));
    assert.equal(html.filename, "table-1.html");
    assert.equal(firstLine(html.content), "<!DOCTYPE html>");
    assert.match(html.content.toString(), /<table[^>]*>.*<caption[^>]*>Table 1\./s);
    await done();
  });

  test("response: BOR table, one waterfall bar per patient coloured by BOR, reference-line toggle, downloads", async () => {
    await open("/response", ".waterfall-bar rect");
    assert.equal(await page.locator("table.report-table").first().locator("tbody th[scope=row]").count(), 6, "CR, PR, SD, PD, NE and ORR");
    const waterfall = rowsOf("response.waterfall") as {USUBJID: number; PCHG: number; BOR: string}[];
    const bars = page.locator(".waterfall-bar rect");
    assert.equal(await bars.count(), waterfall.length);
    const drawn = await bars.evaluateAll((rects) => rects.map((r) => ({id: Number(r.getAttribute("data-usubjid")), pchg: Number(r.getAttribute("data-pchg")), bor: r.getAttribute("data-bor"), fill: r.getAttribute("fill")})));
    assert.equal(drawn.filter((bar) => bar.pchg < 0).length, 4, "the demo cohort has 4 patients with shrinkage");
    assert.deepEqual(drawn.map((bar) => bar.id), [...waterfall].sort((a, b) => b.PCHG - a.PCHG || a.USUBJID - b.USUBJID).map((row) => row.USUBJID));
    for (const bar of drawn) assert.equal(bar.bor, waterfall.find((row) => row.USUBJID === bar.id)!.BOR);
    const fillOf = new Map(drawn.map((bar) => [bar.bor, bar.fill]));
    assert.equal(new Set(fillOf.values()).size, fillOf.size, "one colour per BOR");
    assert.equal(await page.locator(".waterfall-reference line").count(), 2);
    await page.getByLabel(/RECIST reference lines/).uncheck();
    await page.locator(".waterfall-reference").waitFor({state: "detached"});
    const svg = await download(page, page.locator(".report-figure").getByRole("button", {name: "SVG"}));
    assert.equal(svg.filename, "waterfall.svg");
    assert.equal(firstLine(svg.content), '<?xml version="1.0" encoding="UTF-8"?>');
    assert.equal((svg.content.toString().match(/data-usubjid=/g) ?? []).length, waterfall.length);
    const png = await download(page, page.locator(".report-figure").getByRole("button", {name: "PNG"}));
    assert.equal(png.filename, "waterfall.png");
    assert.deepEqual([...png.content.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await done();
  });

  test("swimmer: one lane per patient, every marker drawn, arrows for the living, order and filter", async () => {
    await open("/swimmer", ".swimmer-lane line");
    const lanes = rowsOf("swimmer.lanes") as {USUBJID: number; MORPH: string; BOR: string; alive: boolean; followup_days: number}[];
    assert.equal(lanes.length, 6, "the demo cohort has 6 patients");
    assert.equal(await page.locator(".swimmer-lane line").count(), lanes.length);
    const markers = await page.locator(":is(.swimmer-response, .swimmer-complete_response, .swimmer-progression_locoregional, .swimmer-progression_distant, .swimmer-death) > :is(circle, path)").count();
    assert.equal(markers, rowsOf("swimmer.markers").length, "no marker dropped");
    assert.equal(await page.locator(".swimmer-alive path").count(), lanes.filter((lane) => lane.alive).length);
    assert.match((await page.locator(".figure-note").textContent()) ?? "", new RegExp(`Showing ${lanes.length} of ${lanes.length} patients`));
    const labels = () => page.locator("[aria-label='y-axis tick label'] text").allTextContents();
    const byFollowup = [...lanes].sort((a, b) => b.followup_days - a.followup_days || a.USUBJID - b.USUBJID);
    const label = (lane: {USUBJID: number; BOR: string}) => `#${lane.USUBJID} · ${lane.BOR}`;
    assert.deepEqual(await labels(), byFollowup.map(label));
    await page.getByLabel("Order lanes by").selectOption({label: "Patient number"});
    await page.waitForFunction(() => document.querySelector("[aria-label='y-axis tick label'] text")?.textContent?.startsWith("#1 "));
    assert.deepEqual(await labels(), [...lanes].sort((a, b) => a.USUBJID - b.USUBJID).map(label));
    const morph = lanes[0]!.MORPH;
    await page.getByRole("checkbox", {name: morph, exact: true}).uncheck();
    const left = lanes.filter((lane) => lane.MORPH !== morph).length;
    await page.locator(".figure-note", {hasText: `Showing ${left} of ${lanes.length} patients`}).waitFor();
    assert.equal(await page.locator(".swimmer-lane line").count(), left);
    // A tooltip names the patient, the event and its study day.
    const death = (rowsOf("swimmer.markers") as {USUBJID: number; kind: string; day: number}[]).find((m) => m.kind === "death" && lanes.some((l) => l.USUBJID === m.USUBJID && l.MORPH !== morph))!;
    const deaths = page.locator(".swimmer-death path");
    for (let i = 0; i < (await deaths.count()); i++) {
      const box = (await deaths.nth(i).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      if (await page.locator("[aria-label=tip] text", {hasText: `Study day ${death.day} `}).count()) break;
    }
    const tip = (await page.locator("[aria-label=tip] text", {hasText: "Death"}).textContent()) ?? "";
    assert.match(tip, new RegExp(`#${death.USUBJID} .*Death.*Study day ${death.day} `));
    const svg = await download(page, page.getByRole("button", {name: "SVG"}));
    assert.equal(svg.filename, "swimmer.svg");
    assert.match(svg.content.toString(), /overflow="visible"/, "arrows at the edge are not clipped");
    await done();
  });

  test("survival: three Kaplan–Meier panels with risk tables; median or 'not reached'; one SVG with the risk table", async () => {
    await open("/survival", ".km-curve path");
    const panels = page.locator(".report-figure");
    assert.equal(await panels.count(), 3);
    for (const [i, id] of ["tte.os", "tte.pfs", "tte.dor"].entries()) {
      const result = byId(id);
      const panel = panels.nth(i);
      assert.equal(await panel.locator(".km-curve path").count(), 1);
      assert.equal(await panel.locator(".km-censor path").count(), (result.rows ?? []).filter((row) => (row.n_censor as number) > 0).length);
      const atRisk = await panel.locator(".risk-cell text").first().textContent();
      assert.equal(Number(atRisk), result.stats.n, `${id}: everyone at risk at month 0`);
      const median = (await panel.locator("svg[aria-label^='Kaplan'] text", {hasText: "Median"}).textContent()) ?? "";
      assert.match(median, result.stats.km_median == null ? /not reached/ : new RegExp((result.stats.km_median as number).toFixed(1)));
    }
    // Hovering the last censor mark of OS names the patients censored there.
    const os = byId("tte.os").rows as {n_censor: number; censor_ids: number[]}[];
    const lastCensor = os.filter((row) => row.n_censor > 0).at(-1)!;
    const box = (await panels.nth(0).locator(".km-censor path").last().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = panels.nth(0).locator("[aria-label=tip] text", {hasText: "Censored"});
    assert.match((await tip.textContent()) ?? "", new RegExp(lastCensor.censor_ids.map((id) => `#${id}`).join(", ")));
    const svg = await download(page, panels.nth(0).getByRole("button", {name: "SVG"}));
    assert.equal(svg.filename, "km-os.svg");
    assert.equal((svg.content.toString().match(/<svg/g) ?? []).length, 3, "curve and risk table in one file");
    const csv = await download(page, panels.nth(0).getByRole("button", {name: "CSV"}));
    assert.equal(csv.filename, `km-os-v${data.report.version}.csv`);
    assert.equal(firstLine(csv.content), "time_days,time,n_risk,n_event,n_censor,surv,se,ci_low,ci_high,event_ids,censor_ids");
    await done();
  });

  test("safety: grade 3–4 table (or 'None observed'), dose reductions and discontinuations", async () => {
    await open("/safety", "table.report-table");
    const grade34 = rowsOf("safety.grade34");
    const table = (caption: string) => page.locator("table.report-table", {has: page.locator("caption", {hasText: caption})});
    const severe = table("Grade 3–4 adverse events by preferred term");
    if (grade34.length === 0) assert.equal((await severe.locator("td.empty").textContent())?.trim(), "None observed");
    else assert.equal(await severe.locator("tbody tr").count(), grade34.length);
    const summary = await table("Patients with adverse events").locator("tbody td:nth-of-type(1)").allTextContents();
    const nPct = (id: string) => `${byId(id).stats.n} (${Math.round(byId(id).stats.pct as number)}%)`;
    assert.deepEqual(summary, ["safety.grade34", "safety.ae_by_grade", "safety.dose_reduction", "safety.discontinuation"].map(nPct));
    const csv = await download(page, severe.locator("xpath=ancestor::div[contains(@class, 'report-table-wrapper')]").getByRole("button", {name: "CSV"}));
    assert.equal(csv.filename, `grade-3-4-adverse-events-v${data.report.version}.csv`);
    await done();
  });

  test("dark theme: figures draw in the theme's text colour; print: no navigation or buttons, figures kept whole", async () => {
    page = await site.browser.newPage({colorScheme: "dark"});
    watched = await watch(page, site.origin);
    await page.goto(site.origin + "/survival", {waitUntil: "networkidle"});
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    };
    const color = await page.locator("figure svg[aria-label^=Kaplan]").first().evaluate((svg) => getComputedStyle(svg).color);
    assert.ok(luminance(color) > 0.6, `light ink on the dark theme: ${color}`);
    await page.emulateMedia({media: "print", colorScheme: "light"});
    for (const selector of ["#observablehq-sidebar", ".downloads", "#observablehq-toc"]) {
      assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} hidden in print`);
    }
    // The figures follow the colour scheme, so the switch to light redraws them: poll the figure currently in the
    // document rather than hold one that may be detached mid-redraw (a detached node has no computed style).
    await page.waitForFunction(() => {
      const figure = document.querySelector("figure.report-figure");
      return figure !== null && getComputedStyle(figure).breakInside === "avoid";
    }, undefined, {timeout: 5000});
    await done();
  });
});
