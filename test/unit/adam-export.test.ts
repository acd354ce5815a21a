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

/** The Parquet files written after putting the rows of adrs and adae in the order of `order` (a SQL expression). */
async function exportShuffled(order: string, dir: string): Promise<Record<string, Buffer>> {
  await engine.sql("SET preserve_insertion_order = true"); // so that the tables take the order asked for
  for (const table of ["adrs", "adae"]) {
    await engine.sql(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} ORDER BY ${order}`);
  }
  mkdirSync(dir);
  await engine.sql("SET VARIABLE out_dir = $dir", {dir});
  await engine.run("src/sql/export/adam.sql");
  return Object.fromEntries(["adrs", "adae"].map((t) => [t, readFileSync(join(dir, `${t}.parquet`))]));
}

test("ties in the sort keys (two assessments, two adverse events on one day) are written in one order", async () => {
  // Patient 1's post-CRT assessment again on the same day by CT, and an adverse event again with another grade.
  await engine.sql(`INSERT INTO adrs SELECT * REPLACE ('CT' AS METHOD, TUSIZE + 1 AS TUSIZE) FROM adrs
    WHERE USUBJID = 1 AND AVISIT = 'POST_CRT'`);
  await engine.sql(`INSERT INTO adae SELECT * REPLACE (AETOXGR % 4 + 1 AS AETOXGR) FROM adae
    WHERE (USUBJID, ADY) = (SELECT (USUBJID, ADY) FROM adae ORDER BY USUBJID, ADY LIMIT 1)`);
  const forward = await exportShuffled("rowid", join(scratch, "a"));
  const backward = await exportShuffled("rowid DESC", join(scratch, "b"));
  assert.ok(forward.adrs!.equals(backward.adrs!));
  assert.ok(forward.adae!.equals(backward.adae!));
  await engine.sql("SET VARIABLE adrs_file = $file", {file: join(scratch, "a", "adrs.parquet")});
  const tied = await engine.sql(`SELECT METHOD FROM read_parquet(getvariable('adrs_file'))
    WHERE USUBJID = 1 AND PARAMCD = 'OVRLRESP' AND AVISIT = 'POST_CRT'`);
  assert.deepEqual(tied.map((row) => row.METHOD), ["MRI", "CT"], "tied on the day, ordered by tumour size (28, then 29 mm)");
});
