// The results dataset (docs/results.md) for the cohort in COHORT_DIR (default data/cohort), computed once and served
// as an archive Framework extracts member by member (data/results/<member>): all.json, the whole dataset (releases, downloads, the
// re-runs' comparison), and <slice>.json, what each page fetches (src/core/results/pages.ts).
import {gzipSync} from "node:zlib";
import {buildResults} from "../core/results/index.js";
import {SLICES, slice, type SliceName} from "../core/results/pages.js";
import {tar} from "../core/tar.js";

const data = await buildResults(process.env.COHORT_DIR ?? "data/cohort");
const members: [string, string][] = [
  ["all.json", JSON.stringify(data)],
  ...(Object.keys(SLICES) as SliceName[]).map((name): [string, string] => [`${name}.json`, JSON.stringify(slice(data, name))])
];
process.stdout.write(gzipSync(tar(members.map(([name, text]) => [name, Buffer.from(text)] as const))));
