// npm run --silent datasets -- [--data DIR] --out DIR: validates the cohort, then writes the ADaM-style analysis
// datasets adsl, adrs, adtte, adae as CSV and Parquet into DIR. Nothing is written for an invalid cohort, and a
// failure leaves no partial output (src/core/results/datasets.ts).
import {writeDatasets} from "../src/core/results/datasets.js";
import {cliArgs, withValidCohort} from "../src/core/cli.js";

const {data, out} = cliArgs({usage: "npm run --silent datasets -- [--data DIR] --out DIR", out: "required"});
try {
  const files = await withValidCohort(data, () => writeDatasets(data, out!));
  process.stdout.write(`${out}: ${files.join(", ")}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
