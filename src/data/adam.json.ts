// The published ADaM datasets as CSV text ({adsl, adrs, adtte, adae}), for re-running the analysis SQL in the
// reader's browser: register each under its name (adsl.csv, …) in DuckDB-wasm, run src/sql/published/load.sql,
// then src/sql/lib/*.sql and any file of src/sql/analysis/.
import {adamCsv} from "../core/results/datasets.js";

process.stdout.write(JSON.stringify(await adamCsv(process.env.COHORT_DIR ?? "data/cohort")));
