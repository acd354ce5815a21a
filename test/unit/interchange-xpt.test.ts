// The SAS transport (XPT v5) writer: IBM floats and record layout against bytes computed by hand from TS-140, the
// files read back by an independent reader (xport-js), the ADaM files equal to the CSVs, and the v5 limits refused
// with dataset, variable and limit named (never a truncated file).
import assert from "node:assert/strict";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, test} from "node:test";
import {fileURLToPath} from "node:url";
import fc from "fast-check";
import xportModule from "xport-js";
import {csvParse} from "d3-dsv";
import {ibmFloat, sasDatetime, xpt, XptError, XptWriter, type XptDatasetSpec} from "../../src/core/interchange/xpt.js";
import {writeAdamXpt} from "../../src/core/interchange/adam-xpt.js";
import {openCohort} from "../../src/core/adam/derive.js";
import {writeDatasets} from "../../src/core/results/datasets.js";
import {ADAM_METADATA} from "../../src/core/adam-metadata.js";

// xport-js is CommonJS with exports.default: Node's ESM import gives its exports object.
const Library = xportModule.default;
type XptLibrary = InstanceType<typeof Library>;
interface XportVariable {dataset: string; name: string; label: string; type: "Num" | "Char"; length: number}
const variables = async (lib: XptLibrary) => (await lib.getMetadata()) as XportVariable[];
async function records(lib: XptLibrary): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  // (Its "objects" are arrays with named properties.)
  for await (const row of lib.read({rowFormat: "object", skipHeader: true})) rows.push(Object.fromEntries(Object.entries(row)));
  return rows;
}
const cohort = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "xpt-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

const hex = (value: number | null) => ibmFloat(value).toString("hex");

describe("IBM floats", () => {
  test("hand-computed encodings: sign, exponent of 16 biased by 64, fraction with a non-zero first hex digit", () => {
    assert.equal(hex(1), "4110000000000000"); // 1 = 0x0.1 × 16^1
    assert.equal(hex(-1), "c110000000000000"); // sign bit set
    assert.equal(hex(0.5), "4080000000000000"); // 0x0.8 × 16^0
    assert.equal(hex(100), "4264000000000000"); // 0x64 = 0x0.64 × 16^2
    assert.equal(hex(0), "0000000000000000");
    assert.equal(hex(null), "2e00000000000000"); // SAS missing: '.' then zeros
    assert.equal(hex(0.1), "401999999999999a"); // IEEE 0x3FB999999999999A: all 53 bits kept
    assert.equal(hex(-62.5), "c23e800000000000"); // 0x3E.8 = 0x0.3E8 × 16^2
  });

  test("every double in IBM's range reads back exactly: fraction / 2^56 × 16^(exponent − 64), normalised", () => {
    const decode = (bytes: Buffer) => {
      const fraction = bytes.readBigUInt64BE() & ((1n << 56n) - 1n);
      const exponent = bytes[0]! & 0x7f;
      assert.ok(fraction >> 52n > 0n, "first hex digit non-zero");
      return (bytes[0]! & 0x80 ? -1 : 1) * Number(fraction) * 2 ** (4 * (exponent - 64) - 56);
    };
    fc.assert(fc.property(fc.double({noNaN: true, noDefaultInfinity: true, min: -1e75, max: 1e75})
      .filter((x) => x === 0 || Math.abs(x) > 1e-78), (x) => {
      assert.equal(x === 0 ? 0 : decode(ibmFloat(x)), x === 0 ? 0 : x);
    }), {numRuns: 20000});
  });

  test("numbers outside the IBM range and non-numbers are refused", () => {
    assert.throws(() => ibmFloat(1e300), /outside the range/);
    assert.throws(() => ibmFloat(Number.NaN), /not a number/);
  });
});

const SPEC: XptDatasetSpec = {
  name: "DM", label: "Demo", created: new Date("2023-04-01T12:34:56Z"),
  variables: [{name: "AGE", label: "Age", type: "numeric"}, {name: "SEX", label: "Sex", type: "character"}],
};
const record = (file: Buffer, i: number) => file.subarray(80 * i, 80 * (i + 1)).toString("latin1");

describe("the record layout", () => {
  const file = xpt(SPEC, [[62, "F"], [null, "MALE"]]);

  test("headers, NAMESTRs and observations where TS-140 puts them", () => {
    // 3 library + 4 member + 1 NAMESTR header + 2 × 140 NAMESTR bytes padded to 4 records + 1 OBS header
    // + 2 observations of 8 + 4 bytes padded to 1 record.
    assert.equal(file.length, 80 * (3 + 4 + 1 + 4 + 1 + 1));
    assert.equal(sasDatetime(SPEC.created), "01APR23:12:34:56");
    assert.equal(record(file, 0), "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    assert.equal(record(file, 1), `SAS     SAS     SASLIB  9.4     NODE    ${" ".repeat(24)}01APR23:12:34:56`);
    assert.equal(record(file, 2), "01APR23:12:34:56".padEnd(80));
    assert.equal(record(file, 3), "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
    assert.equal(record(file, 4), "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    assert.equal(record(file, 5), `SAS     DM      SASDATA 9.4     NODE    ${" ".repeat(24)}01APR23:12:34:56`);
    assert.equal(record(file, 6), `01APR23:12:34:56${" ".repeat(16)}${"Demo".padEnd(40)}${" ".repeat(8)}`);
    assert.equal(record(file, 7), "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000000200000000000000000000  ");
    const age = file.subarray(640, 640 + 140);
    const sex = file.subarray(780, 780 + 140);
    // ntype, nhfun, nlng, nvar0; nname; nlabel; …; npos
    assert.equal(age.subarray(0, 8).toString("hex"), "0001" + "0000" + "0008" + "0001");
    assert.equal(age.subarray(8, 16).toString("latin1"), "AGE     ");
    assert.equal(age.subarray(16, 56).toString("latin1"), "Age".padEnd(40));
    assert.equal(age.readInt32BE(84), 0);
    assert.equal(sex.subarray(0, 8).toString("hex"), "0002" + "0000" + "0004" + "0002"); // length of "MALE"
    assert.equal(sex.readInt32BE(84), 8);
    assert.equal(file.subarray(920, 960).toString("latin1"), " ".repeat(40)); // NAMESTR block padded with blanks
    assert.equal(record(file, 12), "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    const obs = file.subarray(80 * 13);
    assert.equal(obs.subarray(0, 12).toString("hex"), "423e000000000000" + Buffer.from("F   ").toString("hex"));
    assert.equal(obs.subarray(12, 24).toString("hex"), "2e00000000000000" + Buffer.from("MALE").toString("hex"));
    assert.equal(obs.subarray(24).toString("latin1"), " ".repeat(56));
  });

  test("read back by xport-js: the variables, labels, lengths and values", async () => {
    // 20 observations of 12 bytes fill 3 records exactly: xport-js, unlike SAS and haven, reads blank padding as
    // more observations when it is longer than one (the ADaM datasets' observations are all longer than 80 bytes).
    const path = join(scratch, "dm.xpt");
    const more = Array.from({length: 18}, (_, i) => [i - 9.25, i % 2 ? "M" : "F"]);
    writeFileSync(path, xpt(SPEC, [[62, "F"], [null, "MALE"], ...more]));
    const lib = new Library(path);
    assert.deepEqual((await variables(lib)).map((v) => [v.dataset, v.name, v.label, v.type, v.length]),
      [["DM", "AGE", "Age", "Num", 8], ["DM", "SEX", "Sex", "Char", 4]]);
    const rows = await records(lib);
    assert.deepEqual(rows, [{AGE: 62, SEX: "F"}, {AGE: null, SEX: "MALE"},
      ...more.map(([age, sex]) => ({AGE: age, SEX: sex}))]);
  });
});

describe("observations laid out by SQL", () => {
  const spec: XptDatasetSpec = {...SPEC, variables: [...SPEC.variables, {name: "DY", label: "Day", type: "numeric"}]};
  const lengths = [8, 4, 8];
  const rows = [[62, "F", -3], [null, "MALE", 0], [-0.5, null, null]];
  // As adam-xpt.ts's SQL lays them out: text padded to its length, each number an 8-character placeholder.
  const records = ["        F           ", ".       MALE        ", "            .       "];
  const numbers = [[62, 0, -0.5], [-3, 0, 0]];
  const byValue = () => new XptWriter(spec, lengths).encode(spec.variables.map((_, i) => rows.map((row) => row[i]!)), rows.length);

  test("give the bytes the value-by-value encoding gives: numbers, missing numbers, padded and missing text", () => {
    assert.deepEqual(new XptWriter(spec, lengths).encodeLaidOut(records, numbers, rows.length), byValue());
    assert.equal(byValue().subarray(12, 20).toString("hex"), "c130000000000000"); // -3, the third variable of row 1
  });

  test("a record that is not printable ASCII of the observation's length, or a number that is not finite, is refused before anything is encoded", () => {
    for (const bad of [records[0]!.replace("F", "é"), records[0]!.slice(1), records[0]!.replace("F", "\t"),
      records[0]!.slice(0, 12) + "!" + records[0]!.slice(13)]) {
      const writer = new XptWriter(spec, lengths);
      assert.equal(writer.encodeLaidOut([bad, ...records.slice(1)], numbers, rows.length), null, JSON.stringify(bad));
      assert.deepEqual(writer.encode(spec.variables.map((_, i) => rows.map((row) => row[i]!)), rows.length), byValue(),
        "the writer starts again at row 1");
    }
  });

  test("the ADaM tables are laid out by SQL (never value by value) and read back as the CSVs (next test); a NaN goes value by value and is named with its row", async () => {
    const engine = await openCohort(cohort);
    const encode = XptWriter.prototype.encode;
    let byValueBatches = 0;
    XptWriter.prototype.encode = function (...args) {
      byValueBatches++;
      return encode.apply(this, args);
    };
    try {
      await writeAdamXpt(engine, scratch, SPEC.created);
      assert.equal(byValueBatches, 0);
      await engine.sql("UPDATE adsl SET KI67 = 'NaN'::DOUBLE WHERE USUBJID = (SELECT max(USUBJID) FROM adsl)");
      await assert.rejects(writeAdamXpt(engine, scratch, SPEC.created, ["adsl"]),
        (error: Error) => error instanceof XptError && /adsl\.xpt: ADSL variable KI67: NaN is not a number SAS can hold \(row 6\)/.test(error.message));
      assert.ok(byValueBatches > 0);
    } finally {
      XptWriter.prototype.encode = encode;
      engine.close();
    }
  });
});

describe("what XPT v5 cannot hold stops the export", () => {
  const problems = (spec: XptDatasetSpec, rows: (string | number | null)[][]) => {
    try {
      xpt(spec, rows);
    } catch (error) {
      assert.ok(error instanceof XptError, String(error));
      return error.message;
    }
    assert.fail("no XptError");
  };

  test("name over 8, label over 40, value over 200 bytes, non-ASCII: each named, all at once", () => {
    const message = problems({
      ...SPEC,
      variables: [
        {name: "LONGNAME9", label: "x".repeat(41), type: "character"},
        {name: "TERM", label: "Reported term", type: "character"},
      ],
    }, [["a".repeat(201), "Fatigué"], ["ok", "Nausée"]]);
    assert.match(message, /DM variable LONGNAME9: name "LONGNAME9" is 9 characters, limit 8/);
    assert.match(message, /DM variable LONGNAME9: label "x{41}" is 41 characters, limit 40/);
    assert.match(message, /DM variable LONGNAME9: value of more than 200 bytes, limit 200 \(row 1\)/);
    assert.match(message, /DM variable TERM: value is not ASCII, which XPT v5 requires \(row 1 and 1 more\)/);
  });

  test("a value of exactly 200 bytes and a label of exactly 40 characters fit", () => {
    const file = xpt({...SPEC, variables: [{name: "TERM", label: "x".repeat(40), type: "character"}]}, [["a".repeat(200)]]);
    assert.equal(file.subarray(640 + 4, 640 + 6).readInt16BE(), 200);
  });

  test("a cohort with a non-ASCII adverse event term: the datasets command names adae.xpt, AETERM and the limit, and writes nothing", async () => {
    const bad = join(scratch, "cohort");
    cpSync(cohort, bad, {recursive: true});
    const file = join(bad, "adverse_events.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("Proctitis pain", "Proctite douloureuse (éry)"));
    const out = join(scratch, "out");
    await assert.rejects(writeDatasets(bad, out),
      (error: Error) => error instanceof XptError && /adae\.xpt: ADAE variable AETERM: value is not ASCII, which XPT v5 requires \(row \d+\)/.test(error.message));
    assert.equal(existsSync(out), false);
  });
});

test("the ADaM transport files hold the CSVs' rows and values, with the dictionary's labels", async () => {
  const out = join(scratch, "adam");
  await writeDatasets(cohort, out);
  for (const table of ["adsl", "adrs", "adtte", "adae"] as const) {
    const lib = new Library(join(out, `${table}.xpt`));
    const columns = await variables(lib);
    assert.deepEqual(columns.map((c) => [c.dataset, c.name, c.label]),
      ADAM_METADATA[table].map((v) => [table.toUpperCase(), v.variable, v.label]), `${table} variables`);
    const rows = await records(lib);
    const csv = csvParse(readFileSync(join(out, `${table}.csv`), "utf8"));
    assert.equal(rows.length, csv.length, `${table} rows`);
    rows.forEach((row, i) => {
      for (const column of columns) {
        const text = csv[i]![column.name]!;
        const expected = column.type === "Num" ? (text === "" ? null : Number(text)) : text;
        assert.equal(column.type === "Char" ? String(row[column.name]).trimEnd() : row[column.name], expected,
          `${table} row ${i + 1} ${column.name}`);
      }
    });
  }
});
