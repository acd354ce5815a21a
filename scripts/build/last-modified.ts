// Framework records each file attachment's mtime as `lastModified` in the built pages. Mtimes
// come from the checkout or from when a loader ran, so they differ between two builds of the
// same commit; the commit's own time does not. (No page of this report reads lastModified.)
import {execFileSync} from "node:child_process";
import {rewritePages} from "./html-pages.js";

/** Milliseconds since the epoch of the HEAD commit at `root` (0 outside a git checkout). */
export function commitTime(root: string): number {
  try {
    return 1000 * Number(execFileSync("git", ["log", "-1", "--format=%ct"], {cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim());
  } catch {
    return 0;
  }
}

/** Replaces every `"lastModified":<ms>` in the HTML pages under `dist` with `time`. */
export function rewriteLastModified(dist: string, time: number): number {
  return rewritePages(dist, (html) => html.replace(/"lastModified":\d+/g, `"lastModified":${time}`));
}

export function pinLastModified(root: string, dist: string): number {
  return rewriteLastModified(dist, commitTime(root));
}
