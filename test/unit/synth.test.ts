import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {csvParse, type DSVRowString} from "d3-dsv";
import {validateCohort} from "../../src/core/cohort/validate.js";
import {mixSeed, Rng} from "../../src/core/synth/prng.js";
import {simulatePatient} from "../../src/core/synth/simulate.js";
import {TABLE_NAMES} from "../../src/core/synth/tables.js";
import {writeCohort} from "../../src/core/synth/write.js";

const scratch = mkdtempSync(join(tmpdir(), "synth-test-"));
after(() => rmSync(scratch, {recursive: true, force: true}));
let k = 0;
async function generate(n: number, seed: number, cutoff?: string): Promise<string> {
  const out = join(scratch, `c${k++}`);
  await writeCohort({n, seed, out, cutoff});
  return out;
}

function sha256(dir: string): string {
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest("hex");
}

function read(dir: string, table: string): DSVRowString[] {
  return csvParse(readFileSync(join(dir, `${table}.csv`), "utf8"));
}

function byPatient(rows: DSVRowString[]): Map<string, DSVRowString[]> {
  const m = new Map<string, DSVRowString[]>();
  for (const r of rows) {
    const id = r.USUBJID!;
    if (!m.has(id)) m.set(id, []);
    m.get(id)!.push(r);
  }
  return m;
}

const cohort200 = generate(200, 20240306);

test("mulberry32 draws are uniform in [0, 1) and the per-patient seeds differ", () => {
  const rng = new Rng(1);
  let sum = 0;
  for (let i = 0; i < 10_000; i++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
  }
  assert.ok(Math.abs(sum / 10_000 - 0.5) < 0.01, `mean ${sum / 10_000}`);
  assert.notEqual(mixSeed(1, 1), mixSeed(1, 2));
  assert.notEqual(mixSeed(1, 1), mixSeed(2, 1));
});

test("same N and seed give identical bytes; another seed gives other bytes", async () => {
  const a = await cohort200;
  assert.equal(sha256(await generate(200, 20240306)), sha256(a));
  assert.notEqual(sha256(await generate(200, 20240307)), sha256(a));
});

test("a patient is the same whatever N is (own PRNG stream per patient)", async () => {
  const small = read(await generate(20, 20240306), "treatments");
  const large = read(await cohort200, "treatments").filter((r) => Number(r.USUBJID) <= 20);
  assert.deepEqual([...small], large);
});

test("files and columns are exactly those of the demo cohort", async () => {
  const dir = await cohort200;
  const demo = join(import.meta.dirname, "..", "..", "data", "cohort");
  assert.deepEqual(readdirSync(dir).sort(), readdirSync(demo).sort());
  for (const t of TABLE_NAMES) {
    const header = (d: string) => readFileSync(join(d, `${t}.csv`), "utf8").split("\n")[0];
    assert.equal(header(dir), header(demo), t);
  }
  const study = JSON.parse(readFileSync(join(dir, "study.json"), "utf8"));
  assert.deepEqual(Object.keys(study), Object.keys(JSON.parse(readFileSync(join(demo, "study.json"), "utf8"))));
  assert.equal(study.cutoff, "2023-04-01");
});

test("generated cohorts pass the project's validator with zero problems", async () => {
  assert.deepEqual((await validateCohort(await cohort200)).problems, []);
  assert.deepEqual((await validateCohort(await generate(100, 5, "2016-06-30"))).problems, [], "early cut-off");
});

test("one patient row per id 1..N, and plausible counts per patient", async () => {
  const dir = await cohort200;
  const ids = read(dir, "patients").map((r) => Number(r.USUBJID));
  assert.deepEqual(ids, Array.from({length: 200}, (_, i) => i + 1));
  const perPatient = (t: string) => read(dir, t).length / 200;
  assert.ok(perPatient("treatments") >= 4 && perPatient("treatments") <= 8, `treatments ${perPatient("treatments")}`);
  assert.ok(perPatient("assessments") >= 3 && perPatient("assessments") <= 12);
  assert.ok(perPatient("metastases") > 0.3 && perPatient("metastases") < 1.2);
  const last = read(dir, "events").filter((r) => r.EVENT === "DEATH" || r.EVENT === "LAST_CONTACT");
  assert.deepEqual(last.map((r) => Number(r.USUBJID)), ids, "exactly one DEATH or LAST_CONTACT per patient");
});

test("distributions are plausible for anorectal PDNEC treated with CRT", async () => {
  const dir = await cohort200;
  const patients = read(dir, "patients");
  const share = (rows: DSVRowString[], keep: (r: DSVRowString) => boolean) => rows.filter(keep).length / 200;
  const within = (x: number, lo: number, hi: number, what: string) => assert.ok(x >= lo && x <= hi, `${what} ${x}`);
  within(share(patients, (r) => r.SEX === "F"), 0.3, 0.6, "female");
  within(share(patients, (r) => r.CMSTAGE === "M1"), 0.4, 0.7, "metastatic");
  within(share(patients, (r) => r.MORPH === "LCNEC"), 0.28, 0.52, "LCNEC");
  within(share(patients, (r) => Number(r.KI67) > 20), 1, 1, "Ki-67 > 20%");
  const treatments = read(dir, "treatments");
  within(share(treatments, (r) => r.TRTPHASE === "CONCURRENT" && r.RTDOSE === "50.4"), 0.55, 0.85, "50.4 Gy");
  within(share(treatments, (r) => r.TRTCAT === "PRIMARY_SURGERY"), 0.2, 0.55, "resected");
  const confirmed = share(read(dir, "assessments"), (r) => r.VISIT === "CONFIRMATION");
  within(confirmed, 0.45, 0.75, "confirmed response");
  within(share(read(dir, "events"), (r) => r.EVENT === "DEATH"), 0.7, 0.97, "died by the cut-off");
});

test("every date is on or before the cut-off and nothing follows death or last contact", async () => {
  const dir = await cohort200;
  const dates: [string, string, string][] = [["patients", "DIAGDT", ""], ["treatments", "STDT", ""],
    ["treatments", "ENDT", ""], ["assessments", "RSDTC", ""], ["events", "EVDTC", ""], ["adverse_events", "AESTDTC", ""]];
  const end = new Map(read(dir, "events").filter((r) => r.EVENT !== "PROGRESSION").map((r) => [r.USUBJID!, r]));
  for (const [table, col] of dates) {
    for (const r of read(dir, table)) {
      const d = r[col]!;
      assert.ok(d <= "2023-04-01", `${table}.${col} ${d} after cut-off`);
      const last = end.get(r.USUBJID!)!;
      if (r === last) continue;
      assert.ok(d <= last.EVDTC!, `${table}.${col} ${d} after ${last.EVENT} ${last.EVDTC} (patient ${r.USUBJID})`);
      if (table === "assessments" && last.EVENT === "DEATH") assert.ok(d < last.EVDTC!);
    }
  }
  const early = await generate(50, 3, "2016-06-30");
  for (const r of read(early, "events")) assert.ok(r.EVDTC! <= "2016-06-30");
});

test("RECIST courses: baseline first, sizes in their category, PD last and dated as the progression", async () => {
  const dir = await cohort200;
  const progression = byPatient(read(dir, "events").filter((r) => r.EVENT === "PROGRESSION"));
  for (const [id, rows] of byPatient(read(dir, "assessments"))) {
    assert.equal(rows[0].VISIT, "BASELINE");
    const base = Number(rows[0].TUSIZE_MM);
    let nadir = base;
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      assert.ok(r.RSDTC! > rows[i - 1].RSDTC!, `patient ${id}: dates increase`);
      if (r.TUSIZE_MM) {
        const size = Number(r.TUSIZE_MM);
        if (r.RSORRES === "PR") assert.ok(size <= 0.7 * base, `patient ${id}: PR ${size} of ${base}`);
        if (r.RSORRES === "SD") assert.ok(size > 0.7 * base && size < 1.2 * nadir, `patient ${id}: SD ${size}`);
        nadir = Math.min(nadir, size);
      }
      if (r.VISIT === "CONFIRMATION") assert.equal(rows[i - 1].VISIT, "POST_CRT");
    }
    const pd = rows.findIndex((r) => r.RSORRES === "PD");
    const prog = progression.get(id) ?? [];
    if (pd >= 0) {
      assert.equal(pd, rows.length - 1, `patient ${id}: PD ends the assessments`);
      assert.ok(prog.length >= 1 && prog.every((p) => p.EVDTC === rows[pd].RSDTC));
    } else assert.equal(prog.length, 0);
  }
});

test("rare timelines too: over 30 000 simulated patients, assessments strictly increase in date", () => {
  // Edge cases (e.g. a progression drawn just after a late confirmation) occur in about 1 in 10^4 patients,
  // too rarely for the 200-patient cohort; simulating without writing files is fast enough to cover them.
  const cfg = {seed: 99, cutoff: Date.parse("2023-04-01") / 86_400_000};
  for (let id = 1; id <= 30_000; id++) {
    const rows = simulatePatient(id, cfg).assessments;
    for (let i = 1; i < rows.length; i++) {
      assert.ok(rows[i].RSDTC! > rows[i - 1].RSDTC!, `patient ${id}: ${rows[i - 1].RSDTC} then ${rows[i].RSDTC}`);
    }
  }
});

test("first line follows the protocol: induction on Day 1, RT from Day 22 at 50.4 Gy/28 f or 25 Gy/5 f", async () => {
  const dir = await cohort200;
  const day = (iso: string) => Date.parse(iso) / 86_400_000;
  for (const [id, rows] of byPatient(read(dir, "treatments"))) {
    assert.equal(rows[0].TRTPHASE, "INDUCTION", `patient ${id}`);
    assert.equal(rows[0].EPISODEID, `${id}-01`);
    const rt = rows.find((r) => r.TRTCAT === "RADIOTHERAPY" && r.TRTPHASE === "CONCURRENT")!;
    assert.equal(day(rt.STDT!) - day(rows[0].STDT!) + 1, 22, `patient ${id}: RT on Day 22`);
    assert.ok(`${rt.RTDOSE}/${rt.RTFRAC}` === "50.4/28" || `${rt.RTDOSE}/${rt.RTFRAC}` === "25/5");
    for (const r of rows) assert.ok(r.STDT! <= r.ENDT!, `episode ${r.EPISODEID}`);
    const surgery = rows.filter((r) => r.TRTCAT === "PRIMARY_SURGERY");
    for (const s of surgery) assert.match(`${s.MARGIN} ${s.YPT}`, /^R[01] ypT[0-4]$/);
  }
});

test("first-line treatment ends before the first progression; later lines start after it", async () => {
  const dir = await cohort200;
  const progression = new Map<string, string>();
  for (const r of read(dir, "events")) {
    if (r.EVENT === "PROGRESSION" && !progression.has(r.USUBJID!)) progression.set(r.USUBJID!, r.EVDTC!);
  }
  let laterLines = 0;
  for (const r of read(dir, "treatments")) {
    const pd = progression.get(r.USUBJID!);
    if (r.TRTPHASE === "LATER_LINE") {
      laterLines++;
      assert.ok(pd !== undefined && r.STDT! > pd, `episode ${r.EPISODEID} starts after progression ${pd}`);
    } else if (pd !== undefined) assert.ok(r.ENDT! < pd, `episode ${r.EPISODEID} ends before progression ${pd}`);
  }
  assert.ok(laterLines > 0 && progression.size > 0);
});

test("refuses a non-empty --out and leaves no partial output behind", async () => {
  const out = join(scratch, "taken");
  mkdirSync(out);
  writeFileSync(join(out, "keep.txt"), "mine");
  await assert.rejects(writeCohort({n: 5, seed: 1, out}), /not empty/);
  assert.deepEqual(readdirSync(out), ["keep.txt"]);
  await assert.rejects(writeCohort({n: 0, seed: -1, out: join(scratch, "bad")}), /--n must be.*\n--seed must be/s);
  assert.equal(existsSync(join(scratch, "bad")), false);
  assert.deepEqual(readdirSync(scratch).filter((f) => f.includes(".tmp-")), []);
  const empty = join(scratch, "empty");
  mkdirSync(empty);
  await writeCohort({n: 3, seed: 1, out: empty});
  assert.equal(read(empty, "patients").length, 3);
});
