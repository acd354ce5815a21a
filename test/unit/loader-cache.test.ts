import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {loaderInputHash, productDir, refreshLoaderCache} from "../../scripts/build/loader-cache.js";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "loader-cache-"));
  mkdirSync(join(root, "data", "cohort"), {recursive: true});
  mkdirSync(join(root, "src", "core"), {recursive: true});
  writeFileSync(join(root, "data", "cohort", "patients.csv"), "USUBJID\n1\n");
  writeFileSync(join(root, "src", "core", "km.ts"), "export const x = 1;\n");
  return root;
}

test("the loader input hash changes with the cohort and with the analysis code", () => {
  const root = project();
  const first = loaderInputHash(root);
  assert.equal(loaderInputHash(root), first, "same inputs, same hash");
  writeFileSync(join(root, "data", "cohort", "patients.csv"), "USUBJID\n1\n2\n");
  const second = loaderInputHash(root);
  assert.notEqual(second, first);
  writeFileSync(join(root, "src", "core", "km.ts"), "export const x = 2;\n");
  assert.notEqual(loaderInputHash(root), second);
});

test("changed inputs clear cached loader output and the shared build product but keep Framework's own caches", () => {
  const root = project();
  const cache = join(root, "src", ".observablehq", "cache");
  const {changed, hash} = refreshLoaderCache(root);
  assert.equal(changed, true, "first build: no stamp yet");
  const product = productDir(root, hash);
  mkdirSync(product, {recursive: true});
  writeFileSync(join(product, "manifest.json"), "{}");
  mkdirSync(join(cache, "data"), {recursive: true});
  mkdirSync(join(cache, "_npm", "d3@7.9.2"), {recursive: true});
  writeFileSync(join(cache, "data", "results.json"), "{}");
  assert.equal(refreshLoaderCache(root).changed, false, "unchanged inputs keep the cache");
  assert.ok(existsSync(join(cache, "data", "results.json")));
  assert.ok(existsSync(product), "unchanged inputs keep the build product");
  writeFileSync(join(root, "data", "cohort", "patients.csv"), "USUBJID\n7\n");
  const next = refreshLoaderCache(root);
  assert.equal(next.changed, true);
  assert.notEqual(productDir(root, next.hash), product, "new inputs, a new product directory");
  assert.ok(!existsSync(join(cache, "data", "results.json")), "stale loader output is gone");
  assert.ok(!existsSync(product), "so is the stale build product");
  assert.ok(existsSync(join(cache, "_npm", "d3@7.9.2")), "Framework's version pins stay");
});

test("a new commit changes the loader input hash (the results name the code's commit)", () => {
  const root = project();
  const git = (...args: string[]) => execFileSync("git", args, {cwd: root, stdio: "ignore"});
  git("init", "-q");
  git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "one");
  const first = loaderInputHash(root);
  git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "two");
  assert.notEqual(loaderInputHash(root), first);
});

test("another text-file limit (ADAM_TEXT_ROWS) changes the loader input hash: the site publishes other files", () => {
  const root = project();
  const saved = process.env.ADAM_TEXT_ROWS;
  try {
    delete process.env.ADAM_TEXT_ROWS;
    const first = loaderInputHash(root);
    process.env.ADAM_TEXT_ROWS = "1000";
    const lowered = loaderInputHash(root);
    assert.notEqual(lowered, first);
    delete process.env.ADAM_TEXT_ROWS;
    assert.equal(loaderInputHash(root), first, "the same inputs, the same hash");
  } finally {
    if (saved === undefined) delete process.env.ADAM_TEXT_ROWS;
    else process.env.ADAM_TEXT_ROWS = saved;
  }
});
