// The data dictionary of the published ADaM datasets (variable, label, type, derivation): labels and derivations
// from src/core/adam-metadata.ts, types from the tables DuckDB derives. Fails when the two disagree.
import {openCohort} from "../core/adam/derive.js";
import {adamDictionary} from "../core/interchange/adam-xpt.js";
import {readStudy} from "../core/results/build.js";

const dir = process.env.COHORT_DIR ?? "data/cohort";
const engine = await openCohort(dir, readStudy(dir).cutoff);
try {
  process.stdout.write(JSON.stringify(await adamDictionary(engine)));
} finally {
  engine.close();
}
