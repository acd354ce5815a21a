// A small Observable Plot for the pages. Framework bundles each npm package whole and keeps
// packages apart, so Plot's imports of d3 ship d3 and all thirty d3-* modules (about
// 370 kB besides Plot's own 204 kB) to every page with a figure. Before Framework runs we
// write, at the path where Framework caches its own bundle of @observablehq/plot
// (src/.observablehq/cache/_node/@observablehq/plot@<version>/index.js), a tree-shaken bundle
// that exports only the Plot functions the site's sources use, with just the parts of d3 they
// need inlined. Framework finds its cache entry present and serves it unchanged. The sources
// keep importing "@observablehq/plot" (node tests and types see the real package).
//
// Never stale: the entry is rebuilt whenever the names used, the installed packages
// (package-lock.json), esbuild or this file change (a stamp beside it records their hash);
// a source that uses Plot other than through `Plot.name` or named imports fails the build;
// after the build, `checkPlotBundle` fails if the site does not serve this exact bundle.
// (`npm run dev` builds it once at start: restart it after using a Plot function for the first time.)
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {build, version as esbuildVersion} from "esbuild";

const PLOT = "@observablehq/plot";
const SOURCE_EXTENSIONS = /\.(ts|js|md)$/;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue; // Framework's cache and other hidden folders
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (SOURCE_EXTENSIONS.test(entry.name)) yield path;
  }
}

const escape = (name: string) => name.replace(/\$/g, "\\$");

/** The code of a source, comments dropped (they may say "Plot" in prose); of a page, its js fences and ${…} expressions. */
function code(file: string, text: string): string {
  const js = file.endsWith(".md") ? [...text.matchAll(/^```js\b[^\n]*\n([\s\S]*?)^```|\$\{([^}]*)\}/gm)].map((m) => m[1] ?? m[2]).join("\n") : text;
  return js.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The names the site's sources take from Plot (`Plot.name`, `import {name}`), and any use the bundle cannot follow. */
export function plotNamesUsed(srcDir: string): {names: string[]; problems: string[]} {
  const names = new Set<string>();
  const problems: string[] = [];
  for (const file of sources(srcDir)) {
    const text = code(file, readFileSync(file, "utf8"));
    if (!text.includes(PLOT)) continue;
    let rest = text;
    for (const match of text.matchAll(/import\s+\*\s+as\s+([\w$]+)\s+from\s+["']@observablehq\/plot["'];?/g)) {
      rest = rest.replace(match[0], "");
      const namespace = match[1]!;
      for (const use of rest.matchAll(new RegExp(`(?<![\\w$.])${escape(namespace)}(?![\\w$])(\\.([\\w$]+))?`, "g"))) {
        if (use[2]) names.add(use[2]);
        else problems.push(`${file}: uses the Plot namespace "${namespace}" as a whole; use ${namespace}.<name> so the page bundle knows what to keep`);
      }
    }
    for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']@observablehq\/plot["'];?/g)) {
      rest = rest.replace(match[0], "");
      if (match[1]) continue; // types only
      for (const spec of match[2]!.split(",").map((s) => s.trim()).filter(Boolean)) {
        if (!spec.startsWith("type ")) names.add(spec.split(/\s+as\s+/)[0]!);
      }
    }
    if (/(\bfrom|\bimport)\s*\(?\s*["']@observablehq\/plot["']/.test(rest)) problems.push(`${file}: imports ${PLOT} in a form the page bundle cannot follow; use \`import * as Plot from "${PLOT}"\` or named imports`);
  }
  return {names: [...names].sort(), problems};
}

/** Where Framework caches its bundle of Plot (the version installed in node_modules). */
export function plotCachePath(root: string): string {
  const {version} = JSON.parse(readFileSync(join(root, "node_modules", PLOT, "package.json"), "utf8")) as {version: string};
  return join(root, "src", ".observablehq", "cache", "_node", `${PLOT}@${version}`, "index.js");
}

/**
 * Writes the tree-shaken Plot into Framework's cache unless the one there was built from the same
 * inputs. Throws, listing every problem, if a source uses Plot in a way the bundle cannot follow.
 */
export async function buildPlotBundle(root: string): Promise<{path: string; names: string[]; bytes: number; rebuilt: boolean}> {
  const {names: used, problems} = plotNamesUsed(join(root, "src"));
  if (problems.length) throw new Error(`Plot bundle: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  // Type names (Plot.PlotOptions) are erased by TypeScript: keep the runtime exports only.
  const exported = new Set(Object.keys(await import(PLOT)));
  const names = used.filter((name) => exported.has(name));
  const path = plotCachePath(root);
  const stamp = `${path}.inputs.sha256`;
  const hash = createHash("sha256")
    .update(names.join(",")).update("\0")
    .update(readFileSync(join(root, "package-lock.json"))).update("\0")
    .update(readFileSync(import.meta.filename)).update("\0")
    .update(esbuildVersion)
    .digest("hex");
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash) {
    return {path, names, bytes: statSync(path).size, rebuilt: false};
  }
  const result = await build({
    stdin: {contents: `export {${names.join(", ")}} from "${PLOT}";\n`, resolveDir: root, loader: "js", sourcefile: "plot-bundle-entry.js"},
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome96", "firefox96", "safari16"], // as Framework targets its own bundles
    define: {"process.env.NODE_ENV": JSON.stringify("production")},
    minify: true,
    logLevel: "silent"
  });
  const code = result.outputFiles[0]!.contents;
  mkdirSync(join(path, ".."), {recursive: true});
  writeFileSync(path, code);
  writeFileSync(stamp, hash + "\n");
  return {path, names, bytes: code.length, rebuilt: true};
}

/** Fails unless every Plot module the built site serves is the bundle in the cache. */
export function checkPlotBundle(root: string, dist: string): void {
  const path = plotCachePath(root);
  const dir = join(dist, "_node", relative(join(root, "src", ".observablehq", "cache", "_node"), join(path, "..")));
  if (!existsSync(dir)) return; // no page imports Plot
  const expected = readFileSync(path);
  for (const file of readdirSync(dir)) {
    if (!readFileSync(join(dir, file)).equals(expected)) {
      throw new Error(`Plot bundle: ${join(dir, file)} is not the tree-shaken bundle ${path}; Framework no longer serves its cache entry as is`);
    }
  }
}
