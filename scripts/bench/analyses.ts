/**
 * node --import tsx scripts/bench/analyses.ts DIR
 * The `analyses` step of `npm run bench` (docs/scale.md): the analyses that scripts/bench/analyses.R computes in R
 * (Table 1, the confirmed ORR with its Clopper–Pearson interval, Kaplan–Meier OS and PFS with medians), computed the
 * way the report computes them: the cohort CSVs read by DuckDB's plain-file reader with the column types of
 * src/core/cohort/schema.ts (scripts/bench/typed-csv.ts), only the columns that the ADaM SQL names (what the `typed`
 * step reads, scripts/bench/used-columns.ts, so that analyses ÷ typed is what deriving costs), the ADaM SQL, then the
 * analysis files that compute the same values (SAME_AS_R, scripts/bench/agreement.ts). Like the R script, and unlike
 * `npm run results`, it neither validates the cohort nor runs the QC: it measures the analyses alone, on the same
 * data, so that the two can be compared. Prints {"results": [{id, stats}], "phases_ms": {start, open, read, adam,
 * analyses}}: where the time goes, fixed costs included.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {SCHEMAS} from "../../src/core/cohort/schema.js";
import {deriveAdam} from "../../src/core/adam/derive.js";
import {Engine} from "../../src/core/engine.js";
import {runAnalyses} from "../../src/core/results/analyses.js";
import {LIMITS} from "../../src/core/limits.js";
import {SAME_AS_R} from "./agreement.js";
import {typedTable} from "./typed-csv.js";
import {adamSql, usedColumns} from "./used-columns.js";
import {args} from "../args.js";

const {dir} = args({usage: "node --import tsx scripts/bench/analyses.ts DIR", options: {}, positionals: ["dir"]}).positionals;
// The fixed costs first: from the process's start to here (Node, tsx, loading the modules and DuckDB's binding),
// then opening the engine.
const phases: Record<string, number> = {start: performance.now()};
let started = performance.now();
const lap = (phase: string) => {
  phases[phase] = performance.now() - started;
  started = performance.now();
};
const engine = await Engine.open();
lap("open");
try {
  // The tables validation leaves behind (cohort_<stem>: line, ok, typed columns), read without the checks and
  // without the columns that no derivation reads (the report validates those, this step does not). Nothing
  // here reports a problem, so rows need no line number and may be read in any order.
  await engine.sql("SET preserve_insertion_order = false");
  const sql = adamSql();
  for (const schema of SCHEMAS) {
    await typedTable(engine, dir, schema, usedColumns(schema, sql));
    await engine.sql(`CREATE VIEW cohort_${schema.stem} AS SELECT NULL::INTEGER AS line, true AS ok, *
      FROM typed_${schema.stem}`);
  }
  lap("read");
  await deriveAdam(engine, (JSON.parse(readFileSync(join(dir, "study.json"), "utf8")) as {cutoff: string}).cutoff);
  lap("adam");
  const [{n}] = (await engine.sql("SELECT count(*)::INTEGER AS n FROM adsl")) as {n: number}[];
  const outputs = await runAnalyses(engine, {listPatients: n <= LIMITS.listPatients, sampleLanes: false}, SAME_AS_R);
  lap("analyses");
  const results = [...outputs.values()].flat().map(({id, stats}) => ({id, stats}));
  process.stdout.write(JSON.stringify({results, phases_ms: phases}) + "\n");
} finally {
  engine.close();
}
