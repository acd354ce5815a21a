// The published ADaM files (src/sql/export/adam.sql) are the same bytes whatever order the ADaM tables' rows are in:
// the tables are built without insertion order (deriveAdam), so ties in the sort keys must be broken by the data.
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {openCohort} from "../../src/core/adam/derive.js";

const engine = await openCohort(fileURLToPath(new URL("../../data/cohort", import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), "adam-export-"));
after(() => {
  engine.close();
  rmSync(scratch, {recursive: true, force: true});
});

/** The CSVs written after putting the rows of adrs and adae in the order of `order` (a SQL expression). */
async function exportShuffled(order: string, dir: string): Promise<Record<string, string>> {
  await engine.sql("SET preserve_insertion_order = true"); // so that the tables take the order asked for
  for (const table of ["adrs", "adae"]) {
    await engine.sql(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} ORDER BY ${order}`);
  }
  mkdirSync(dir);
  await engine.sql("SET VARIABLE out_dir = $dir", {dir});
  await engine.run("src/sql/export/adam.sql");
  return Object.fromEntries(["adrs", "adae"].map((t) => [t, readFileSync(join(dir, `${t}.csv`), "utf8")]));
}

test("ties in the sort keys (two assessments, two adverse events on one day) are written in one order", async () => {
  // Patient 1's post-CRT assessment again on the same day by CT, and an adverse event again with another grade.
  await engine.sql(`INSERT INTO adrs SELECT * REPLACE ('CT' AS METHOD, TUSIZE + 1 AS TUSIZE) FROM adrs
    WHERE USUBJID = 1 AND AVISIT = 'POST_CRT'`);
  await engine.sql(`INSERT INTO adae SELECT * REPLACE (AETOXGR % 4 + 1 AS AETOXGR) FROM adae
    WHERE (USUBJID, ADY) = (SELECT (USUBJID, ADY) FROM adae ORDER BY USUBJID, ADY LIMIT 1)`);
  const forward = await exportShuffled("rowid", join(scratch, "a"));
  const backward = await exportShuffled("rowid DESC", join(scratch, "b"));
  assert.equal(forward.adrs, backward.adrs);
  assert.equal(forward.adae, backward.adae);
  const tied = forward.adrs.split("\n").filter((line) => line.startsWith("1,OVRLRESP,") && line.includes("POST_CRT"));
  assert.equal(tied.length, 2);
});
