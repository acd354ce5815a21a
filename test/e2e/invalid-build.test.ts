// `npm run build` on an invalid cohort: every problem (file, line, column, value, rule) on stderr, a non-zero exit,
// and nothing built. The build validates before Framework starts (scripts/build/observable.ts: the build product).
import assert from "node:assert/strict";
import {test} from "node:test";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {INVALID_CASES} from "../fixtures/invalid/cases.js";
import {buildOnCohort} from "./cohort-site.js";

test("a build on a cohort with two problems in two files fails with exit 1, naming both", () => {
  const cases = ["missing file", "empty file"].map((name) => INVALID_CASES.find((c) => c.name === name)!);
  assert.notEqual(cases[0]!.edits[0]!.file, cases[1]!.edits[0]!.file);
  const cohort = makeCohort(cases.flatMap((c) => c.edits));
  try {
    let stderr = "";
    assert.throws(() => buildOnCohort(cohort), (error: {status?: number; stderr?: Buffer}) => {
      stderr = String(error.stderr ?? "");
      return error.status === 1;
    });
    assert.match(stderr, new RegExp(`^${cohort.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}.*: 2 problems\n`, "m"));
    for (const expected of cases.flatMap((c) => c.expected)) assert.ok(stderr.includes(expected), `stderr names: ${expected}\n${stderr}`);
  } finally {
    removeCohort(cohort);
  }
});
