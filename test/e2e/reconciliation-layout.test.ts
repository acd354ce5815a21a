// /reconciliation as a reader uses it at 1280 px: the table of every printed number fits its column (the Note
// column on screen, wrapped), a choice of status shows only those rows, and a bound the paper prints is labelled with
// its bound, not "Match".
import assert from "node:assert/strict";
import {test} from "node:test";
import type {ReconciliationRow} from "../../src/core/reconcile/index.js";
import {seriousViolations} from "./axe.js";
import {watch} from "../../scripts/dev/browser.js";
import {build, session} from "./site.js";

build();

const site = session();

test("/reconciliation at 1280 px: fits, filters by status, labels bounds", async () => {
  const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
  const watched = await watch(page, site.origin);
  const served = page.waitForResponse((r) => /\/reconciliation\.[0-9a-f]+\.json$/.test(r.url()));
  await page.goto(site.origin + "/reconciliation.html", {waitUntil: "networkidle"});
  const rows: ReconciliationRow[] = (await (await served).json()).rows;

  const fit = await page.locator(".reconciliation-table .table-scroll").evaluate((scroller) => {
    const box = scroller.getBoundingClientRect();
    const notes = [...scroller.querySelectorAll("tbody tr > :nth-child(7)")].map((td) => td.getBoundingClientRect());
    return {overflow: scroller.scrollWidth - scroller.clientWidth, right: box.right, viewport: innerWidth, notesRight: Math.max(...notes.map((r) => r.right)), noteWidth: Math.min(...notes.map((r) => r.width))};
  });
  assert.ok(fit.overflow <= 0, `the table scrolls sideways by ${fit.overflow} px`);
  assert.ok(fit.right <= fit.viewport && fit.notesRight <= fit.right + 0.5, JSON.stringify(fit));
  assert.ok(fit.noteWidth >= 160, `the Note column is ${fit.noteWidth} px wide`);

  const visible = () => page.locator(".reconciliation-table tbody tr:visible").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status));
  const select = page.getByLabel("Show");
  for (const status of ["discrepancy", "not-derivable", "match"] as const) {
    const expected = rows.filter((r) => r.status === status).length;
    assert.ok(expected > 0, status);
    await select.selectOption(status);
    assert.deepEqual(await visible(), Array(expected).fill(status), status);
  }
  await select.selectOption("all");
  assert.equal((await visible()).length, rows.length);

  const bounds = rows.filter((r) => r.bound);
  assert.ok(bounds.length > 0, "the paper prints a bound (case6.ned: after 2 years)");
  const statusOf = (id: string) => page.locator(`.reconciliation-table tbody tr:has(> th:text-is("${id}")) > td:nth-child(5)`).textContent();
  for (const r of bounds) assert.equal(await statusOf(r.id), r.status === "match" ? `Bound holds: ${r.bound}` : "Discrepancy", r.id);
  assert.equal(await statusOf("case6.ned"), "Bound holds: at least 2 years");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(watched.problems, []);
  await page.close();
});
