// The results dataset (docs/results.md) for the cohort in COHORT_DIR (default data/cohort).
import {buildResults} from "../core/results/index.js";

process.stdout.write(JSON.stringify(await buildResults(process.env.COHORT_DIR ?? "data/cohort")));
