// scripts/cli/validate.ts end to end: exit status, stdout and stderr.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {after, test} from "node:test";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";

const root = join(import.meta.dirname, "..", "..");
const dirs: string[] = [];
after(() => dirs.forEach(removeCohort));

/** The command as documented: npm run --silent validate -- ARGS. */
function validate(...args: string[]) {
  const result = spawnSync("npm", ["run", "--silent", "validate", "--", ...args], {cwd: root, encoding: "utf8"});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

test("a valid cohort: exit 0, what was checked on stdout, nothing on stderr", () => {
  const {status, stdout, stderr} = validate();
  assert.equal(stderr, "");
  assert.equal(status, 0);
  assert.match(
    stdout,
    /^data\/cohort: valid cohort FLOE2024-PDNEC-CRT version 1\.0\.0 \(reconstructed: no row is a real person\)\n/
  );
  assert.match(stdout, /\n {2}treatments\.csv +36 rows +3384 bytes +sha256 [0-9a-f]{64}\n/);
  // One column each for rows and bytes: every file's line has them at the same place.
  const files = stdout.split("\n").filter((line) => line.includes(" bytes  sha256 "));
  assert.equal(files.length, 7);
  assert.deepEqual(new Set(files.map((line) => line.indexOf(" bytes"))), new Set([files[0]!.indexOf(" bytes")]));
  assert.equal(new Set(files.filter((line) => line.includes(" rows ")).map((line) => line.indexOf(" rows "))).size, 1);
  assert.match(stdout, /\n {2}rt-dose-per-fraction: RTDOSE \/ RTFRAC is a known schedule: 1\.5–5\.5 Gy per fraction\n/);
});

test("an invalid cohort: exit 1, every located problem on stderr, empty stdout", () => {
  const dir = makeCohort([
    {file: "patients.csv", line: 4, column: "KI67", value: "120"},
    {file: "events.csv", deleteLine: 4}
  ]);
  dirs.push(dir);
  const {status, stdout, stderr} = validate("--data", dir);
  assert.equal(status, 1);
  assert.equal(stdout, "");
  assert.equal(
    stderr,
    `${dir}: invalid cohort, 2 problems:\n` +
      'patients.csv:3:USUBJID: value "2" breaks rule one-end-of-follow-up (patient 2: no end of follow-up (DEATH or LAST_CONTACT) in events.csv)\n' +
      'patients.csv:4:KI67: value "120" breaks rule ki67-range (Ki-67 must be 0–100)\n'
  );
});

test("a usage error: exit 2 with the usage line, empty stdout", () => {
  const {status, stdout, stderr} = validate("--out", "x");
  assert.equal(status, 2);
  assert.equal(stdout, "");
  assert.equal(stderr, "Unknown option '--out'\nusage: npm run --silent validate -- [--data DIR]\n");
});
