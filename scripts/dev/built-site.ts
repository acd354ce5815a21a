// The built site as the dev tools (and the end-to-end tests) see it: where it is, how to build it, its pages.
import {execFileSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");

/** `npm run build` of this checkout (its output on stderr). */
export function buildSite(): void {
  execFileSync("npm", ["run", "--silent", "build"], {cwd: ROOT, stdio: ["ignore", "ignore", "inherit"]});
}

/** Every page of the built site as a route: index.html → "/", table-1.html → "/table-1". */
export function routes(dist = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path);
      else if (entry.name.endsWith(".html")) out.push("/" + relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, ""));
    }
  };
  walk(dist);
  return out.map((route) => route.replace(/\/$/, "") || "/").sort();
}
