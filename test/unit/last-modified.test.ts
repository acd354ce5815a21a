import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {rewriteLastModified} from "../../scripts/build/last-modified.js";

test("lastModified in built pages is pinned, and nothing else changes", () => {
  const dist = mkdtempSync(join(tmpdir(), "dist-"));
  mkdirSync(join(dist, "sub"));
  const page = (ms: number) => `registerFile("./data/results.json", {"path":"./_file/data/results.907f1939.json","lastModified":${ms},"size":25374});`;
  writeFileSync(join(dist, "index.html"), page(1795933758572));
  writeFileSync(join(dist, "sub", "a.html"), page(1795933795012));
  writeFileSync(join(dist, "app.js"), '{"lastModified":123}');
  assert.equal(rewriteLastModified(dist, 1700000000000), 2);
  assert.equal(readFileSync(join(dist, "index.html"), "utf8"), page(1700000000000));
  assert.equal(readFileSync(join(dist, "sub", "a.html"), "utf8"), page(1700000000000));
  assert.equal(readFileSync(join(dist, "app.js"), "utf8"), '{"lastModified":123}', "only pages are rewritten");
});
