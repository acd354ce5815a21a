// The report's tables and figures to manuscript standard (issue 19), read in Chromium at 1280 and 390 px: Table 1 in
// gtsummary's form, the waterfall's axis and annotations, the swimmer's best response, CR and its one tooltip, the
// follow-up shown the same way on / and /survival, and the adverse event tables with exact confidence intervals.
// Expected values are computed by hand from the demo cohort (data/cohort/) and checked against the served results.
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {seriousViolations} from "./axe.js";
import {watch, type PageProblems} from "../../scripts/dev/browser.js";
import {build, builtResults, resultById, session} from "./site.js";

build();
const data = builtResults();
const byId = (id: string) => resultById(data, id);

describe("tables and figures to manuscript standard", () => {
  const site = session();
  let page: Page;
  let watched: PageProblems;

  async function open(route: string, ready: string, width = 1280): Promise<void> {
    page = await site.browser.newPage({viewport: {width, height: 900}});
    page.setDefaultTimeout(5_000);
    watched = await watch(page, site.origin);
    await page.goto(site.origin + route, {waitUntil: "networkidle"});
    await page.locator(ready).first().waitFor({state: "attached", timeout: 10_000});
  }
  async function hover(selector: string, i = 0): Promise<void> {
    const mark = page.locator(selector).nth(i);
    await mark.scrollIntoViewIfNeeded();
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  }
  async function done(): Promise<void> {
    assert.deepEqual(watched.problems, []);
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  }

  test("Table 1: Characteristic | N = 6, bold characteristics, indented categories, n (%) and median (range) only", async () => {
    await open("/table-1", "table.report-table");
    const table = page.locator("table.report-table");
    assert.deepEqual(await table.locator("thead th").allTextContents(), ["Characteristic", `N = ${byId("cohort.n").stats.n}¹`]);
    const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => {
      const th = tr.querySelector("th")!;
      const style = getComputedStyle(th);
      return {label: th.textContent, value: tr.querySelector("td")!.textContent, level: tr.className,
        bold: Number(style.fontWeight) >= 700, indent: parseFloat(style.paddingLeft)};
    }));
    const row = (label: string) => rows.find((r) => r.label === label)!;
    // Hand-computed from data/cohort/patients.csv and treatments.csv
    assert.deepEqual(row("Female").value, "3 (50%)");
    assert.deepEqual(row("Age, years").value, "62 (48–79)"); // ages 48 55 61 63 66 79: median (61 + 63)/2
    assert.deepEqual(row("Ki-67 index, %").value, "95 (60–100)"); // 60 90 95 95 100 100
    assert.deepEqual(row("Chemotherapy cycles, first line ᵃ").value, "5.5 (4–8)"); // 4 4 5 6 6 8
    assert.deepEqual(row("Comorbidity").value, "1 (17%)"); // patient 2
    const under = (heading: string) => {
      const start = rows.findIndex((r) => r.label === heading);
      const end = rows.findIndex((r, i) => i > start && r.level === "row-variable");
      return rows.slice(start + 1, end < 0 ? undefined : end).map((r) => `${r.label} ${r.value}`);
    };
    assert.deepEqual(under("Primary site"), ["Rectum 5 (83%)", "Anus 1 (17%)"]);
    assert.deepEqual(under("Clinical T category"), ["cT1 0 (0%)", "cT2 0 (0%)", "cT3 3 (50%)", "cT4 3 (50%)"]);
    assert.deepEqual(under("Clinical N category"), ["cN0 0 (0%)", "cN1 3 (50%)", "cN2 3 (50%)"]);
    assert.deepEqual(under("Induction chemotherapy (platin)"), ["Cisplatin/etoposide 4 (67%)", "Carboplatin/etoposide 2 (33%)"]);
    // A category's population, when not every patient, is named with its n: one form "n (%)", never "2 of 4 (50%)"
    assert.deepEqual(under("Resection margin, operated patients (n = 4)"), ["R0 resection 3 (75%)", "R1 resection 1 (25%)"]);
    for (const r of rows) {
      assert.match(r.value ?? "", /^$|^\d+ \(\d+%\)$|^\d+(\.\d)? \(\d+(\.\d)?–\d+(\.\d)?\)$/, `${r.label}: ${r.value}`);
      assert.equal(r.bold, r.level === "row-variable", `${r.label} bold only as a characteristic`);
    }
    const indent = (level: string) => rows.filter((r) => r.level === level).map((r) => r.indent);
    assert.ok(Math.min(...indent("row-level")) > Math.max(...indent("row-variable")), "categories indented");
    const notes = await table.locator("tfoot td").allTextContents();
    assert.match(notes[0]!, /^¹ n \(%\); Median \(range\)/);
    assert.match(notes[1]!, /^ᵃ First-line chemotherapy: induction, concurrent, consolidation and adjuvant cycles/);
    // Every Table 1 result is a row the disclosure can select
    const keys = await table.locator("tbody tr[data-key]").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.key));
    assert.deepEqual([...keys].sort(), data.results.filter((r) => r.id.startsWith("table1.")).map((r) => r.id).sort());
    await done();
  });

  test("response: the y-axis covers every bar, RECIST lines labelled beside the axis, a PD below +20% explained", async () => {
    await open("/response", ".waterfall-bar rect");
    const rows = byId("response.waterfall").rows as {USUBJID: number; BOR: string; PCHG: number; PDSITE: string | null}[];
    const ticks = (await page.locator("svg[aria-label^=Waterfall] [aria-label='y-axis tick label'] text").allTextContents())
      .map((t) => Number(t.replace("−", "-").replace("+", "")));
    assert.ok(Math.max(...ticks) >= Math.max(20, ...rows.map((r) => r.PCHG)), `top tick ${Math.max(...ticks)}`);
    assert.ok(Math.min(...ticks) <= Math.min(-30, ...rows.map((r) => r.PCHG)), `bottom tick ${Math.min(...ticks)}`);
    const boxes = async (selector: string) => Promise.all((await page.locator(selector).all()).map(async (l) => (await l.boundingBox())!));
    const bars = await boxes(".waterfall-bar rect");
    const labels = await boxes(".waterfall-reference-label text");
    assert.equal(labels.length, 2);
    const overlaps = (a: {x: number; width: number; y: number; height: number}, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const label of labels) assert.ok(bars.every((bar) => !overlaps(label, bar)), "no label over a bar");
    // Patient 3: PD with the primary 45 → 50 mm (+11.1%, below +20%); first progression (day 70) distant and locoregional
    const pd = rows.filter((r) => r.BOR === "PD" && r.PCHG < 20);
    assert.deepEqual(pd.map((r) => [r.USUBJID, r.PDSITE]), [[3, "DISTANT, LOCOREGIONAL"]]);
    assert.equal(await page.locator(".waterfall-pd-mark text").count(), 1);
    const mark = (await boxes(".waterfall-pd-mark text"))[0]!;
    const bar = (await page.locator('.waterfall-bar rect[data-usubjid="3"]').boundingBox())!;
    assert.ok(mark.x < bar.x + bar.width && mark.x + mark.width > bar.x && mark.y + mark.height <= bar.y + 1, "the mark sits on patient 3's bar");
    assert.match((await page.locator(".report-figure .figure-note").allTextContents()).join(" "),
      /† Patient #3: best overall response PD by distant and locoregional progression \(new or non-target lesions, RECIST 1\.1\) while the primary tumour changed \+11\.1%/);
    await done();
  });

  for (const width of [1280, 390]) {
    test(`swimmer at ${width} px: lanes name patient and best response; response onset and CR reached are marked`, async () => {
      await open("/swimmer", ".swimmer-lane line", width);
      const lanes = byId("swimmer.lanes").rows as {USUBJID: number; BOR: string}[];
      const labels = await page.locator("[aria-label='y-axis tick label'] text").allTextContents();
      assert.deepEqual([...labels].sort(), lanes.map((l) => `#${l.USUBJID} · ${l.BOR}`).sort());
      assert.equal(await page.locator(".swimmer-bor path").count(), lanes.length, "a best-response square per lane");
      const fills = await page.locator(".swimmer-bor path").evaluateAll((paths) => paths.map((p) => [Number((p as SVGElement).dataset.usubjid), p.getAttribute("fill")] as const));
      const fillOf = (bor: string) => new Set(fills.filter(([id]) => lanes.find((l) => l.USUBJID === id)!.BOR === bor).map(([, fill]) => fill));
      assert.equal(fillOf("PR").size, 1, "one colour per BOR");
      assert.notDeepEqual(fillOf("PR"), fillOf("CR"));
      // Patients 1, 4, 5, 6 respond (first PR); patient 6 then reaches CR on 2021-02-22 = day 330 (Day 1 2020-03-30)
      assert.equal(await page.locator(".swimmer-response circle").count(), 4, "response onset of patients 1, 4, 5, 6");
      assert.equal(await page.locator(".swimmer-complete_response path").count(), 1);
      await hover(".swimmer-complete_response path");
      assert.match((await page.locator("[aria-label=tip] text").allTextContents()).join(" "), /#6 LCNEC.*Complete response reached.*Study day 330 /);
      await done();
    });

    test(`swimmer at ${width} px: one tooltip at a time over every mark, dismissed on leaving or Escape, no console error`, async () => {
      await open("/swimmer", ".swimmer-lane line", width);
      const tips = page.locator("[aria-label=tip] text");
      const marks = ".swimmer-segment rect, .swimmer-lane line, :is(.swimmer-response, .swimmer-complete_response, .swimmer-progression_locoregional, .swimmer-progression_distant, .swimmer-death) > :is(circle, path)";
      for (let i = 0; i < (await page.locator(marks).count()); i++) {
        await hover(marks, i);
        assert.ok((await page.locator("[aria-label=tip] > g").count()) <= 1, `at most one tooltip (mark ${i})`);
      }
      assert.equal(await page.locator("[aria-label=tip] > g").count(), 1);
      await page.mouse.move(1, 1);
      assert.equal(await tips.count(), 0, "gone on leaving");
      await hover(".swimmer-death path");
      assert.ok((await tips.count()) > 0);
      await page.keyboard.press("Escape");
      assert.equal(await tips.count(), 0, "gone on Escape");
      for (const dismiss of [() => page.keyboard.press("Escape"), () => page.mouse.move(1, 1)]) {
        await hover(".swimmer-death path");
        await page.mouse.down(); // pins the tooltip
        await page.mouse.up();
        await dismiss();
        assert.equal(await tips.count(), 0, "a pinned tooltip is dismissed too");
      }
      await done(); // no console error (a negative rect width is one), axe clean with the tooltip's group
    });
  }

  test("survival: duration of response in months since response; follow-up the reverse-KM median on / and /survival", async () => {
    await open("/survival", ".km-curve path");
    const axis = (i: number) => page.locator(".report-figure").nth(i).locator("svg[aria-label^=Kaplan] [aria-label='x-axis label']").textContent();
    assert.match((await axis(0)) ?? "", /Months since start/);
    assert.match((await axis(2)) ?? "", /Months since response/);
    // Reverse KM: alive at 880 and 1093 days → median (880 + 1093)/2 = 986.5 days = 32.4 months; crude 517.5 days = 17
    const followup = "32.4 months (crude median 17, range 10–36)";
    assert.equal(await page.locator("main p", {hasText: "Median follow-up"}).locator("strong").textContent(), followup);
    assert.ok(Math.abs((byId("tte.followup").stats.km_median as number) - 986.5 / (365.25 / 12)) < 1e-9);
    await done();
    await open("/", ".headlines");
    assert.equal(await page.locator('.headline[data-id="tte.followup"] .value').textContent(), followup);
    await done();
  });

  test("safety: any-grade table by worst grade, exact 95% CIs (0/6: 0–45.9%), dose reductions with their events", async () => {
    await open("/safety", "table.report-table");
    const table = (caption: string) => page.locator("table.report-table", {has: page.locator("caption", {hasText: caption})});
    const cells = async (caption: string) => table(caption).locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent)));
    assert.deepEqual(await table("Adverse events of any grade").locator("thead th").allTextContents(),
      ["Adverse event (preferred term)", "Grade 1", "Grade 2", "Grade 3", "Grade 4", "Grade 5", "Any grade", "95% CI (exact)"]);
    // Hand-counted from data/cohort/adverse_events.csv; each patient once per term at the worst grade;
    // CIs as R's binom.test: 5/6 0.3588–0.9958, 2/6 0.0433–0.7772, 1/6 0.0042–0.6412
    assert.deepEqual(await cells("Adverse events of any grade"), [
      ["Any adverse event", "2 (33%)", "3 (50%)", "0 (0%)", "0 (0%)", "0 (0%)", "5 (83%)", "35.9–99.6%"],
      ["Dermatitis radiation", "1 (17%)", "1 (17%)", "0 (0%)", "0 (0%)", "0 (0%)", "2 (33%)", "4.3–77.7%"],
      ["Fatigue", "1 (17%)", "1 (17%)", "0 (0%)", "0 (0%)", "0 (0%)", "2 (33%)", "4.3–77.7%"],
      ["Neutrophil count decreased", "0 (0%)", "1 (17%)", "0 (0%)", "0 (0%)", "0 (0%)", "1 (17%)", "0.4–64.1%"],
      ["Rectal pain", "0 (0%)", "1 (17%)", "0 (0%)", "0 (0%)", "0 (0%)", "1 (17%)", "0.4–64.1%"]
    ]);
    // 0 of 6: 0 to 1 − 0.025^(1/6) = 45.93%
    const summary = await cells("Patients with adverse events");
    assert.deepEqual(summary.map((row) => row.slice(0, 3)), [
      ["Grade 3–4 adverse events (CTCAE v4.0)", "0 (0%)", "0–45.9%"],
      ["Adverse events of any grade (CTCAE v4.0)", "5 (83%)", "35.9–99.6%"],
      ["Chemotherapy dose reduced for an adverse event", "1 (17%)", "0.4–64.1%"],
      ["Treatment stopped for an adverse event", "0 (0%)", "0–45.9%"]
    ]);
    // Patient 4's dose reduction: fatigue and neutrophil count decreased, both grade 2 (adverse_events.csv, AEACN)
    assert.deepEqual(await cells("led to a dose reduction"), [
      ["Fatigue", "2", "1", "1", "#4"],
      ["Neutrophil count decreased", "2", "1", "1", "#4"]
    ]);
    assert.deepEqual(await table("led to a dose reduction").locator("thead th").allTextContents(),
      ["Adverse event (preferred term)", "Worst CTCAE grade", "Patients", "Events", "Patient numbers"]);
    await done();
  });
});
