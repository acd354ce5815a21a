// npm run --silent results -- [--data DIR]: validates the cohort, then prints the results dataset (docs/results.md)
// as JSON. Fails (exit 1, nothing on stdout) on an invalid cohort or when the SQL and the QC disagree.
import {buildResults} from "../../src/core/results/index.js";
import {args} from "../args.js";
import {DATA, orExit} from "./with-cohort.js";

const {data} = args({usage: "npm run --silent results -- [--data DIR]", options: DATA}).values;
const dataset = await orExit(data, () => buildResults(data));
process.stdout.write(JSON.stringify(dataset, null, 2) + "\n");
