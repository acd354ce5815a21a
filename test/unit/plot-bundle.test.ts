import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {plotNamesUsed} from "../../scripts/build/plot-bundle.js";

function srcWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "plot-names-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), {recursive: true});
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test("plot bundle: the names taken from Plot by namespace, named import and page cells", () => {
  const dir = srcWith({
    "components/a.ts": 'import * as Plot from "@observablehq/plot";\n// Plot draws it\nexport const f = () => Plot.plot({marks: [Plot.dot([]), Plot.ruleY([0])]}) as Plot.Plot;\n',
    "components/b.js": 'import {lineY, areaY as band} from "@observablehq/plot";\nimport type {Mark} from "@observablehq/plot";\n',
    "page.md": '# Plot in prose is fine\n\n```js\nimport * as P from "@observablehq/plot";\ndisplay(P.rect([]));\n```\n\nInline ${P.text(["x"])}.\n',
    ".observablehq/cache/skip.js": 'import * as Plot from "@observablehq/plot"; Plot.waffleX;\n',
    "core/versions.ts": 'const v = version("@observablehq/plot");\n'
  });
  try {
    assert.deepEqual(plotNamesUsed(dir), {names: ["Plot", "areaY", "dot", "lineY", "plot", "rect", "ruleY", "text"], problems: []});
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("plot bundle: uses it cannot follow are problems, one per file", () => {
  const dir = srcWith({
    "whole.ts": 'import * as Plot from "@observablehq/plot";\nexport const all = Plot;\n',
    "default.js": 'import Plot from "@observablehq/plot";\n',
    "dynamic.js": 'const Plot = await import("@observablehq/plot");\n'
  });
  try {
    const {problems} = plotNamesUsed(dir);
    assert.equal(problems.length, 3);
    assert.match(problems[0]!, /default\.js: imports @observablehq\/plot in a form/);
    assert.match(problems[1]!, /dynamic\.js: imports @observablehq\/plot in a form/);
    assert.match(problems[2]!, /whole\.ts: uses the Plot namespace "Plot" as a whole/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
