// The site build's file limit (src/core/site-files.ts): a dataset the build cannot publish is named before Framework
// fails on it.
import assert from "node:assert/strict";
import {closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {SITE_FILE_BYTES, tooLargeForSite} from "../../src/core/site-files.js";

const dir = mkdtempSync(join(tmpdir(), "site-files-"));
after(() => rmSync(dir, {recursive: true, force: true}));

test("files over the limit are named with their size; a file at the limit passes", () => {
  writeFileSync(join(dir, "adsl.csv"), "x".repeat(10));
  writeFileSync(join(dir, "adrs.csv"), "x".repeat(11));
  assert.deepEqual(tooLargeForSite(dir, ["adsl.csv", "adrs.csv"], "data/adam", 10), [
    "data/adam/adrs.csv is 11 bytes: the site build cannot publish a file over 10 bytes " +
    "(Framework reads each file whole to hash it)",
  ]);
  assert.deepEqual(tooLargeForSite(dir, ["adsl.csv"], "data/adam", 10), []);
});

test("a file of 2 GiB, which readFileSync (as Framework calls it) refuses, is named", () => {
  const path = join(dir, "sparse.csv");
  const fd = openSync(path, "w");
  ftruncateSync(fd, 2 ** 31); // sparse: no disk space, and nothing is read before the refusal
  closeSync(fd);
  assert.throws(() => readFileSync(path), {code: "ERR_FS_FILE_TOO_LARGE"});
  assert.deepEqual(tooLargeForSite(dir, ["sparse.csv"], "data/adam"), [
    `data/adam/sparse.csv is ${2 ** 31} bytes: the site build cannot publish a file over ${SITE_FILE_BYTES} bytes ` +
    "(Framework reads each file whole to hash it)",
  ]);
});
