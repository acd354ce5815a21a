// /reconciliation in Chromium: renders with no console error, its summary counts are those of the rows the loader
// served (dist/_file/data/results/reconciliation.<hash>.json), and it explains each discrepancy of those rows in words.
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import type {ReconciliationRow} from "../../src/core/reconcile/index.js";
import {watch} from "../../scripts/dev/browser.js";
import {build, DIST, session} from "./site.js";

build();

/** The rows the built site serves. */
function servedRows(): ReconciliationRow[] {
  const dir = join(DIST, "_file", "data", "results");
  const file = readdirSync(dir).find((name) => /^reconciliation\.[0-9a-f]+\.json$/.test(name));
  if (!file) throw new Error(`no reconciliation.*.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")).rows;
}

const site = session();

test("/reconciliation: summary counts equal the loader's rows, each discrepancy explained, no console error", async () => {
  const rows = servedRows();
  const page = await site.browser.newPage();
  const watched = await watch(page, site.origin);
  await page.goto(site.origin + "/reconciliation", {waitUntil: "networkidle"});
  await page.locator("main table").waitFor({timeout: 20_000});

  const count = async (status: string) => Number(await page.locator(`.reconciliation-summary dd[data-status="${status}"]`).textContent());
  assert.equal(await count("all"), rows.length);
  for (const status of ["match", "discrepancy", "not-derivable"]) {
    assert.equal(await count(status), rows.filter((r) => r.status === status).length, status);
  }

  const discrepancies = rows.filter((r) => r.status === "discrepancy");
  assert.ok(discrepancies.length > 0, "the demo cohort finds the paper's contradictions");
  const items = page.locator("ol.discrepancies > li");
  assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id)), discrepancies.map((r) => r.id));
  for (const [i, r] of discrepancies.entries()) assert.ok(((await items.nth(i).textContent()) ?? "").includes(r.note), r.id);

  assert.equal(await page.locator("main table tbody tr").count(), rows.length);
  assert.deepEqual(watched.problems, []);
  await page.close();
});
