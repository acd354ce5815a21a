import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {after, test} from "node:test";
import {qcResults} from "../../src/core/qc/index.js";

// The follow-up fixture (cut-off 2024-04-01) adds: patient 5 dies 2023-10-16; patient 6 has CRs on
// 2022-09-26 and 2022-12-25, progresses (PD, distant) on 2023-06-22 and is last seen 2024-03-18.
const fixture = fileURLToPath(new URL("../fixtures/followup", import.meta.url));
const month = 365.25 / 12;
const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(typeof actual === "number" && Math.abs(actual - expected) < 1e-9, `${actual} ≉ ${expected}`);

const scratch = mkdtempSync(join(tmpdir(), "qc-cutoff-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

test("a later data cut: new deaths and progressions count", async () => {
  const qc = await qcResults(fixture);
  // OS: deaths at 300, 390, 472, 563 and now 1100 days (patient 5: 2020-10-12 → 2023-10-16);
  // patient 6 censored at 1450 days (→ 2024-03-18).
  assert.equal(qc["tte.os"].events, 5);
  close(qc["tte.os"].max, 1450 / month); // 47.64 months
  // PFS: patient 6 progresses at 1180 days (→ 2023-06-22): six events.
  assert.equal(qc["tte.pfs"].events, 6);
  // DoR: patient 6 from the first PR (2020-06-22) to PD: 1096 days, now an event.
  assert.equal(qc["tte.dor"].events, 4);
  close(qc["tte.dor"].max, 1096 / month);
  // Reverse KM: only patient 6 is alive (1450 days): the reverse curve drops 1 → 0 there.
  close(qc["tte.followup"].km_median, 1450 / month);
  // Patient 6's progression is distant: LRTC unchanged, 4 of 6; BOR unchanged (CR before the PD).
  assert.equal(qc["control.lrtc"].n, 4);
  assert.equal(qc["response.bor.cr"].n, 1);
});

test("records after the cut-off are ignored; a later death or contact means alive at the cut-off", async () => {
  const dir = join(scratch, "recut");
  cpSync(fixture, dir, {recursive: true});
  const study = JSON.parse(readFileSync(join(dir, "study.json"), "utf8"));
  writeFileSync(join(dir, "study.json"), JSON.stringify({...study, cutoff: "2023-04-01"}));
  const qc = await qcResults(dir);
  // Patient 5's death (2023-10-16) is after the cut-off: alive, censored at the cut-off, 902 days;
  // patient 6 (seen 2024-03-18) censored at the cut-off, 1098 days.
  assert.equal(qc["tte.os"].events, 4);
  close(qc["tte.os"].max, 1098 / month);
  // PFS: patient 6's PD (2023-06-22) is after the cut-off: censored at the last adequate
  // assessment before it (CR, 2022-12-25): 1001 days.
  assert.equal(qc["tte.pfs"].events, 5);
  close(qc["tte.pfs"].max, 1001 / month);
  close(qc["tte.followup"].max, 1098 / month);
  const times = [300, 390, 472, 563, 902, 1098].map((d) => d / month);
  close(qc["tte.followup"].median, (times[2] + times[3]) / 2);
});
