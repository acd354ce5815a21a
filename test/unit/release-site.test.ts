import assert from "node:assert/strict";
import {test} from "node:test";
import type {Provenance} from "../../src/core/provenance.js";
import type {Manifest} from "../../src/core/release/releases.js";
import {siteIdentity} from "../../src/core/release/site.js";

const site: Provenance = {
  version: "1.0.0", cutoff: "2023-04-01", reconstructed: true, data_sha256: {"patients.csv": "aa", "study.json": "bb"},
  data_sha256_all: "cc", commit: "2222", tools: {}
};
const manifest = (over: Partial<Manifest>): Manifest => ({
  version: "1.0.0", cutoff: "2023-04-01", commit: "1111", data_dir: "data/cohort", reconstructed: true,
  inputs: [{path: "data/cohort/study.json", sha256: "bb", bytes: 1}, {path: "data/cohort/patients.csv", sha256: "aa", bytes: 1}],
  dist: [], results_sha256: "", tools: {}, ...over
});

test("a site built later than its version's release: another commit, the same input files", () => {
  assert.deepEqual(siteIdentity(site, [manifest({})]).release, {commit: "1111", same_commit: false, same_data: true});
});

test("the release itself: same commit; changed data is told apart by file digest, not by name", () => {
  assert.deepEqual(siteIdentity(site, [manifest({commit: "2222"})]).release, {commit: "2222", same_commit: true, same_data: true});
  const changed = manifest({inputs: [{path: "data/cohort/study.json", sha256: "bb", bytes: 1}, {path: "data/cohort/patients.csv", sha256: "ff", bytes: 1}]});
  assert.equal(siteIdentity(site, [changed]).release?.same_data, false);
});

test("a version not released yet has no release to compare with", () => {
  assert.equal(siteIdentity(site, [manifest({version: "0.9.0"})]).release, null);
});
