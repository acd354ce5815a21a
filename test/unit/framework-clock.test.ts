// The one use of a Framework internal (scripts/build/framework-clock.ts) is tied to the version it was checked
// against: an upgrade of Framework fails here until the clock override is checked again.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {test} from "node:test";
import {CHECKED_FRAMEWORK} from "../../scripts/build/framework-clock.js";

const require = createRequire(import.meta.url);
const framework = dirname(require.resolve("@observablehq/framework/package.json"));

test("the installed Framework is the version the clock override was checked against", () => {
  assert.equal(JSON.parse(readFileSync(join(framework, "package.json"), "utf8")).version, CHECKED_FRAMEWORK);
});

test("Framework reads a file's mtime through the overridable clock", async () => {
  const config = await import("@observablehq/framework/dist/config.js");
  assert.equal(typeof config.setCurrentDate, "function");
  assert.match(readFileSync(join(framework, "dist/javascript/module.js"), "utf8"), /mtimeMs = Math\.floor\(currentDate \?\? stat\.mtimeMs\)/);
});
