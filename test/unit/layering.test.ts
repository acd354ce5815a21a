// The core is what the loaders, the CLIs and the pages build on (docs/architecture.md): it must not import from the
// layers above it (src/components/, src/data/, the pages, scripts/). Code the pages and the core share lives in the core.
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative, resolve} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";

/** "file: specifier" for every relative import of a file under `<root>/src/core` that leaves src/core. */
function importsLeavingCore(root: string): string[] {
  const core = join(root, "src/core");
  const files = readdirSync(core, {recursive: true, encoding: "utf8"}).filter((file) => file.endsWith(".ts"));
  return files.flatMap((file) =>
    [...readFileSync(join(core, file), "utf8").matchAll(/(?:from|import\()\s*"(\.[^"]*)"/g)]
      .filter(([, specifier]) => relative(core, resolve(core, dirname(file), specifier!)).startsWith(".."))
      .map(([, specifier]) => `src/core/${file}: ${specifier}`)
  );
}

test("no file under src/core imports from outside it", () => {
  assert.deepEqual(importsLeavingCore(resolve(dirname(fileURLToPath(import.meta.url)), "../..")), []);
});

test("an import from src/core into src/components is found, one within src/core is not", () => {
  const root = mkdtempSync(join(tmpdir(), "layering-"));
  try {
    mkdirSync(join(root, "src/core/results"), {recursive: true});
    writeFileSync(join(root, "src/core/results/pages.ts"), 'import {layoutLanes} from "../../components/swimmer-layout.js";\nimport type {Row} from "./types.js";\n');
    writeFileSync(join(root, "src/core/engine.ts"), 'const rows = await import("./results/rows.js");\nexport {MAX_LANES} from "../components/swimmer-layout.js";\n');
    assert.deepEqual(importsLeavingCore(root).sort(), [
      "src/core/engine.ts: ../components/swimmer-layout.js",
      "src/core/results/pages.ts: ../../components/swimmer-layout.js"
    ]);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});
