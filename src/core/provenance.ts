// What identifies one version of the report: report version and data cut-off (study.json),
// the SHA-256 of the cohort input files, the git commit of the code, and the tool versions.
// The same on every page (footer) and in the results dataset.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {PRODUCT_ENV, readProduct} from "./adam/manifest.js";
import {digestOfDigests, digestTree, type FileDigest} from "./release/files.js";

export interface Provenance {
  version: string;
  cutoff: string;
  reconstructed: boolean;
  data_sha256: Record<string, string>;
  data_sha256_all: string;
  commit: string;
  tools: Record<string, string>;
}

const ROOT = join(import.meta.dirname, "..", "..");

/** Installed versions, as locked in package-lock.json (what `npm ci` installs). */
function lockedVersions(root: string): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const version = (name: string): string => lock.packages?.[`node_modules/${name}`]?.version ?? "unknown";
  return {
    duckdb: version("@duckdb/node-api"),
    "duckdb-wasm": version("@duckdb/duckdb-wasm"),
    arquero: version("arquero"),
    framework: version("@observablehq/framework"),
    plot: version("@observablehq/plot")
  };
}

/** The git commit of the code at `root`, with "-dirty" when tracked files have uncommitted changes. */
export function gitCommit(root: string): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], {cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {cwd: root, encoding: "utf8"}).trim();
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return "unknown";
  }
}

export function toolVersions(root = ROOT): Record<string, string> {
  return {node: process.version.replace(/^v/, ""), ...lockedVersions(root)};
}

/** The digests of the cohort's files that the build's product took when it validated them (PRODUCT_ENV), if any. */
function productInputs(cohortDir: string): FileDigest[] | undefined {
  const shared = process.env[PRODUCT_ENV];
  const manifest = shared ? readProduct(shared)?.manifest : undefined;
  return manifest?.cohort === resolve(cohortDir) ? manifest.inputs : undefined;
}

/**
 * `inputs`: the cohort files' digests when the caller has them (a build product's); otherwise those of the build's
 * shared product, or else the files are read and hashed here. At 10^6 patients a reading is 1 GB.
 */
export function provenance(cohortDir: string, root = ROOT,
  inputs: FileDigest[] | undefined = productInputs(cohortDir)): Provenance {
  const study = JSON.parse(readFileSync(join(cohortDir, "study.json"), "utf8"));
  const files = inputs ?? digestTree(cohortDir);
  return {
    version: study.version,
    cutoff: study.cutoff,
    reconstructed: study.reconstructed,
    data_sha256: Object.fromEntries(files.map((f) => [f.path, f.sha256])),
    data_sha256_all: digestOfDigests(files),
    commit: gitCommit(root),
    tools: toolVersions(root)
  };
}
