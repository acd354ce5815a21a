// The core is what the loaders, the CLIs and the pages build on (docs/architecture.md): it must not import from the
// layers above it (src/components/, src/data/, the pages, scripts/), its modules must not import each other in a
// cycle (data flow one way), and every analysis SQL file has its QC twin and the twin's test, of the same name. No
// product file (src/, scripts/) imports from test/; every package imported is declared in package.json; scripts/
// keeps its files in folders by purpose (cli, build, bench, dev, release).
// Each rule is checked on the project and, on a planted temporary tree, shown to fail when broken.
import assert from "node:assert/strict";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative, resolve} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {ANALYSIS_FILES} from "../../src/core/sql-catalog.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every relative import (static, dynamic, type-only or re-export) of each file under `<root>/src/core`, resolved
 *  to a path relative to `root` (".js" specifiers name ".ts" files). */
function coreImports(root: string): Map<string, string[]> {
  const core = join(root, "src/core");
  const files = readdirSync(core, {recursive: true, encoding: "utf8"}).filter((file) => file.endsWith(".ts"));
  return new Map(files.map((file) => [
    `src/core/${file}`,
    [...readFileSync(join(core, file), "utf8").matchAll(/(?:from|import\()\s*"(\.[^"]*)"/g)]
      .map(([, specifier]) => relative(root, resolve(core, dirname(file), specifier!)).replace(/\.js$/, ".ts")),
  ]));
}

/** "file: import" for every import of a file under src/core that leaves src/core. */
function importsLeavingCore(root: string): string[] {
  return [...coreImports(root)].flatMap(([file, imports]) =>
    imports.filter((target) => !target.startsWith("src/core/")).map((target) => `${file}: ${target}`));
}

/** Each import cycle among the files under src/core, as "a → b → a", starting from its first file in sort order. */
function importCycles(root: string): string[] {
  const graph = coreImports(root);
  const found = new Set<string>();
  const done = new Set<string>(); // fully explored: any cycle through it has been found
  const visit = (file: string, path: string[]): void => {
    if (done.has(file)) return;
    const at = path.indexOf(file);
    if (at >= 0) {
      const cycle = path.slice(at);
      const first = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
      found.add([...rotated, rotated[0]].join(" → "));
      return;
    }
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return [...found].sort();
}

/** What is missing of src/sql/analysis/X.sql's twins: src/core/qc/X.ts and test/unit/qc-X.test.ts. */
function missingTwins(root: string, analyses: readonly string[]): string[] {
  return analyses.flatMap((file) => {
    const name = /^src\/sql\/analysis\/(\w+)\.sql$/.exec(file)![1];
    return [`src/core/qc/${name}.ts`, `test/unit/qc-${name}.test.ts`].filter((twin) => !existsSync(join(root, twin)));
  });
}

/** Every import specifier (static, dynamic, type-only or re-export) of each .ts/.md file under `dirs` of `root`. */
function importsUnder(root: string, dirs: readonly string[]): [file: string, specifier: string][] {
  return dirs.filter((dir) => existsSync(join(root, dir))).flatMap((dir) =>
    readdirSync(join(root, dir), {recursive: true, encoding: "utf8"})
      .filter((file) => /\.(ts|md)$/.test(file) && !file.includes(".observablehq"))
      .flatMap((file) => [...readFileSync(join(root, dir, file), "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)]
        .map(([, specifier]): [string, string] => [join(dir, file), specifier!])));
}

/** "file: import" for each file of src/ or scripts/ importing from test/. */
function productImportsOfTest(root: string): string[] {
  return importsUnder(root, ["src", "scripts"])
    .filter(([file, specifier]) => specifier.startsWith(".") && relative(root, resolve(root, dirname(file), specifier)).startsWith("test/"))
    .map(([file, specifier]) => `${file}: ${specifier}`);
}

/** "file: package" for each package imported under src/, scripts/ or test/ that package.json does not declare. */
function undeclaredPackages(root: string): string[] {
  const {dependencies = {}, devDependencies = {}} = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const declared = new Set([...Object.keys(dependencies), ...Object.keys(devDependencies)]);
  return importsUnder(root, ["src", "scripts", "test"])
    // Node's and Framework's own modules, and specifiers built in template strings, are not packages.
    .filter(([, specifier]) => !/^(\.|node:|observablehq:|\$\{)/.test(specifier))
    .map(([file, specifier]): [string, string] => [file, specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/")])
    .filter(([, name]) => !declared.has(name))
    .map(([file, name]) => `${file}: ${name}`);
}

/** The files directly in scripts/, outside its folders. */
const looseScripts = (root: string): string[] =>
  readdirSync(join(root, "scripts"), {withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();

function plant(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "layering-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), {recursive: true});
    writeFileSync(join(root, file), text);
  }
  return root;
}

test("no file under src/core imports from outside it", () => {
  assert.deepEqual(importsLeavingCore(ROOT), []);
});

test("an import from src/core into src/components is found, one within src/core is not", () => {
  const root = plant({
    "src/core/results/pages.ts": 'import {layoutLanes} from "../../components/swimmer-layout.js";\nimport type {Row} from "./types.js";\n',
    "src/core/engine.ts": 'const rows = await import("./results/rows.js");\nexport {MAX_LANES} from "../components/swimmer-layout.js";\n',
  });
  try {
    assert.deepEqual(importsLeavingCore(root).sort(), [
      "src/core/engine.ts: src/components/swimmer-layout.ts",
      "src/core/results/pages.ts: src/components/swimmer-layout.ts",
    ]);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("no import cycle among the files of src/core", () => {
  assert.deepEqual(importCycles(ROOT), []);
});

test("a cycle through a type-only import is found, a diamond is not", () => {
  const root = plant({
    "src/core/engine.ts": 'import {validate} from "./cohort/validate.js";\nimport {limits} from "./limits.js";\n',
    "src/core/cohort/validate.ts": 'import type {Engine} from "../engine.js";\nimport {limits} from "../limits.js";\n',
    "src/core/limits.ts": "export const limits = {};\n",
  });
  try {
    assert.deepEqual(importCycles(root), ["src/core/cohort/validate.ts → src/core/engine.ts → src/core/cohort/validate.ts"]);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("every analysis SQL file has its QC twin and the twin's test, of the same name", () => {
  assert.equal(ANALYSIS_FILES.length, 13);
  assert.deepEqual(missingTwins(ROOT, ANALYSIS_FILES), []);
});

test("an analysis without a twin, or a twin without its test, is found", () => {
  const root = plant({"src/core/qc/km.ts": "", "test/unit/qc-km.test.ts": "", "src/core/qc/lrtc.ts": ""});
  try {
    assert.deepEqual(
      missingTwins(root, ["src/sql/analysis/km.sql", "src/sql/analysis/lrtc.sql", "src/sql/analysis/risk.sql"]),
      ["test/unit/qc-lrtc.test.ts", "src/core/qc/risk.ts", "test/unit/qc-risk.test.ts"],
    );
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("no file of src/ or scripts/ imports from test/", () => {
  assert.deepEqual(productImportsOfTest(ROOT), []);
});

test("every package imported is declared in package.json", () => {
  assert.deepEqual(undeclaredPackages(ROOT), []);
});

test("an import of test/ from scripts/, and an undeclared package, are found", () => {
  const root = plant({
    "package.json": JSON.stringify({dependencies: {"@observablehq/plot": "0.6.17"}, devDependencies: {tsx: "4"}}),
    "scripts/dev/budget.ts": 'import {build} from "../../test/e2e/site.js";\nimport {x} from "../args.js";\nimport {b} from "esbuild";\n',
    "src/components/km.ts": 'import * as Plot from "@observablehq/plot";\nimport {x} from "@observablehq/inputs/dist/x.js";\nimport "node:fs";\n',
    "test/unit/a.test.ts": 'import {run} from "tsx";\nimport {h} from "../../scripts/dev/budget.js";\n',
  });
  try {
    assert.deepEqual(productImportsOfTest(root), ["scripts/dev/budget.ts: ../../test/e2e/site.js"]);
    assert.deepEqual(undeclaredPackages(root).sort(), ["scripts/dev/budget.ts: esbuild", "src/components/km.ts: @observablehq/inputs"]);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("scripts/ keeps at most 6 loose files; the rest are in cli/, build/, bench/, dev/ and release/", () => {
  const loose = looseScripts(ROOT);
  assert.ok(loose.length <= 6, `loose files in scripts/: ${loose.join(", ")}`);
  const folders = readdirSync(join(ROOT, "scripts"), {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  assert.deepEqual(folders.sort(), ["bench", "build", "cli", "dev", "release"]);
});

test("Framework's internals are imported in one place only, scripts/build/framework-clock.ts", () => {
  const config = readFileSync(join(ROOT, "observablehq.config.ts"), "utf8");
  const internal = [...importsUnder(ROOT, ["src", "scripts"]), ...[...config.matchAll(/from\s*"([^"]+)"/g)].map(([, s]): [string, string] => ["observablehq.config.ts", s!])]
    .filter(([, specifier]) => specifier.startsWith("@observablehq/framework/"))
    .map(([file]) => file);
  assert.deepEqual(internal, ["scripts/build/framework-clock.ts"]);
});

test("src/components/ is grouped by concern, no component file over 150 lines", () => {
  const components = join(ROOT, "src/components");
  const entries = readdirSync(components, {withFileTypes: true});
  assert.deepEqual(entries.filter((entry) => entry.isFile()).map((entry) => entry.name), [], "loose files in src/components/");
  assert.deepEqual(entries.map((entry) => entry.name).sort(), ["derivation", "figures", "page", "tables", "verify"]);
  const long = readdirSync(components, {recursive: true, encoding: "utf8"}).filter((file) => file.endsWith(".ts"))
    .map((file) => [file, readFileSync(join(components, file), "utf8").split("\n").length - 1] as const)
    .filter(([, lines]) => lines > 150);
  assert.deepEqual(long, []);
});

test("every FileAttachment of a component names a file under src/data/, relative to the component", () => {
  const components = join(ROOT, "src/components");
  const outside = readdirSync(components, {recursive: true, encoding: "utf8"}).filter((file) => file.endsWith(".ts"))
    .flatMap((file) => [...readFileSync(join(components, file), "utf8").matchAll(/FileAttachment\("([^"]+)"\)/g)]
      .map(([, path]) => relative(ROOT, resolve(components, dirname(file), path!)))
      .filter((path) => !path.startsWith("src/data/"))
      .map((path) => `src/components/${file}: ${path}`));
  assert.deepEqual(outside, []);
});
