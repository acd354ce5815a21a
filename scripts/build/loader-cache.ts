// Framework decides whether a data loader's cached output is fresh by comparing mtimes
// of the loader file alone. Our loaders read the cohort in data/ and import the analysis
// core, so we hash all of those inputs and clear the cached loader output when the hash
// differs from the one recorded at the previous build (and with it the build product the loaders shared). The git commit is an input too: the
// results name the commit of the code that produced them, as every page footer does.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {gitCommit} from "../../src/core/provenance.js";
import {digestFile} from "../../src/core/release/files.js";

/** Everything a data loader's output may depend on, relative to the project root. */
export const LOADER_INPUTS = ["data", "releases", "src/data", "src/core", "src/sql", "package-lock.json"];

function* files(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  if (statSync(dir).isFile()) return void (yield dir);
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** SHA-256 over the paths and contents (their SHA-256) of every loader input (plus the cohort directory and text-file limit in use). */
export function loaderInputHash(root: string): string {
  const hash = createHash("sha256");
  const inputs = [...LOADER_INPUTS, process.env.COHORT_DIR ?? ""].filter(Boolean);
  for (const input of inputs) {
    for (const file of files(resolve(root, input))) {
      // Each file by its SHA-256, read in chunks: a registry's cohort file may exceed what Node reads at once (2 GiB).
      hash.update(relative(root, file)).update("\0").update(digestFile(file).sha256).update("\0");
    }
  }
  hash.update(`COHORT_DIR=${process.env.COHORT_DIR ?? ""}`).update(`ADAM_TEXT_ROWS=${process.env.ADAM_TEXT_ROWS ?? ""}`).update(`commit=${gitCommit(root)}`);
  return hash.digest("hex");
}

/** Where builds keep their build products (src/core/adam/product.ts), beside the loader output they feed. */
const PRODUCTS = ".adam-products";

/**
 * The build product directory the loaders of a build with these inputs share: keyed by the input hash, so a change
 * to data or code gives a new one (and refreshLoaderCache removes the old).
 */
export const productDir = (root: string, hash: string): string =>
  join(root, "src", ".observablehq", "cache", PRODUCTS, hash.slice(0, 16));

/** Clears Framework's cached loader output when the inputs changed since the last build. */
export function refreshLoaderCache(root: string): {changed: boolean; hash: string} {
  const cache = join(root, "src", ".observablehq", "cache");
  const stamp = join(cache, ".loader-inputs.sha256");
  const hash = loaderInputHash(root);
  const previous = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
  const changed = previous !== hash;
  if (changed) {
    // Loader outputs live beside the pages they serve (cache/data/…); _npm, _node and
    // _observablehq are Framework's own and stay.
    for (const entry of existsSync(cache) ? readdirSync(cache) : []) {
      if (!entry.startsWith("_") && !entry.startsWith(".")) rmSync(join(cache, entry), {recursive: true, force: true});
    }
    rmSync(join(cache, PRODUCTS), {recursive: true, force: true});
    mkdirSync(cache, {recursive: true});
    writeFileSync(stamp, hash + "\n");
  }
  return {changed, hash};
}
