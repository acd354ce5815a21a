// Table 1 and the safety tables as Word documents: a real table of text laid out like gtsummary's flextable output,
// the results' display strings, and the same bytes at any time of packing.
import assert from "node:assert/strict";
import {setTimeout as sleep} from "node:timers/promises";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {strFromU8, unzipSync} from "fflate";
import {safetyDocx, table1Docx} from "../../src/core/interchange/report-docx.js";
import {buildResults} from "../../src/core/results/index.js";

const data = await buildResults(fileURLToPath(new URL("../../data/cohort", import.meta.url)));
const part = (file: Buffer, name: string) => strFromU8(unzipSync(file)[name]!);
/** The text of each table row's cells (w:tr → w:tc → w:t). */
const rows = (xml: string) => [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map(([tr]) =>
  [...tr.matchAll(/<w:tc>.*?<\/w:tc>/g)].map(([tc]) => [...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")));

test("Table 1: a Word table with N = 6, each section's bold label and its results' values indented beneath", async () => {
  const xml = part(await table1Docx(data), "word/document.xml");
  assert.match(xml, /<w:tbl>/);
  const table = rows(xml);
  assert.deepEqual(table[0], ["Characteristic", "N = 6¹"]);
  assert.deepEqual(table[1], ["Patient characteristics", ""]);
  assert.deepEqual(table.slice(2, 4), [["Female", "3 (50%)"], ["Age, years", "62 (48–79)"]]);
  assert.deepEqual(table.find((r) => r[0] === "R0 resection"), ["R0 resection", "3 (75%)"]);
  // One row per Table 1 result and per section.
  const results = data.results.filter((r) => r.id.startsWith("table1."));
  assert.equal(table.length, 1 + results.length + new Set(results.map((r) => r.section)).size);
  const row = (label: string) => [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map(([tr]) => tr).find((tr) => tr.includes(`>${label}<`))!;
  assert.match(row("Morphology"), /<w:b\/>/);
  assert.doesNotMatch(row("Small cell carcinoma"), /<w:b\/>/);
  assert.match(row("Small cell carcinoma"), /<w:ind w:left="360"\/>/);
  assert.match(xml, /¹ n \(%\); mean \(range\); mean</);
  assert.match(xml, /R0 resection, R1 resection: of operated patients \(N = 4\)\./);
  assert.match(xml, /Report version 1\.0\.0, data cut-off 2023-04-01, data SHA-256 [0-9a-f]{16}…/);
  assert.match(xml, /Computed on a reconstructed cohort of 6 patients/);
});

test("safety: grade 3–4 events (none observed) and the actions taken, with the results' values", async () => {
  const table = rows(part(await safetyDocx(data), "word/document.xml"));
  assert.deepEqual(table, [
    ["Adverse event", "Patients, N = 6¹", "Events"],
    ["Grade 3–4 adverse events (CTCAE v4.0)", "None observed", "0"],
    ["Action", "N = 6¹"],
    ["Chemotherapy dose reduced for an adverse event", "1 (17%)"],
    ["Treatment stopped for an adverse event", "0 (0%)"],
  ]);
});

test("the same bytes when packed later: core properties and zip entries dated by the data cut-off", async () => {
  const first = await table1Docx(data);
  await sleep(2100); // beyond the zip's 2-second clock
  const second = await table1Docx(data);
  assert.ok(first.equals(second), "table-1.docx differs between two packings");
  assert.match(part(first, "docProps/core.xml"), /<dcterms:created[^>]*>2023-04-01T00:00:00Z<\/dcterms:created>/);
  // The local file header's DOS date of the first entry: (year − 1980) << 9 | month << 5 | day.
  assert.equal(first.readUInt16LE(12), ((2023 - 1980) << 9) | (4 << 5) | 1);
});
