// What the results dataset carries for a large cohort (docs/results.md, "Large cohorts"), shown on a synthetic cohort
// of 150 patients with the limits scaled down: no patient lists above 40 patients, a lane sample of 25 patients,
// full QC up to 100 patients and above it the QC of a 60-patient sub-cohort. The real QC runs throughout.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {openCohort} from "../../src/core/adam/derive.js";
import {runAnalyses} from "../../src/core/results/analyses.js";
import {buildResults} from "../../src/core/results/index.js";
import {firstInSampleOrder, LIMITS, type Limits} from "../../src/core/limits.js";
import {writeCohort} from "../../src/core/synth/write.js";

const scratch = mkdtempSync(join(tmpdir(), "results-scale-"));
after(() => rmSync(scratch, {recursive: true, force: true}));
const dir = join(scratch, "cohort");
await writeCohort({n: 150, seed: 3, out: dir});

const full: Limits = {...LIMITS, listPatients: 40, lanes: 25, qcFull: 1000, qcSample: 60, seed: 1};
const sampled: Limits = {...full, qcFull: 100};
const [withFullQc, withSampleQc] = [await buildResults(dir, undefined, full), await buildResults(dir, undefined, sampled)];
const byId = (dataset: typeof withFullQc, id: string) => dataset.results.find((r) => r.id === id)!;

test("the sample order is the MD5 hex digest of seed-USUBJID, ascending", () => {
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");
  const ids = Array.from({length: 150}, (_, i) => i + 1);
  const expected = ids.sort((a, b) => (md5(`1-${a}`) < md5(`1-${b}`) ? -1 : 1)).slice(0, 25);
  assert.deepEqual([...firstInSampleOrder(ids, 25, 1)].sort((a, b) => a - b), expected.sort((a, b) => a - b));
});

test("above listPatients: no patient lists, no KM id lists, the report says so", () => {
  assert.equal(withFullQc.report.n_patients, 150);
  assert.ok(withFullQc.results.every((r) => !("patients" in r)));
  const os = byId(withFullQc, "tte.os").rows!;
  assert.ok(os.length > 1 && os.every((row) => !("event_ids" in row) && !("censor_ids" in row) && "surv" in row));
  assert.deepEqual(withFullQc.report.limits?.lanes, {
    patients: 25, seed: 1, selection: 'the 25 patients with the smallest MD5 hex digest of "1-<USUBJID>"',
  });
  assert.equal(withFullQc.report.limits?.qc, "full");
});

test("per-patient rows are those of the lane sample; rows_total counts them all", () => {
  const lanes = byId(withFullQc, "swimmer.lanes");
  assert.equal(lanes.rows_total, 150);
  assert.equal(lanes.rows!.length, 25);
  const sample = firstInSampleOrder(Array.from({length: 150}, (_, i) => i + 1), 25, 1);
  assert.deepEqual(new Set(lanes.rows!.map((r) => r.USUBJID)), sample);
  assert.deepEqual(Object.keys(lanes.rows![0]!), ["USUBJID", "MORPH", "BOR", "followup_days", "alive"]);
  for (const id of ["swimmer.segments", "swimmer.markers", "response.waterfall"]) {
    const result = byId(withFullQc, id);
    assert.ok(result.rows!.every((r) => sample.has(r.USUBJID as number)), id);
    assert.ok(result.rows_total! > result.rows!.length, id);
  }
  assert.equal(byId(withFullQc, "safety.grade34").rows_total, undefined);
});

test("full QC agrees on every result; stats are those of the whole cohort either way", () => {
  assert.ok(withFullQc.results.every((r) => r.qc.agree && r.qc.sample === undefined));
  assert.equal(byId(withFullQc, "cohort.n").stats.n, 150);
  for (const r of withFullQc.results) assert.deepEqual(byId(withSampleQc, r.id).stats, r.stats, r.id);
});

test("above qcFull the QC runs on the sub-cohort and each result says which", () => {
  const expected = {patients: 60, of: 150, seed: 1,
    selection: 'the 60 patients with the smallest MD5 hex digest of "1-<USUBJID>"'};
  assert.ok(withSampleQc.results.every((r) => r.qc.agree));
  assert.deepEqual(byId(withSampleQc, "response.orr").qc.sample, expected);
  assert.deepEqual(withSampleQc.report.limits?.qc, expected);
});

test("sampled per-patient rows come from the lane sample's ADaM rows; without a rows_total column, an error", async () => {
  const engine = await openCohort(dir);
  try {
    await engine.sql("CREATE TEMP TABLE lane_sample AS SELECT USUBJID FROM adsl WHERE USUBJID IN (2, 5)");
    const lanes = (total: string) => {
      const file = join(scratch, `lanes${total ? "-total" : ""}.sql`);
      writeFileSync(file, `SELECT 'lanes' AS id, ${total}list({USUBJID: USUBJID} ORDER BY USUBJID) AS rows FROM adsl`);
      return file;
    };
    const [out] = (await runAnalyses(engine, {listPatients: true, sampleLanes: true}, [lanes("count(*) AS rows_total, ")]))
      .values();
    assert.deepEqual(out, [{id: "lanes", rows_total: 150, rows: [{USUBJID: 2}, {USUBJID: 5}]}]);
    await assert.rejects(runAnalyses(engine, {listPatients: true, sampleLanes: true}, [lanes("")]),
      /lanes\.sql: per-patient rows need a rows_total column/);
  } finally {
    engine.close();
  }
});

test("the USUBJID lists inside rows (KM ids, AE patient_ids) are not built when patients are not listed, and are again when they are", async () => {
  const engine = await openCohort(dir);
  try {
    const km = "src/sql/analysis/km.sql";
    // The ids as kaplan_meier builds them, whatever the projection keeps: the engine's variable decides.
    const ids = async () => (await engine.sql(`WITH os AS (SELECT PARAMCD, USUBJID, AVAL, CNSR FROM adtte WHERE PARAMCD = 'OS')
      SELECT sum(len(event_ids) + len(censor_ids))::INTEGER AS n FROM kaplan_meier(os)`))[0]!.n;
    await runAnalyses(engine, {listPatients: false, sampleLanes: false}, [km]);
    assert.equal(await ids(), 0, "not listed: no ids built");
    const [listed] = [...(await runAnalyses(engine, {listPatients: true, sampleLanes: false}, [km])).values()];
    assert.equal(await ids(), 150, "listed: every patient once, as an event or a censoring, in OS");
    const os = listed!.find((r) => r.id === "tte.os")!.rows as {event_ids: number[]; censor_ids: number[]}[];
    assert.equal(os.reduce((sum, r) => sum + r.event_ids.length + r.censor_ids.length, 0), 150);
    // The AE rows' patient_ids, run as the file is, under each setting.
    const safety = readFileSync("src/sql/analysis/safety.sql", "utf8").trim().replace(/;$/, "");
    const patientIds = async () => (await engine.sql(`SELECT sum(len(r.patient_ids))::INTEGER AS n
      FROM (SELECT unnest(rows) AS r FROM (${safety}) WHERE id = 'safety.grade34')`))[0]!.n as number;
    assert.ok((await patientIds()) > 0, "listed: the grade 3–4 rows name their patients");
    await engine.sql("SET VARIABLE list_patients = false");
    assert.equal(await patientIds(), 0, "not listed: no patient_ids built");
  } finally {
    engine.close();
  }
});
