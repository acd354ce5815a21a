// Every invalid cohort of the fixture corpus gets exactly its located messages, and the
// valid variants of the file format (BOM, CRLF, quoting, non-ASCII) pass.
import assert from "node:assert/strict";
import {after, test} from "node:test";
import {formatProblem, validateCohort} from "../../src/core/cohort/validate.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";
import {INVALID_CASES} from "../fixtures/invalid/cases.js";

const dirs: string[] = [];
after(() => dirs.forEach(removeCohort));

test("the corpus covers file, study, schema, key and clinical rules with at least 40 cases", () => {
  assert.ok(INVALID_CASES.length >= 40, `${INVALID_CASES.length} cases`);
  assert.deepEqual(new Set(INVALID_CASES.map((c) => c.kind)), new Set(["file", "study", "schema", "keys", "clinical"]));
});

for (const fixture of INVALID_CASES) {
  test(`invalid (${fixture.kind}): ${fixture.name}`, async () => {
    const dir = makeCohort(fixture.edits);
    dirs.push(dir);
    const {study, problems} = await validateCohort(dir);
    assert.deepEqual(problems.map(formatProblem), fixture.expected);
    assert.equal(study, undefined, "an invalid cohort is never returned");
  });
}
