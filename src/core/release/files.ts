// SHA-256 and size of every file under a directory: the fingerprint of a cohort or of a built site.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join, relative, sep} from "node:path";

export interface FileDigest {
  path: string;
  sha256: string;
  bytes: number;
}

/** Every regular file below `dir` (dot-files excluded), sorted by path, with its SHA-256 and size. */
export function digestTree(dir: string): FileDigest[] {
  const out: FileDigest[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      if (entry.name.startsWith(".")) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(digestFile(path, relative(dir, path).split(sep).join("/")));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function digestFile(file: string, path = file): FileDigest {
  const content = readFileSync(file);
  return {path, sha256: createHash("sha256").update(content).digest("hex"), bytes: content.length};
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
