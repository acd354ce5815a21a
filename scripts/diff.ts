// npm run --silent diff -- --data DIR: the headline results of a working cohort next to the
// last release's, before releasing. Validates the cohort first (through the results command).
import {execFileSync} from "node:child_process";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {compareHeadlines, headlineTable, type ResultsLike} from "../src/core/release/headline.js";
import {listReleases} from "../src/core/release/releases.js";

const root = resolve(import.meta.dirname, "..");
const {values} = parseArgs({options: {data: {type: "string", default: "data/cohort"}, json: {type: "boolean", default: false}}});

let working: ResultsLike;
try {
  const out = execFileSync("npm", ["run", "--silent", "results", "--", "--data", resolve(values.data!)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 30
  });
  working = JSON.parse(out);
} catch {
  console.error(`diff: no results for ${values.data} (problems above)`);
  process.exit(1);
}

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
