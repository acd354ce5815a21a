// The files shipped for the /data page and the browser re-run: the data dictionary from one source
// (src/core/adam-metadata.ts, checked against the derived tables), and the deterministic tar archive the ADaM loader
// writes (src/core/tar.ts).
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {ADAM_METADATA, dataDictionary, type Column} from "../../src/core/adam-metadata.js";
import {openCohort} from "../../src/core/adam/derive.js";
import {ADAM_TABLES} from "../../src/core/sql-catalog.js";
import {Writable} from "node:stream";
import {gunzipSync} from "node:zlib";
import {SITE_FILE_BYTES, tar, writeTar, writeTgz, type TarEntry} from "../../src/core/tar.js";

const adsl = (name: string, type = "INTEGER") => ({table_name: "adsl", column_name: name, data_type: type});

test("the dictionary takes types from the derived columns and labels from the metadata", () => {
  const columns = [
    ...Object.entries(ADAM_METADATA).flatMap(([table, variables]) =>
      variables.map((v) => ({table_name: table, column_name: v.variable, data_type: "VARCHAR"}))),
    {table_name: "src_patients", column_name: "DIAGDT", data_type: "DATE"}, // source tables are not published
  ].map((c) => (c.table_name === "adtte" && c.column_name === "AVAL" ? {...c, data_type: "INTEGER"} : c));
  const dictionary = dataDictionary(columns);
  assert.equal(dictionary.length, 45 + 12 + 10 + 9);
  assert.deepEqual(dictionary.find((e) => e.dataset === "ADTTE" && e.variable === "AVAL"),
    {dataset: "ADTTE", variable: "AVAL", label: "Analysis value (days)", derivation: "ADY − STARTDY + 1", type: "INTEGER"});
  assert.deepEqual(Object.keys(ADAM_METADATA), [...ADAM_TABLES]);
});

test("a derived column without a label and a label without a column are both reported", () => {
  const columns = ADAM_METADATA.adsl.filter((v) => v.variable !== "AGE").map((v) => adsl(v.variable));
  assert.throws(() => dataDictionary([...columns, adsl("BMI", "DOUBLE")]), {
    message: "ADaM data dictionary:\nadsl.BMI (DOUBLE) has no label in src/core/adam-metadata.ts\n" +
      "adsl.AGE is described in src/core/adam-metadata.ts but not derived\n" +
      ["adrs", "adtte", "adae"].flatMap((t) => ADAM_METADATA[t as "adrs"].map((v) => `${t}.${v.variable} is described in src/core/adam-metadata.ts but not derived`)).join("\n"),
  });
});

/** The whole archive of `entries` in one buffer. */
async function archiveOf(entries: readonly TarEntry[]): Promise<Buffer> {
  const chunks = [];
  for await (const chunk of tar(entries)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test("tar: ustar headers, 512-byte blocks, same bytes every time, readable by tar(1)", async () => {
  const archive = await archiveOf([["a.csv", Buffer.from("x,y\n1,2\n")], ["b.parquet", Buffer.alloc(600, 7)]]);
  // header + 1 data block, header + 2 data blocks, 2 end blocks
  assert.equal(archive.length, 512 * (2 + 3 + 2));
  assert.equal(archive.subarray(0, 5).toString(), "a.csv");
  assert.equal(archive.subarray(124, 136).toString(), "00000000010\0"); // 8 bytes, octal
  assert.equal(archive.subarray(257, 265).toString(), "ustar\u000000");
  assert.deepEqual(archive, await archiveOf([["a.csv", Buffer.from("x,y\n1,2\n")], ["b.parquet", Buffer.alloc(600, 7)]]));
  const dir = mkdtempSync(join(tmpdir(), "verify-tar-"));
  try {
    writeFileSync(join(dir, "t.tar"), archive);
    assert.equal(execFileSync("tar", ["-tvf", "t.tar"], {cwd: dir, encoding: "utf8"}).split("\n").filter(Boolean).length, 2);
    execFileSync("tar", ["-xf", "t.tar"], {cwd: dir});
    assert.equal(readFileSync(join(dir, "a.csv"), "utf8"), "x,y\n1,2\n");
    assert.deepEqual(readFileSync(join(dir, "b.parquet")), Buffer.alloc(600, 7));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  await assert.rejects(archiveOf([["x".repeat(101), Buffer.alloc(0)]]), /longer than 100 bytes/);
});

test("tar: a file on disk, read in several chunks, is archived as its content in memory would be", async () => {
  const dir = mkdtempSync(join(tmpdir(), "verify-tar-files-"));
  try {
    const large = Buffer.from(Array.from({length: 200_000}, (_, i) => i % 253)); // several 64 KiB stream chunks
    writeFileSync(join(dir, "a.csv"), "x,y\n1,2\n");
    writeFileSync(join(dir, "large.parquet"), large);
    writeFileSync(join(dir, "empty.csv"), "");
    const archive = await archiveOf([["a.csv", {path: join(dir, "a.csv")}], ["large.parquet", {path: join(dir, "large.parquet")}],
      ["empty.csv", {path: join(dir, "empty.csv")}]]);
    assert.deepEqual(archive,
      await archiveOf([["a.csv", Buffer.from("x,y\n1,2\n")], ["large.parquet", large], ["empty.csv", Buffer.alloc(0)]]));
    assert.equal(archive.length, 512 * (2 + 1 + Math.ceil(200_000 / 512) + 1 + 2));
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "t.tar"), archive);
    execFileSync("tar", ["-xf", "../t.tar"], {cwd: join(dir, "out")});
    assert.deepEqual(readFileSync(join(dir, "out", "large.parquet")), large);
    assert.equal(readFileSync(join(dir, "out", "empty.csv"), "utf8"), "");
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

/** What writeTgz writes, collected. */
function sink(): {out: Writable; bytes: () => Buffer} {
  const chunks: Buffer[] = [];
  const out = new Writable({write(chunk: Buffer, _encoding, done) {
    chunks.push(chunk);
    done();
  }});
  return {out, bytes: () => Buffer.concat(chunks)};
}

test("writeTgz: the gzipped tar; a member the site cannot publish fails it before anything is written", async () => {
  const dir = mkdtempSync(join(tmpdir(), "verify-tgz-"));
  try {
    writeFileSync(join(dir, "adsl.csv"), "x".repeat(10));
    const entries: TarEntry[] = [["adsl.csv", {path: join(dir, "adsl.csv")}], ["adrs.csv", Buffer.alloc(11, 120)]];
    const written = sink();
    await writeTgz(entries, written.out);
    assert.deepEqual(gunzipSync(written.bytes()), await archiveOf(entries));

    // At a limit of 10 bytes: the 11-byte member is named, the 10-byte one is not, and nothing is written.
    const refused = sink();
    await assert.rejects(writeTgz(entries, refused.out, 10), (error: Error) => {
      assert.match(error.message, /^the site cannot publish a file over 10 bytes .*\n {2}adrs\.csv: 11 bytes\nThe cohort's/);
      assert.doesNotMatch(error.message, /adsl\.csv/);
      return true;
    });
    assert.equal(refused.bytes().length, 0);

    // The default limit is Node's: a file of 2 GiB (sparse, nothing read), which readFileSync refuses as Framework
    // calls it, is refused.
    const big = join(dir, "big.csv");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 2 ** 31);
    closeSync(fd);
    assert.throws(() => readFileSync(big), {code: "ERR_FS_FILE_TOO_LARGE"});
    await assert.rejects(writeTgz([["big.csv", {path: big}]], sink().out),
      new RegExp(`over ${SITE_FILE_BYTES} bytes .*\n {2}big\.csv: ${2 ** 31} bytes`));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("writeTar: the uncompressed tar, smallest member first (ties by name); the same refusal as writeTgz", async () => {
  const entries: TarEntry[] = [["adrs.xpt", Buffer.alloc(700, 1)], ["define.xml", Buffer.alloc(5, 2)],
    ["adsl.csv", Buffer.alloc(40, 3)], ["adae.csv", Buffer.alloc(40, 4)]];
  const written = sink();
  await writeTar(entries, written.out);
  const [xpt, xml, adsl, adae] = entries;
  assert.deepEqual(written.bytes(), await archiveOf([xml!, adae!, adsl!, xpt!]));
  const refused = sink();
  await assert.rejects(writeTar(entries, refused.out, 100), /over 100 bytes .*\n {2}adrs\.xpt: 700 bytes\nThe cohort's/);
  assert.equal(refused.bytes().length, 0);
});

test("the metadata describes exactly the columns the ADaM SQL derives", async () => {
  const engine = await openCohort("data/cohort", "2023-04-01");
  try {
    const columns = await engine.sql("SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position");
    const dictionary = dataDictionary(columns as unknown as Column[]);
    assert.equal(dictionary.length, 76);
    assert.deepEqual(dictionary.filter((e) => e.dataset === "ADTTE").map((e) => `${e.variable} ${e.type}`).slice(4, 9),
      ["ADY INTEGER", "AVAL INTEGER", "AVALU VARCHAR", "CNSR INTEGER", "EVNTDESC VARCHAR"]);
  } finally {
    engine.close();
  }
});
