// The data dictionary of the published ADaM datasets (variable, label, type, derivation): labels and derivations
// from src/core/adam-metadata.ts, types from the tables DuckDB derives. Fails when the two disagree.
import {dataDictionary, type Column} from "../core/adam-metadata.js";
import {openCohort} from "../core/engine.js";
import {readStudy} from "../core/results/build.js";

const dir = process.env.COHORT_DIR ?? "data/cohort";
const engine = await openCohort(dir, readStudy(dir).cutoff);
try {
  const columns = await engine.sql(
    "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position");
  process.stdout.write(JSON.stringify(dataDictionary(columns as unknown as Column[])));
} finally {
  engine.close();
}
