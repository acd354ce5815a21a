// npm run --silent reconcile -- [--data DIR] [--published FILE]: validates the cohort, builds its results dataset
// and prints, as JSON, every number the paper prints (data/published/floe-2024.json) against the same number
// recomputed. Discrepancies are findings (exit 0); an invalid cohort or a malformed published file (both reported
// when both are bad), or a published value naming a result the dataset lacks, is an error (exit 1, nothing on stdout).
import {DEFAULT_PUBLISHED, loadPublished, PublishedFileError, reconcile, type PublishedFile} from "../../src/core/reconcile/index.js";
import {buildResults} from "../../src/core/results/index.js";
import {args} from "../args.js";
import {DATA, orExit} from "./with-cohort.js";

const USAGE = "npm run --silent reconcile -- [--data DIR] [--published FILE]";

/** The published values, or null after printing why they are refused (the cohort is still checked). */
function readPublished(file: string): PublishedFile | null {
  try {
    return loadPublished(file);
  } catch (error) {
    if (!(error instanceof PublishedFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}

const {data, published} = args({usage: USAGE, options: {...DATA, published: {type: "string", default: DEFAULT_PUBLISHED}}}).values;
const values = readPublished(published);
// The cohort is validated (once, by the results build) even when the published file is refused, so both are reported.
const dataset = await orExit(data, () => buildResults(data));
if (!values) process.exit(1);
process.stdout.write(JSON.stringify(reconcile(dataset, values), null, 2) + "\n");
