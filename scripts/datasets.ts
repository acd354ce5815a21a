// npm run --silent datasets -- [--data DIR] --out DIR: validates the cohort, then writes the ADaM-style analysis
// datasets adsl, adrs, adtte, adae as CSV and Parquet into DIR. Nothing is written for an invalid cohort, and a
// failure leaves no partial output (src/core/results/datasets.ts).
import {writeDatasets} from "../src/core/results/datasets.js";
import {cliArgs, orExit} from "../src/core/cli.js";

const {data, out} = cliArgs({usage: "npm run --silent datasets -- [--data DIR] --out DIR", out: "required"});
const files = await orExit(data, () => writeDatasets(data, out!));
process.stdout.write(`${out}: ${files.join(", ")}\n`);
