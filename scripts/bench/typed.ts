/**
 * node --import tsx scripts/bench/typed.ts DIR
 * The typed-read floor of `npm run bench` (docs/scale.md): DuckDB reading, from each cohort CSV, exactly the
 * columns the report's ADaM SQL uses, with the schema's column types (scripts/bench/typed-csv.ts), into tables, as
 * the `analyses` step's read does. The least the analyses must do before deriving anything:
 * `analyses` ÷ `typed` is what the derivations cost on top of reading. Prints {"columns": {...}, "read_ms": …}.
 */
import {SCHEMAS} from "../../src/core/cohort/schema.js";
import {Engine} from "../../src/core/engine.js";
import {args} from "../args.js";
import {typedTable} from "./typed-csv.js";
import {adamSql, usedColumns} from "./used-columns.js";

const {dir} = args({usage: "node --import tsx scripts/bench/typed.ts DIR", options: {}, positionals: ["dir"]}).positionals;
const started = performance.now();
const sql = adamSql();
const columns: Record<string, string[]> = {};
const engine = await Engine.open();
try {
  await engine.sql("SET preserve_insertion_order = false");
  for (const schema of SCHEMAS) {
    columns[schema.stem] = usedColumns(schema, sql);
    await typedTable(engine, dir, schema, columns[schema.stem]!);
  }
} finally {
  engine.close();
}
process.stdout.write(JSON.stringify({columns, read_ms: performance.now() - started}) + "\n");

