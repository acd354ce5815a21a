// ADaM from a validated cohort: the source views over the checked tables (src/sql/source/load.sql), then the
// derivations of src/sql/adam/ in order. The only place calendar dates become study days.
import {CohortError} from "../cohort/problem.js";
import {validateInto} from "../cohort/validate.js";
import {Engine} from "../engine.js";
import {ADAM_FILES, SOURCE_FILE} from "../sql-catalog.js";

/**
 * The ADaM tables of a cohort already validated into `engine` (validateInto), as of `cutoff` (study.json's, unless
 * a test asks for another).
 */
export async function deriveAdam(engine: Engine, cutoff: string): Promise<void> {
  // From here on no table's row order means anything: the ADaM tables are sets (only the published files are
  // sorted, src/sql/export/adam.sql) and every list an analysis builds has its ORDER BY. Validation, which takes line
  // numbers from the order rows were read in (read.ts), is over. Not keeping insertion order lets DuckDB write
  // tables in parallel: ADaM and analyses at 10^6, 18.6 → 15.6 s (docs/history/).
  await engine.sql("SET preserve_insertion_order = false");
  await engine.sql("SET VARIABLE cutoff = CAST($cutoff AS DATE)", {cutoff});
  await engine.runAll([SOURCE_FILE, ...ADAM_FILES]);
}

/** Opens an engine holding the cohort in `dir` (validated; CohortError if not) and the derived ADaM tables. */
export async function openCohort(dir: string, cutoff?: string): Promise<Engine> {
  const engine = await Engine.open();
  try {
    const {study, problems} = await validateInto(engine, dir);
    if (!study) throw new CohortError(dir, problems);
    await deriveAdam(engine, cutoff ?? study.cutoff);
    return engine;
  } catch (error) {
    engine.close();
    throw error;
  }
}
