// The interchange files read by R, as their users read them: the XPT files by haven (the same rows, values and
// labels as the CSVs and the data dictionary), the Word tables by officer (a real table whose cells are the results'
// display strings), the ARD by jsonlite. Needs Rscript with haven, officer and jsonlite (Debian r-base-core,
// r-cran-haven, r-cran-officer, r-cran-jsonlite; .ci/run installs them): without them this test fails, it never skips.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {ADAM_METADATA} from "../../src/core/adam-metadata.js";
import {toArd} from "../../src/core/interchange/ard.js";
import {writeResultsFiles} from "../../src/core/interchange/results-files.js";
import {writeDatasets} from "../../src/core/results/datasets.js";
import {buildResults} from "../../src/core/results/index.js";

const cohort = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "interchange-r-"));
after(() => rmSync(scratch, {recursive: true, force: true}));
const out = join(scratch, "files");
const data = await buildResults(cohort);
await writeDatasets(cohort, out, {more: (dir) => writeResultsFiles(data, dir)});

const R_SCRIPT = `
suppressPackageStartupMessages({library(haven); library(officer); library(jsonlite)})
dir <- commandArgs(trailingOnly = TRUE)[1]
same <- function(a, b) isTRUE(all.equal(a, b, check.attributes = FALSE, tolerance = 0))
xpt <- lapply(c(adsl = "adsl", adrs = "adrs", adtte = "adtte", adae = "adae"), function(t) {
  x <- read_xpt(file.path(dir, paste0(t, ".xpt")))
  csv <- read.csv(file.path(dir, paste0(t, ".csv")), na.strings = "", stringsAsFactors = FALSE)
  # haven reads an empty text value as "", the CSV as NA
  plain <- lapply(x, function(v) if (is.character(v)) ifelse(v == "", NA, v) else as.vector(v))
  list(name = attr(x, "label"), rows = nrow(x), columns = names(x),
       labels = unname(vapply(x, function(v) attr(v, "label"), "")),
       equal = unname(vapply(names(x), function(n) same(plain[[n]], csv[[n]]), TRUE)))
})
docx <- lapply(c(table1 = "table-1.docx", safety = "safety.docx"), function(f) {
  s <- docx_summary(read_docx(file.path(dir, f)))
  cells <- s[s$content_type == "table cell", ]
  lapply(split(cells, cells$doc_index), function(t) {
    t <- t[order(t$row_id, t$cell_id), ]
    unname(lapply(split(t$text, t$row_id), function(r) ifelse(is.na(r), "", r)))
  })
})
ard <- fromJSON(file.path(dir, "ard.json"))
female <- ard[ard$result_id == "table1.female" & ard$stat_name == "p", ]
cat(toJSON(list(xpt = xpt, docx = docx, ard = list(rows = nrow(ard), columns = names(ard),
  female_p = as.numeric(female$stat))), auto_unbox = TRUE, digits = NA))
`;

function runR(): {xpt: Record<string, {name: string; rows: number; columns: string[]; labels: string[]; equal: boolean[]}>;
  docx: Record<string, string[][][]>; ard: {rows: number; columns: string[]; female_p: number}} {
  const r = spawnSync("Rscript", ["-e", R_SCRIPT, out], {encoding: "utf8"});
  assert.ifError(r.error); // no Rscript: install r-base-core r-cran-haven r-cran-officer r-cran-jsonlite
  assert.equal(r.status, 0, `Rscript failed (needs haven, officer, jsonlite):\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
const fromR = runR();

test("haven reads each XPT with the CSV's rows and values and the dictionary's labels", () => {
  // The demo cohort: 6 patients; 47 ADRS records, 16 ADTTE, 6 adverse events (test/e2e/verify-data.test.ts).
  const rows = {adsl: 6, adrs: 47, adtte: 16, adae: 6};
  for (const table of ["adsl", "adrs", "adtte", "adae"] as const) {
    const x = fromR.xpt[table]!;
    assert.equal(x.rows, rows[table], `${table} rows`);
    assert.deepEqual(x.columns, ADAM_METADATA[table].map((v) => v.variable), `${table} columns`);
    assert.deepEqual(x.labels, ADAM_METADATA[table].map((v) => v.label), `${table} labels`);
    assert.deepEqual(x.columns.filter((_, i) => !x.equal[i]), [], `${table}: columns that differ from the CSV`);
  }
  assert.equal(fromR.xpt.adsl!.name, "Subject-Level Analysis Dataset");
});

test("officer reads Table 1 and the safety tables as Word tables holding the results' values", () => {
  const [table1] = Object.values(fromR.docx.table1!);
  assert.deepEqual(table1![0], ["Characteristic", "N = 6¹"]);
  const values = new Map(table1!.map((row) => [row[0], row[1]]));
  for (const result of data.results.filter((r) => r.id.startsWith("table1."))) {
    assert.equal(values.get(result.label), result.display, result.id);
  }
  const [grade34, actions] = Object.values(fromR.docx.safety!);
  assert.deepEqual(grade34, [["Adverse event", "Patients, N = 6¹", "Events"],
    ["Grade 3–4 adverse events (CTCAE v4.0)", "None observed", "0"]]);
  assert.deepEqual(actions, [["Action", "N = 6¹"], ["Chemotherapy dose reduced for an adverse event", "1 (17%)"],
    ["Treatment stopped for an adverse event", "0 (0%)"]]);
});

test("jsonlite reads the ARD as a data frame of one row per statistic", () => {
  assert.equal(fromR.ard.rows, toArd(data).length);
  assert.deepEqual(fromR.ard.columns.slice(0, 3), ["group1", "group1_level", "variable"]);
  assert.equal(fromR.ard.female_p, 0.5);
});
