// Runs Observable Framework (`build` or `preview`) so that the output is offline,
// deterministic and never stale:
//  1. Framework resolves the versions of the libraries its client may import implicitly
//     (react, leaflet, …) by asking the npm registry for "latest". Pinning them in its
//     version cache keeps the build offline and the client bundle identical across days.
//  2. Framework reuses cached data-loader output whenever the loader file itself is older
//     than the cache, even if the cohort or the analysis code changed. We key the cache on
//     a hash of every loader input and drop it when that hash changes. The loaders of one build
//     share one build product (the cohort validated and ADaM derived once, src/core/adam/product.ts),
//     in a directory keyed by the same hash, made before Framework starts: the config reads from it which text files
//     of the datasets the site publishes (observablehq.config.ts).
//  3. Framework writes each attached file's mtime ("lastModified") into the pages, and a
//     file's mtime depends on when it was checked out or generated. After a build we set it
//     to the commit time, so the same commit and data give byte-identical pages.
//  4. Framework's pages forbid zooming and have no skip link; we fix the HTML after the build (scripts/build/html-pages.ts),
//     and mark the site as plain files for GitHub Pages (.nojekyll: Jekyll would drop _file/, _npm/, _observablehq/).
//  5. Framework ships Plot with the whole of d3; we put a tree-shaken Plot in its cache first
//     (scripts/build/plot-bundle.ts) and check after the build that the site serves exactly that.
import {spawnSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {FRAMEWORK_NPM_PINS} from "./framework-pins.js";
import {ensureProduct, PRODUCT_ENV} from "../../src/core/adam/product.js";
import {CohortError} from "../../src/core/cohort/problem.js";
import {productDir, refreshLoaderCache} from "./loader-cache.js";
import {accessiblePage, rewritePages} from "./html-pages.js";
import {pinLastModified} from "./last-modified.js";
import {buildPlotBundle, checkPlotBundle} from "./plot-bundle.js";

const root = join(import.meta.dirname, "../..");
const cache = join(root, "src", ".observablehq", "cache");

for (const spec of FRAMEWORK_NPM_PINS) mkdirSync(join(cache, "_npm", spec), {recursive: true});
const {changed, hash} = refreshLoaderCache(root);
if (changed) console.error(`loader inputs changed (${hash.slice(0, 12)}): cleared cached loader output`);
const plot = await buildPlotBundle(root);
if (plot.rebuilt) console.error(`Plot bundle rebuilt: ${plot.names.join(", ")} (${Math.round(plot.bytes / 1024)} kB)`);

// Not parsed by scripts/args.ts: everything after the command goes to Framework as it is (e.g. `--port` for preview).
const [command = "build", ...rest] = process.argv.slice(2);
const product = productDir(root, hash);
if (command === "build") {
  try {
    await ensureProduct(resolve(root, process.env.COHORT_DIR ?? "data/cohort"), product);
  } catch (error) {
    // Every problem of an invalid cohort (file, line, column, value, rule), before anything is built.
    if (!(error instanceof CohortError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
const result = spawnSync(join(root, "node_modules", ".bin", "observable"), [command, ...rest], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    // Only a build: the preview server reruns a loader when its file changes, not when the data do.
    ...(command === "build" ? {[PRODUCT_ENV]: product} : {})
  }
});
if (command === "build" && result.status === 0) {
  pinLastModified(root, join(root, "dist"));
  rewritePages(join(root, "dist"), accessiblePage);
  writeFileSync(join(root, "dist", ".nojekyll"), "");
  checkPlotBundle(root, join(root, "dist"));
}
process.exit(result.status ?? 1);
