// SHA-256 and size of every file under a directory: the fingerprint of a cohort or of a built site.
import {createHash} from "node:crypto";
import {closeSync, openSync, readdirSync, readSync, statSync} from "node:fs";
import {join, relative, sep} from "node:path";

export interface FileDigest {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Every regular file below `dir` (dot-files excluded), sorted by path, with its SHA-256 and size. `known`: digests
 * already taken of some of them (validation hashes each cohort file as it reads it), used when the size still
 * matches instead of reading the file again.
 */
export function digestTree(dir: string, known: readonly FileDigest[] = []): FileDigest[] {
  const taken = new Map(known.map((digest) => [digest.path, digest]));
  const out: FileDigest[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      if (entry.name.startsWith(".")) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const name = relative(dir, path).split(sep).join("/");
        const digest = taken.get(name);
        out.push(digest && digest.sha256 && digest.bytes === statSync(path).size ? digest : digestFile(path, name));
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Read in chunks: a registry's treatments.csv is gigabytes, and Node cannot hold a file of 2 GiB in one buffer. */
export function digestFile(file: string, path = file): FileDigest {
  const hash = createHash("sha256");
  const chunk = Buffer.allocUnsafe(1 << 22);
  const fd = openSync(file, "r");
  let bytes = 0;
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; bytes += read) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return {path, sha256: hash.digest("hex"), bytes};
}

/** One SHA-256 over a list of digests, in the format of `sha256sum` output. */
export function digestOfDigests(digests: FileDigest[]): string {
  return createHash("sha256")
    .update(digests.map((d) => `${d.sha256}  ${d.path}\n`).join(""))
    .digest("hex");
}

export interface TreeDifference {
  path: string;
  problem: "missing" | "unexpected" | "differs";
  expected?: FileDigest;
  actual?: FileDigest;
}

/** How `actual` differs from `expected`, file by file. */
export function compareTrees(expected: FileDigest[], actual: FileDigest[]): TreeDifference[] {
  const byPath = new Map(actual.map((d) => [d.path, d]));
  const out: TreeDifference[] = [];
  for (const e of expected) {
    const a = byPath.get(e.path);
    if (!a) out.push({path: e.path, problem: "missing", expected: e});
    else if (a.sha256 !== e.sha256 || a.bytes !== e.bytes) out.push({path: e.path, problem: "differs", expected: e, actual: a});
    byPath.delete(e.path);
  }
  for (const a of byPath.values()) out.push({path: a.path, problem: "unexpected", actual: a});
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
