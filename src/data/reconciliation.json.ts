// Every number the paper prints (data/published/floe-2024.json) against the same number recomputed from the cohort in
// COHORT_DIR (default data/cohort), with the report identity the page shows.
import {loadPublished, reconcile} from "../core/reconcile/index.js";
import {buildResults} from "../core/results/index.js";

const dataset = await buildResults(process.env.COHORT_DIR ?? "data/cohort");
process.stdout.write(JSON.stringify({report: dataset.report, rows: reconcile(dataset, loadPublished())}));
