// CSV cells for spreadsheets (src/core/spreadsheet.ts) and its SQL twin in the published adae.csv
// (src/sql/export/adam_csv.sql, read back in the browser by src/sql/published/load.sql): text that starts like a
// formula is written as text (OWASP, CSV injection), and reading it back gives the text exactly.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {csvParse} from "d3-dsv";
import fc from "fast-check";
import {openCohort} from "../../src/core/adam/derive.js";
import {writeDatasets} from "../../src/core/results/datasets.js";
import {plainCell, spreadsheetCell} from "../../src/core/spreadsheet.js";
import {toCsv} from "../../src/components/page/download.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";

const FORMULAS = ["=1+1", '=HYPERLINK("https://example.invalid","x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"];

test("a cell that starts like a formula gets an apostrophe; an apostrophe gets another; other text is unchanged", () => {
  for (const text of FORMULAS) assert.equal(spreadsheetCell(text), `'${text}`, text);
  assert.equal(spreadsheetCell("'quoted"), "''quoted");
  for (const text of ["Fatigue", "Dermatitis radiation", "<b>x</b>", "1 = 1", "", "é=", "−3"]) {
    assert.equal(spreadsheetCell(text), text, text);
  }
  fc.assert(fc.property(fc.string(), (text) => plainCell(spreadsheetCell(text)) === text));
});

test("page CSV downloads: text made inert, numbers and patient lists as they are", () => {
  const csv = toCsv([{term: "=1+1", n: -3, patients: [1, 2], note: "ok"}]);
  assert.equal(csv, "term,n,patients,note\n'=1+1,-3,1 2,ok\n");
});

const dir = makeCohort([
  {file: "adverse_events.csv", replace: "4,Fatigue,Fatigue,", with: `4,"=HYPERLINK(""https://example.invalid"",""x"")",'ok,`},
  {file: "adverse_events.csv", replace: "2,Fatigue,Fatigue,", with: "2,@SUM(1+1),-1+2,"}
]);
const out = mkdtempSync(join(tmpdir(), "spreadsheet-"));
after(() => {
  removeCohort(dir);
  rmSync(out, {recursive: true, force: true});
});

test("adae.csv writes free text as text for spreadsheets, and load.sql reads back the ADaM values exactly", async () => {
  const engine = await openCohort(dir);
  try {
    const derived = await engine.sql("SELECT * FROM adae ORDER BY ALL");
    await writeDatasets(dir, out);
    const rows = csvParse(readFileSync(join(out, "adae.csv"), "utf8"));
    const terms = rows.map((r) => [r.AETERM, r.AEDECOD]);
    assert.deepEqual(terms.filter(([term]) => !/^[A-Z]/.test(term!)),
      [["'@SUM(1+1)", "'-1+2"], [`'=HYPERLINK("https://example.invalid","x")`, "''ok"]]);
    await engine.sql("SET VARIABLE adam_dir = $out", {out});
    await engine.run("src/sql/published/load.sql");
    assert.deepEqual(await engine.sql("SELECT * FROM adae ORDER BY ALL"), derived);
  } finally {
    engine.close();
  }
});
