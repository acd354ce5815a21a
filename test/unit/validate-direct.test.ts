// The direct load (src/core/cohort/direct.ts): a clean plain file is typed straight from the CSV; a file with any
// problem is left, with nothing behind, to the located way, which words the messages (validate-fixtures.test.ts).
import assert from "node:assert/strict";
import {after, test} from "node:test";
import {loadDirect} from "../../src/core/cohort/direct.js";
import {SCHEMAS} from "../../src/core/cohort/schema.js";
import {Engine} from "../../src/core/engine.js";
import {DEMO_COHORT, makeCohort, removeCohort, type Edit} from "../fixtures/cohort.js";

const dirs: string[] = [];
after(() => dirs.forEach(removeCohort));
const treatments = SCHEMAS.find((schema) => schema.stem === "treatments")!;

/** The cohort_/raw_/bad_values_ objects of treatments in the engine, by name. */
const objects = async (engine: Engine) => (await engine.sql(`SELECT table_name FROM information_schema.tables
  WHERE table_name LIKE '%treatments' ORDER BY table_name`)).map((row) => row.table_name);

test("a clean file is loaded directly: typed, in file order, each row with its line", async () => {
  const engine = await Engine.open();
  try {
    const summary = await loadDirect(engine, DEMO_COHORT, treatments);
    // data/cohort/treatments.csv: 36 data rows; line 2 is episode 1-01, line 37 (the last) 6-07.
    assert.equal(summary?.rows, 36);
    assert.match(summary!.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(await objects(engine), ["cohort_rows_treatments", "cohort_treatments"]);
    const rows = await engine.sql(`SELECT line, ok, EPISODEID, typeof(STDT) AS stdt FROM cohort_treatments
      WHERE line IN (2, 37) ORDER BY line`);
    assert.deepEqual(rows.map((r) => [r.line, r.ok, r.stdt]), [[2, true, "DATE"], [37, true, "DATE"]]);
    assert.deepEqual(rows.map((r) => r.EPISODEID), ["1-01", "6-07"]);
  } finally {
    engine.close();
  }
});

const unclean: [string, Edit][] = [
  ["a value that breaks its column's rule", {file: "treatments.csv", line: 3, column: "STDT", value: "2019-13-01"}],
  ["a row that breaks a rule between its columns", {file: "treatments.csv", line: 4, column: "RTDOSE", value: ""}],
  ["a repeated key", {file: "treatments.csv", line: 3, column: "EPISODEID", value: "1-01"}],
  ["a quoted cell (not plain)", {file: "treatments.csv", replace: "1-02,1,LIVER_RFA", with: '"1-02",1,LIVER_RFA'}],
  ["an unknown column", {file: "treatments.csv", transform: (text) =>
    text.split("\n").map((line, i) => (line ? `${line},${i === 0 ? "EXTRA" : ""}` : line)).join("\n")}],
];

for (const [name, edit] of unclean) {
  test(`${name}: not loaded directly, and nothing left behind`, async () => {
    const dir = makeCohort([edit]);
    dirs.push(dir);
    const engine = await Engine.open();
    try {
      assert.equal(await loadDirect(engine, dir, treatments), undefined);
      assert.deepEqual(await objects(engine), []);
    } finally {
      engine.close();
    }
  });
}
