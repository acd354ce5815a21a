/**
 * node --import tsx scripts/bench/fused.ts DIR
 * The `fused` step of `npm run bench` (docs/scale.md): scripts/bench/fused.sql, the R script's analyses in the
 * fewest DuckDB passes and without the ADaM tables, on the cohort files read as the `analyses` step reads them but
 * through views, so that DuckDB reads only the columns it needs. Prints the R script's JSON shape.
 */
import {Engine} from "../../src/core/engine.js";
import {LIBRARY_FILES} from "../../src/core/sql-catalog.js";
import {SCHEMAS} from "../../src/core/cohort/schema.js";
import {typedCsv} from "./typed-csv.js";
import {args} from "../args.js";

const {dir} = args({usage: "node --import tsx scripts/bench/fused.ts DIR", options: {}, positionals: ["dir"]}).positionals;
const engine = await Engine.open();
try {
  // Row order means nothing here (every aggregate is a set function): let DuckDB write tables in parallel.
  await engine.sql("SET preserve_insertion_order = false");
  for (const schema of SCHEMAS) {
    await engine.sql(`CREATE VIEW ${schema.stem} AS SELECT * FROM ${await typedCsv(engine, dir, schema)}`);
  }
  await engine.runAll(LIBRARY_FILES);
  const [{json}] = (await engine.run("scripts/bench/fused.sql")) as {json: string}[];
  process.stdout.write(json + "\n");
} finally {
  engine.close();
}
