/**
 * node --import tsx scripts/bench/scan.ts DIR
 * The floor of `npm run bench` (docs/scale.md): a raw DuckDB scan of every cohort CSV (read_csv, count(*)),
 * i.e. the least work any analysis of these files must do. Prints {"rows": {...}, "scan_ms": …}.
 */
import {DuckDBInstance} from "@duckdb/node-api";
import {join} from "node:path";
import {TABLE_NAMES} from "../../src/core/synth/tables.js";
import {args} from "../args.js";

const {dir} = args({usage: "node --import tsx scripts/bench/scan.ts DIR", options: {}, positionals: ["dir"]}).positionals;
const started = performance.now();
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const rows: Record<string, number> = {};
for (const table of TABLE_NAMES) {
  const path = join(dir, `${table}.csv`).replaceAll("'", "''");
  const reader = await connection.runAndReadAll(`select count(*) as n from read_csv('${path}', header = true)`);
  rows[table] = Number(reader.getRows()[0][0]);
}
process.stdout.write(JSON.stringify({rows, scan_ms: performance.now() - started}) + "\n");
