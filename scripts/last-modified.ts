// Framework records each file attachment's mtime as `lastModified` in the built pages. Mtimes
// come from the checkout or from when a loader ran, so they differ between two builds of the
// same commit; the commit's own time does not. (No page of this report reads lastModified.)
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";

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
  let pages = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        const pinned = html.replace(/"lastModified":\d+/g, `"lastModified":${time}`);
        if (pinned !== html) (writeFileSync(path, pinned), pages++);
      }
    }
  };
  walk(dist);
  return pages;
}

export function pinLastModified(root: string, dist: string): number {
  return rewriteLastModified(dist, commitTime(root));
}
