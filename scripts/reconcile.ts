// npm run --silent reconcile -- [--data DIR] [--published FILE]: validates the cohort, builds its results dataset
// and prints, as JSON, every number the paper prints (data/published/floe-2024.json) against the same number
// recomputed. Discrepancies are findings (exit 0); an invalid cohort or a malformed published file (both reported
// when both are bad), or a published value naming a result the dataset lacks, is an error (exit 1, nothing on stdout).
import {cliArgs, orExit} from "../src/core/cli.js";
import {DEFAULT_PUBLISHED, loadPublished, PublishedFileError, reconcile, type PublishedFile} from "../src/core/reconcile/index.js";
import {buildResults} from "../src/core/results/index.js";

const USAGE = "npm run --silent reconcile -- [--data DIR] [--published FILE]";

/** --published FILE (or --published=FILE) taken out; the rest goes to the shared parser. */
function publishedArg(argv: string[]): {published: string; rest: string[]} {
  const rest: string[] = [];
  let published = DEFAULT_PUBLISHED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith("--published=") && arg.length > "--published=".length) published = arg.slice("--published=".length);
    else if (arg === "--published" && next && !next.startsWith("--")) published = argv[++i]!;
    else if (arg.startsWith("--published")) {
      process.stderr.write(`--published needs a file\nusage: ${USAGE}\n`);
      process.exit(2);
    } else rest.push(arg);
  }
  return {published, rest};
}

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

const {published, rest} = publishedArg(process.argv.slice(2));
const {data} = cliArgs({usage: USAGE}, rest);
const values = readPublished(published);
// The cohort is validated (once, by the results build) even when the published file is refused, so both are reported.
const dataset = await orExit(data, () => buildResults(data));
if (!values) process.exit(1);
process.stdout.write(JSON.stringify(reconcile(dataset, values), null, 2) + "\n");
