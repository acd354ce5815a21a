// npm run --silent datasets -- [--data DIR] --out DIR: validates the cohort, then writes into DIR the ADaM-style
// analysis datasets adsl, adrs, adtte, adae as CSV, Parquet and SAS transport (XPT) with their define.xml, and from
// the results dataset the ARD (ard.csv, ard.json) and Table 1 and the safety tables as Word documents. Nothing is
// written for an invalid cohort, and a failure leaves no partial output (src/core/results/datasets.ts).
import {withProduct} from "../../src/core/adam/product.js";
import {writeResultsFiles} from "../../src/core/interchange/results-files.js";
import {resultsFromProduct} from "../../src/core/results/index.js";
import {writeProductDatasets} from "../../src/core/results/datasets.js";
import {args} from "../args.js";
import {DATA, orExit} from "./with-cohort.js";

const {data, out} = args({
  usage: "npm run --silent datasets -- [--data DIR] --out DIR", options: {...DATA, out: {type: "string"}}, required: ["out"],
}).values;
// One validation and one ADaM derivation for both the results and the datasets (src/core/adam/product.ts).
const files = await orExit(data, () => withProduct(data, async (product) => {
  const results = await resultsFromProduct(product);
  return (await writeProductDatasets(product, out!, {more: (dir) => writeResultsFiles(results, dir)})).files;
}));
process.stdout.write(`${out}: ${files.join(", ")}\n`);
