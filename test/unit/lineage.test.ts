// The lineage (src/core/lineage/, src/sql/lineage/population.sql) on the demo cohort: the patients behind results,
// hand-checked from data/cohort (treatments.csv, metastases.csv, assessments.csv, patients.csv); its agreement with
// every result's own counts; a refusal naming every disagreement; and the SQL shipped with its dependencies.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {before, describe, test} from "node:test";
import {fileURLToPath} from "node:url";
import {buildLineage, lineageRows, pairLineage} from "../../src/core/lineage/build.js";
import {sqlFiles} from "../../src/core/sql-files.js";
import type {Lineage, LineageEntry} from "../../src/core/lineage/types.js";
import {buildResults, type ResultsDataset} from "../../src/core/results/index.js";
import {writeCohort} from "../../src/core/synth/write.js";

const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("lineage on the demo cohort", () => {
  let data: ResultsDataset;
  let lineage: Lineage;
  const entry = (id: string): LineageEntry => {
    const found = lineage.results.find((e) => e.id === id);
    assert.ok(found, `lineage of ${id}`);
    return found;
  };

  before(async () => {
    data = await buildResults(cohortDir);
    lineage = await buildLineage(cohortDir, data);
  });

  test("R0 resection: the three R0 margins among the four operated patients", () => {
    // treatments.csv PRIMARY_SURGERY: #1 R0, #4 R1, #5 R0, #6 R0; #2 and #3 were not operated.
    assert.deepEqual(entry("table1.resection.r0").numerator, [1, 5, 6]);
    assert.deepEqual(entry("table1.resection.r0").denominator, [1, 4, 5, 6]);
    assert.deepEqual(entry("table1.resection.r1").numerator, [4]);
    assert.equal(entry("table1.resection.r0").population, "operated");
  });

  test("liver RFA and liver resection among the patients with liver metastases", () => {
    // metastases.csv LIVER: #1, #5, #6; treatments.csv LIVER_RFA: #1, #5; LIVER_RESECTION: #6.
    assert.deepEqual(entry("table1.liver.rfa").numerator, [1, 5]);
    assert.deepEqual(entry("table1.liver.rfa").denominator, [1, 5, 6]);
    assert.deepEqual(entry("table1.liver.resection").numerator, [6]);
    assert.deepEqual(entry("table1.liver.resection").denominator, [1, 5, 6]);
  });

  test("best overall response: PR, CR and the responders of the duration of response", () => {
    // assessments.csv: confirmed PR for #1, #4, #5 (and #6, later CR); #2 SD throughout; #3 PD at the first look.
    assert.deepEqual(entry("response.bor.pr").numerator, [1, 4, 5]);
    assert.deepEqual(entry("response.bor.pr").denominator, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(entry("response.bor.cr").numerator, [6]);
    assert.deepEqual(entry("response.bor.ne").numerator, []);
    assert.deepEqual(entry("response.orr").numerator, [1, 4, 5, 6]);
    assert.deepEqual(entry("tte.dor").denominator, [1, 4, 5, 6]);
    assert.deepEqual(entry("response.bor.pr").dataset, "adrs");
    assert.deepEqual(entry("response.bor.pr").paramcd, "BOR");
  });

  test("Table 1 female and morphology name the patients of patients.csv", () => {
    assert.deepEqual(entry("table1.female").numerator, [3, 4, 6]);
    assert.deepEqual(entry("table1.morph.minen").numerator, [2, 3, 5]);
    assert.deepEqual(entry("table1.mets.peritoneum").numerator, [3]);
  });

  test("every result has a lineage; numerator sizes are stats.n and denominator sizes the denominator", () => {
    assert.deepEqual(lineage.results.map((e) => e.id), data.results.map((r) => r.id));
    let counted = 0;
    for (const result of data.results) {
      const e = entry(result.id);
      if (typeof result.stats.n === "number") {
        assert.equal(e.numerator.length, result.stats.n, `${result.id} numerator`);
        counted++;
      }
      if (result.denominator !== null) assert.equal(e.denominator.length, result.denominator, `${result.id} denominator`);
      assert.ok(e.numerator.every((id) => e.denominator.includes(id)), `${result.id}: numerator within the population`);
    }
    assert.ok(counted >= 35, `${counted} results with an n`);
  });

  test("flat rows: one per patient and role, numerator first", () => {
    const rows = lineageRows(lineage).filter((row) => row.result_id === "table1.resection.r0");
    assert.deepEqual(rows.map((row) => `${row.role}:${row.USUBJID}`), [
      "numerator:1", "numerator:5", "numerator:6", "denominator:1", "denominator:4", "denominator:5", "denominator:6"
    ]);
  });

  test("no calendar date in the lineage", () => {
    assert.doesNotMatch(JSON.stringify(lineage), /\d{4}-\d{2}-\d{2}/);
  });

  test("a population that disagrees with the results stops the build, naming every problem", () => {
    const populations = lineage.results.map(({numerator: _, ...population}) => ({...population}));
    const r0 = populations.find((p) => p.id === "table1.resection.r0")!;
    r0.denominator = [1, 4, 6]; // #5 dropped: size 3 ≠ 4, and #5 is counted outside it
    const withoutOs = populations.filter((p) => p.id !== "tte.os");
    assert.throws(() => pairLineage(data, withoutOs), (error: Error) => {
      assert.match(error.message, /table1\.resection\.r0: counted patients 5 are not in population operated/);
      assert.match(error.message, /table1\.resection\.r0: population operated has 3 patients, the result's denominator is 4/);
      assert.match(error.message, /no population for result tte\.os/);
      return true;
    });
  });
});

test("on a synthetic cohort of 120 patients the populations still agree with every result (else the build stops)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lineage-synth-"));
  try {
    await writeCohort({n: 120, seed: 11, out: join(dir, "cohort")});
    const lineage = await buildLineage(join(dir, "cohort"));
    assert.equal(lineage.results.find((e) => e.id === "cohort.n")!.denominator.length, 120);
    const operated = lineage.results.find((e) => e.id === "table1.resection.r0")!.denominator;
    assert.deepEqual(lineage.results.find((e) => e.id === "response.ypt0")!.denominator, operated, "one operated population");
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

describe("the SQL shipped with the derivations", () => {
  const files = sqlFiles();
  const file = (path: string) => files.find((f) => f.path === path)!;

  test("each file's text is the repository's file, byte for byte", () => {
    for (const path of ["src/sql/analysis/table1.sql", "src/sql/analysis/pathology.sql", "src/sql/lineage/population.sql"]) {
      assert.equal(Buffer.compare(Buffer.from(file(path).text, "utf8"), readFileSync(ROOT + path)), 0, path);
    }
  });

  test("macros and ADaM tables each analysis file uses", () => {
    assert.deepEqual(file("src/sql/analysis/table1.sql").macros, ["src/sql/lib/proportion.sql"]);
    assert.deepEqual(file("src/sql/analysis/table1.sql").tables, ["adsl"]);
    assert.deepEqual(file("src/sql/analysis/response.sql").macros, ["src/sql/lib/clopper_pearson.sql", "src/sql/lib/proportion.sql"]);
    assert.deepEqual(file("src/sql/analysis/km.sql").macros, ["src/sql/lib/kaplan_meier.sql"]);
    assert.deepEqual(file("src/sql/analysis/km.sql").tables, ["adtte"]);
    assert.deepEqual(file("src/sql/analysis/shrinkage.sql").macros, []);
    assert.deepEqual(file("src/sql/adam/adsl.sql").macros, ["src/sql/adam/day1.sql"]);
    assert.deepEqual(file("src/sql/lib/clopper_pearson.sql").macros, [], "a file's own macros are not dependencies");
  });

  test("every file the browser re-run needs, in the build's order, with its role", () => {
    const roles = (role: string) => files.filter((f) => f.role === role).map((f) => f.path.replace(/^src\/sql\//, ""));
    assert.deepEqual(roles("published"), ["published/load.sql"]);
    assert.deepEqual(roles("library"), ["lib/listing.sql", "lib/proportion.sql", "lib/clopper_pearson.sql", "lib/kaplan_meier.sql"]);
    assert.equal(roles("analysis")[0], "analysis/table1.sql");
    assert.equal(roles("analysis").length, 13);
    assert.deepEqual(roles("lineage"), ["lineage/population.sql"]);
  });
});
