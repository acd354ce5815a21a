// The releases recorded under releases/<version>/: results.json, manifest.json, NOTES.md.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {FileDigest} from "./files.js";
import type {ResultsLike} from "./headline.js";

export interface Manifest {
  version: string;
  cutoff: string;
  commit: string;
  data_dir: string;
  reconstructed: boolean;
  inputs: FileDigest[];
  dist: FileDigest[];
  results_sha256: string;
  tools: Record<string, string>;
}

export interface Release {
  version: string;
  manifest: Manifest;
  results: ResultsLike;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

export function parseSemver(version: string): [number, number, number] | undefined {
  const m = SEMVER.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareSemver(a: string, b: string): number {
  const [x, y] = [parseSemver(a), parseSemver(b)];
  if (!x || !y) throw new Error(`not a version: ${x ? b : a}`);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Every recorded release, oldest first. */
export function listReleases(dir: string): Release[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => parseSemver(name) && existsSync(join(dir, name, "manifest.json")))
    .sort(compareSemver)
    .map((version) => ({
      version,
      manifest: JSON.parse(readFileSync(join(dir, version, "manifest.json"), "utf8")),
      results: JSON.parse(readFileSync(join(dir, version, "results.json"), "utf8"))
    }));
}
