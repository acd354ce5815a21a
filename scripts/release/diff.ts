// npm run --silent diff -- --data DIR: the headline results of a working cohort next to the
// last release's, before releasing. Validates the cohort first (an invalid one: every problem on stderr, exit 1).
import {join, resolve} from "node:path";
import {compareHeadlines, headlineTable, type ResultsLike} from "../../src/core/release/headline.js";
import {listReleases} from "../../src/core/release/releases.js";
import {buildResults} from "../../src/core/results/index.js";
import {args} from "../args.js";
import {DATA, orExit} from "../cli/with-cohort.js";

const root = resolve(import.meta.dirname, "../..");
const {values} = args({usage: "npm run --silent diff -- [--data DIR] [--json]", options: {...DATA, json: {type: "boolean", default: false}}});

const working: ResultsLike = await orExit(values.data, () => buildResults(values.data));

const last = listReleases(join(root, "releases")).at(-1);
const changes = compareHeadlines(last?.results, working);
if (values.json) {
  console.log(JSON.stringify({from: last?.version ?? null, to: working.report.version, changes}, null, 2));
} else {
  const from = last ? `${last.version} (cut-off ${last.manifest.cutoff})` : "no release yet";
  console.log(`Headline results: ${from} → working cohort ${values.data} (version ${working.report.version}, cut-off ${working.report.cutoff})\n`);
  console.log(headlineTable(changes, last?.version ?? null, "working"));
  const n = changes.filter((c) => c.changed).length;
  console.log(`\n${n} of ${changes.length} headline results changed.`);
}
