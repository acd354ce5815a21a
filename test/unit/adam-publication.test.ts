// What the site publishes of each ADaM table (src/core/adam/publication.ts): Parquet always, CSV and XPT only up to
// the text-file limit; the datasets writer writes exactly those files, and define.xml describes the XPT it wrote.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {publication, textFiles, textTables} from "../../src/core/adam/publication.js";
import {writeDatasets} from "../../src/core/results/datasets.js";

const cohort = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "publication-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

test("a table is published as text up to the limit, inclusive, and as Parquet at every size", () => {
  const rows = {adsl: 1000, adrs: 1001, adtte: 3000, adae: 0};
  const datasets = publication(rows, 1000);
  assert.deepEqual(datasets, [
    {table: "adsl", rows: 1000, formats: ["parquet", "csv", "xpt"]},
    {table: "adrs", rows: 1001, formats: ["parquet"]},
    {table: "adtte", rows: 3000, formats: ["parquet"]},
    {table: "adae", rows: 0, formats: ["parquet", "csv", "xpt"]}
  ]);
  assert.deepEqual(textTables(datasets), ["adsl", "adae"]);
  assert.deepEqual(textFiles(datasets), ["adsl.csv", "adsl.xpt", "adae.csv", "adae.xpt"]);
  assert.throws(() => publication({adsl: 1, adrs: 1, adtte: 1}, 1000), /does not count the rows of adae/);
});

test("the demo cohort under a limit of 10 rows: ADSL (6) and ADAE (6) as text, ADRS (47) and ADTTE (16) as Parquet only", async () => {
  const out = join(scratch, "adam");
  const {datasets, files} = await writeDatasets(cohort, out, {textRows: 10});
  assert.deepEqual(datasets.map((d) => [d.table, d.rows, d.formats.join("+")]),
    [["adsl", 6, "parquet+csv+xpt"], ["adrs", 47, "parquet"], ["adtte", 16, "parquet"], ["adae", 6, "parquet+csv+xpt"]]);
  const expected = ["adsl.parquet", "adsl.csv", "adsl.xpt", "adrs.parquet", "adtte.parquet", "adae.parquet", "adae.csv", "adae.xpt", "define.xml"];
  assert.deepEqual(files, expected);
  assert.deepEqual(readdirSync(out).sort(), [...expected].sort(), "exactly those files, nothing more");
  assert.equal(existsSync(join(out, "adrs.csv")), false);
  const define = readFileSync(join(out, "define.xml"), "utf8");
  const groups = [...define.matchAll(/<ItemGroupDef[^>]* Name="(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(groups, ["ADSL", "ADAE"], "define.xml describes the XPT files written");
  assert.equal(readFileSync(join(out, "adae.csv"), "utf8").trim().split("\n").length, 7, "ADAE's CSV: a header and its 6 rows");
});
