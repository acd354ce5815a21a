// The SHA-256 of a cohort or site file (src/core/release/files.ts), read in 4 MiB chunks: known digests, and a file
// of several chunks against coreutils' sha256sum.
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {digestFile, digestTree} from "../../src/core/release/files.js";

const scratch = mkdtempSync(join(tmpdir(), "release-files-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

test("the SHA-256 and size of a file: the FIPS 180-2 example and the empty file", () => {
  writeFileSync(join(scratch, "abc"), "abc");
  writeFileSync(join(scratch, "empty"), "");
  assert.deepEqual(digestFile(join(scratch, "abc"), "abc"),
    {path: "abc", sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", bytes: 3});
  assert.deepEqual(digestFile(join(scratch, "empty"), "empty"),
    {path: "empty", sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", bytes: 0});
});

test("a file of several chunks, ending within one, hashes as sha256sum does", () => {
  const file = join(scratch, "large.csv");
  const bytes = 2 * (1 << 22) + 12345;
  writeFileSync(file, Buffer.from(Array.from({length: bytes}, (_, i) => (i * 31 + (i >> 13)) % 251)));
  const expected = execFileSync("sha256sum", [file], {encoding: "utf8"}).split(" ")[0];
  assert.deepEqual(digestFile(file, "large.csv"), {path: "large.csv", sha256: expected, bytes});
});

test("digestTree takes a known digest when the file's size still matches it, and reads the file when it does not", () => {
  const dir = join(scratch, "tree");
  mkdirSync(join(dir, "sub"), {recursive: true});
  writeFileSync(join(dir, "a.csv"), "abc");
  writeFileSync(join(dir, "sub", "b.csv"), "");
  writeFileSync(join(dir, ".hidden"), "x");
  const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  assert.deepEqual(digestTree(dir), [{path: "a.csv", sha256: abc, bytes: 3}, {path: "sub/b.csv", sha256: empty, bytes: 0}]);
  const known = {path: "a.csv", sha256: "0".repeat(64), bytes: 3};
  assert.deepEqual(digestTree(dir, [known])[0], known, "same size: the known digest");
  assert.deepEqual(digestTree(dir, [{...known, bytes: 4}])[0], {path: "a.csv", sha256: abc, bytes: 3}, "another size: read");
});
