// The analysis SQL must re-run unchanged in a reader's browser, where DuckDB-wasm has only the published ADaM
// datasets: no source table, no calendar date, no extension to download (DuckDB-wasm loads JSON and Parquet
// support from the network, so neither may be used). Checked by reading the SQL, by a round trip through the
// published CSVs, and by running the files in DuckDB-wasm itself.
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {openCohort} from "../../src/core/adam/derive.js";
import {sameNumber} from "../../src/core/agree.js";
import {Engine, ROOT, type Row} from "../../src/core/engine.js";
import {runAnalyses} from "../../src/core/results/analyses.js";
import {writeDatasets} from "../../src/core/results/datasets.js";
import {
  ADAM_TABLES, ANALYSIS_FILES, LIBRARY_FILES, PUBLISHED_LOAD_FILE as PUBLISHED_LOAD,
} from "../../src/core/sql-catalog.js";

const browserFiles = [PUBLISHED_LOAD, ...LIBRARY_FILES, ...ANALYSIS_FILES];
const cohortDir = fileURLToPath(new URL("../../data/cohort", import.meta.url));

const derived = await openCohort(cohortDir, "2023-04-01");
const expected = await runAnalyses(derived);
// The published CSVs, as the site ships them (data/adam/<table>.csv).
const published = mkdtempSync(join(tmpdir(), "sql-browser-"));
await writeDatasets(cohortDir, join(published, "adam"));
const csv = Object.fromEntries(ADAM_TABLES.map((table) => [table, readFileSync(join(published, "adam", `${table}.csv`), "utf8")]));
after(() => {
  derived.close();
  rmSync(published, {recursive: true, force: true});
});

/** SQL text without comments. */
const code = (file: string) => readFileSync(join(ROOT, file), "utf8").replace(/--.*$/gm, "");

test("every analysis file is listed, and none reads a source table, a date or an extension", () => {
  const onDisk = readdirSync(join(ROOT, "src/sql/analysis")).map((f) => `src/sql/analysis/${f}`).sort();
  assert.deepEqual([...ANALYSIS_FILES].sort(), onDisk);
  for (const file of browserFiles) {
    const sql = code(file);
    assert.doesNotMatch(sql, /\bsrc_\w+/i, `${file} reads a source table`);
    assert.doesNotMatch(sql, /\b(DATE|TIMESTAMP|INTERVAL|current_date|today|now|strftime|strptime|date_\w+|make_date)\b/i,
      `${file} uses a calendar date`);
    assert.doesNotMatch(sql, /\b(json\w*|to_json|read_parquet|parquet_\w+|INSTALL|LOAD)\b/i, `${file} needs an extension`);
  }
});

test("the published CSVs load back with the derived column types and give the same results", async () => {
  const engine = await Engine.open();
  const dir = fileURLToPath(new URL(`../.tmp/adam-${process.pid}/`, import.meta.url));
  try {
    mkdirSync(dir, {recursive: true});
    for (const [table, text] of Object.entries(csv)) writeFileSync(join(dir, `${table}.csv`), text);
    await engine.sql("SET VARIABLE adam_dir = $dir", {dir});
    await engine.run(PUBLISHED_LOAD);
    rmSync(dir, {recursive: true, force: true});
    for (const table of ADAM_TABLES) {
      const describe = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}'
                        ORDER BY ordinal_position`;
      assert.deepEqual(await engine.sql(describe), await derived.sql(describe), `${table} column types`);
      const rows = `SELECT * FROM ${table} ORDER BY ALL`; // the derived tables are unsorted (src/sql/export/adam.sql)
      assert.deepEqual(await engine.sql(rows), await derived.sql(rows), table);
    }
    const byId = (outputs: Map<string, Row[]>) =>
      [...outputs].map(([file, rows]) => [file, [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))]);
    assert.deepEqual(byId(await runAnalyses(engine)), byId(expected));
  } finally {
    engine.close();
  }
});

/** Arrow rows of DuckDB-wasm as plain JSON values (BIGINT → number). */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v)));

/** Deep equality with numbers by the report's rule (src/core/agree.ts: the engines may differ in the last bits). */
function approx(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    assert.ok(sameNumber(actual, expected), `${path}: ${actual} ≠ ${expected}`);
  } else if (expected !== null && typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", `${path}: ${JSON.stringify(actual)}`);
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual as object)])];
    for (const key of keys) approx((actual as Row)[key], (expected as Row)[key], `${path}.${key}`);
  } else {
    assert.equal(actual ?? null, expected ?? null, path);
  }
}

test("DuckDB-wasm runs the same files on the published CSVs and agrees", async () => {
  const require = createRequire(import.meta.url);
  const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
  const dist = join(ROOT, "node_modules/@duckdb/duckdb-wasm/dist");
  const db = await duckdb.createDuckDB(
    {mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: ""}, eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: ""}},
    new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  for (const [table, text] of Object.entries(csv)) db.registerFileText(`${table}.csv`, text);
  const connection = db.connect();
  try {
    const run = (file: string) => plain(connection.query(readFileSync(join(ROOT, file), "utf8")).toArray()) as Row[];
    [PUBLISHED_LOAD, ...LIBRARY_FILES].forEach(run);
    for (const file of ANALYSIS_FILES) {
      const inBrowser = new Map(run(file).map((row) => [row.id, row]));
      for (const row of expected.get(file)!) {
        const other = inBrowser.get(row.id as string);
        assert.ok(other, `${file}: ${row.id} missing in DuckDB-wasm`);
        // rows_total leaves the engine only with sampled rows (runAnalyses); here it must count the rows.
        const {rows_total: total, ...rest} = other;
        if (typeof total === "number") assert.equal(total, (rest.rows as unknown[]).length, `${row.id}.rows_total`);
        approx(rest, row, String(row.id));
      }
    }
  } finally {
    connection.close();
    await db.terminate?.();
  }
});
