// The results dataset (docs/results.md) for the cohort in COHORT_DIR (default data/cohort), computed once and served
// as an archive Framework extracts member by member (data/results/<member>): all.json, the whole dataset (releases, downloads, the
// re-runs' comparison), <slice>.json, what each page fetches (src/core/results/pages.ts), reconciliation.json,
// every number the paper prints against the same number recomputed (src/core/reconcile/), with the report identity,
// lineage.json, each result's counted and population patients (src/core/lineage/; empty above 1000 patients), and
// the interchange files: ard.csv and ard.json (cards-shaped ARD), table-1.docx and safety.docx (src/core/interchange/).
import {withProduct} from "../core/adam/product.js";
import {resultsFiles} from "../core/interchange/results-files.js";
import {lineageFromProduct} from "../core/lineage/build.js";
import {loadPublished, reconcile} from "../core/reconcile/index.js";
import {resultsFromProduct} from "../core/results/index.js";
import {SLICES, slice, type SliceName} from "../core/results/pages.js";
import {writeTgz} from "../core/tar.js";

const {data, lineage} = await withProduct(process.env.COHORT_DIR ?? "data/cohort", async (product) => {
  const data = await resultsFromProduct(product);
  return {data, lineage: await lineageFromProduct(product, data)};
});
const members: [string, string][] = [
  ["all.json", JSON.stringify(data)],
  ...(Object.keys(SLICES) as SliceName[]).map((name): [string, string] => [`${name}.json`, JSON.stringify(slice(data, name))]),
  ["reconciliation.json", JSON.stringify({report: data.report, rows: reconcile(data, loadPublished())})],
  ["lineage.json", JSON.stringify(lineage)]
];
await writeTgz([...members.map(([name, text]) => [name, Buffer.from(text)] as const), ...await resultsFiles(data)]);
