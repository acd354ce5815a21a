// SAS transport files, version 5 (XPORT), the format the FDA accepts for analysis datasets; one dataset per file.
// Layout from SAS's technical note TS-140 ("The record layout of a data set in SAS transport (XPORT) format"):
//
//   every record is 80 ASCII bytes; a block that does not fill its last record is padded with blanks.
//   1. library header:  "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!" + 30 zeros + 2 blanks
//                       "SAS     SAS     SASLIB  <version><os>" + 24 blanks + created (ddMMMyy:hh:mm:ss)
//                       modified (16) + 64 blanks
//   2. member header:   "…MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  " (140 = namestr size)
//                       "…DSCRPTR HEADER RECORD!!!!!!!" + 30 zeros + 2 blanks
//                       "SAS     <dataset>SASDATA <version><os>" + 24 blanks + created
//                       modified + 16 blanks + dataset label (40) + dataset type (8)
//   3. variables:       "…NAMESTR HEADER RECORD!!!!!!!000000" + number of variables (4 digits) + 20 zeros + 2 blanks,
//                       then one 140-byte NAMESTR per variable (below), padded to a multiple of 80
//   4. observations:    "…OBS     HEADER RECORD!!!!!!!" + 30 zeros + 2 blanks, then the rows back to back, each
//                       variable in `length` bytes: numbers as 8-byte IBM floats, text left-aligned and blank-padded
//
// Version 5 limits (the writer refuses rather than truncates): names of at most 8 characters, labels of at most 40,
// text values of at most 200 bytes, and ASCII only (the file declares no encoding).

export type XptValue = number | string | null;

export interface XptVariable {
  name: string;
  label: string;
  type: "numeric" | "character";
}

export interface XptDatasetSpec {
  /** The member name (e.g. ADSL). */
  name: string;
  label: string;
  variables: readonly XptVariable[];
  /** The file's creation and modification time; fixed by the caller so that two builds give the same bytes. */
  created: Date;
}

/** SAS transport v5 cannot hold what the dataset holds: every problem, each naming dataset, variable and limit. */
export class XptError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`SAS transport (XPT v5) cannot hold this data; nothing was written:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "XptError";
  }
}

export const XPT_LIMITS = {name: 8, label: 40, value: 200} as const;

const RECORD = 80;
const NAMESTR = 140;
const ASCII = /^[\x20-\x7e]*$/;
const SAS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAS_VERSION = "9.4";
const SAS_OS = "NODE";

/** A SAS numeric missing value (.): the byte '.' followed by seven zeros. */
const MISSING = Buffer.from([0x2e, 0, 0, 0, 0, 0, 0, 0]);

/**
 * `value` as an IBM System/360 double: sign bit, 7-bit exponent of 16 biased by 64, 56-bit fraction 0.f with a
 * non-zero first hex digit. An IEEE double's 53-bit significand always fits (at most 3 bits are lost to the hex
 * normalisation), so the conversion is exact; numbers beyond IBM's range (about 5.4e-79 to 7.2e75) are refused.
 * null is SAS's missing value.
 */
export function ibmFloat(value: number | null): Buffer {
  if (value === null) return Buffer.from(MISSING);
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a number SAS can hold`);
  const out = Buffer.alloc(8);
  if (value === 0) return out;
  const ieee = Buffer.alloc(8);
  ieee.writeDoubleBE(value);
  const bits = ieee.readBigUInt64BE();
  const biased = Number((bits >> 52n) & 0x7ffn);
  if (biased === 0) throw new RangeError(`${value} is too small for an IBM float`);
  const significand = (bits & ((1n << 52n) - 1n)) | (1n << 52n); // 1.f × 2^52
  const power = biased - 1075; // |value| = significand × 2^power
  // |value| = fraction × 16^(exponent − 64) with fraction = F / 2^56: shift the significand left by power mod 4
  // so that the remaining power of two is a multiple of 4, a power of 16.
  const shift = ((power % 4) + 4) % 4;
  const exponent = (power - shift + 56) / 4 + 64;
  if (exponent < 0 || exponent > 127) throw new RangeError(`${value} is outside the range of an IBM float`);
  const fraction = significand << BigInt(shift); // < 2^56, first hex digit non-zero
  out.writeBigUInt64BE(fraction);
  out[0] = (value < 0 ? 0x80 : 0) | exponent;
  return out;
}

/** ASCII text in a field of `width` bytes, blank-padded (the caller has checked it fits). */
const field = (text: string, width: number) => Buffer.from(text.padEnd(width, " "), "ascii");

const header = (kind: string, numbers = "0".repeat(30)) =>
  field(`HEADER RECORD*******${kind.padEnd(8, " ")}HEADER RECORD!!!!!!!${numbers}`, RECORD);

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const two = (n: number) => String(n).padStart(2, "0");

/** SAS's datetime in headers, ddMMMyy:hh:mm:ss (UTC). */
export function sasDatetime(date: Date): string {
  return `${two(date.getUTCDate())}${MONTHS[date.getUTCMonth()]}${two(date.getUTCFullYear() % 100)}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

/** Blank-pads `bytes` to a whole number of 80-byte records. */
const padRecords = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc((RECORD - (bytes.length % RECORD)) % RECORD, " ")]);

interface Problem {
  text: string;
  rows: number;
  firstRow: number;
}

/**
 * A dataset being written: `observe` the rows (all of them, in as many batches as needed) to learn the length of
 * each text variable and every problem; then `header()`, `encode(rows)` for the same rows in the same order and
 * `end()`. Two passes, so that a table of 10^7 rows is never in memory at once.
 */
export class XptWriter {
  private readonly lengths: number[];
  private readonly problems = new Map<string, Problem>();
  private rowsSeen = 0;
  private bytesWritten = 0;

  constructor(private readonly spec: XptDatasetSpec) {
    this.lengths = spec.variables.map((variable) => (variable.type === "numeric" ? 8 : 1));
    const where = (variable?: string) => `${spec.name}${variable ? ` variable ${variable}` : ""}`;
    const checkName = (name: string, variable?: string) => {
      if (name.length > XPT_LIMITS.name) {
        this.problem(`${where(variable)}: name "${name}" is ${name.length} characters, limit ${XPT_LIMITS.name}`, 0);
      }
      if (!SAS_NAME.test(name)) this.problem(`${where(variable)}: name "${name}" is not a SAS name (letters, digits, _)`, 0);
    };
    const checkLabel = (label: string, variable?: string) => {
      if (label.length > XPT_LIMITS.label) {
        this.problem(`${where(variable)}: label "${label}" is ${label.length} characters, limit ${XPT_LIMITS.label}`, 0);
      }
      if (!ASCII.test(label)) this.problem(`${where(variable)}: label "${label}" is not ASCII, which XPT v5 requires`, 0);
    };
    checkName(spec.name);
    checkLabel(spec.label);
    for (const variable of spec.variables) {
      checkName(variable.name, variable.name);
      checkLabel(variable.label, variable.name);
    }
  }

  private problem(text: string, row: number): void {
    const seen = this.problems.get(text);
    if (seen) seen.rows++;
    else this.problems.set(text, {text, rows: 1, firstRow: row});
  }

  /** Checks a batch of rows (values in the order of the variables) and widens the text lengths to fit them. */
  observe(rows: readonly (readonly XptValue[])[]): void {
    for (const row of rows) {
      this.rowsSeen++;
      this.spec.variables.forEach((variable, i) => {
        const value = row[i] ?? null;
        const at = `${this.spec.name} variable ${variable.name}`;
        if (value === null) return;
        if (variable.type === "numeric") {
          if (typeof value !== "number") this.problem(`${at}: text value in a numeric variable`, this.rowsSeen);
          else {
            try {
              ibmFloat(value);
            } catch (error) {
              this.problem(`${at}: ${(error as Error).message}`, this.rowsSeen);
            }
          }
          return;
        }
        const text = String(value);
        const bytes = Buffer.byteLength(text, "utf8");
        if (!ASCII.test(text)) this.problem(`${at}: value is not ASCII, which XPT v5 requires`, this.rowsSeen);
        else if (bytes > XPT_LIMITS.value) {
          this.problem(`${at}: value of more than ${XPT_LIMITS.value} bytes, limit ${XPT_LIMITS.value}`, this.rowsSeen);
        } else this.lengths[i] = Math.max(this.lengths[i]!, bytes);
      });
    }
  }

  /** The text lengths learnt so far, by variable name (numbers: 8). */
  get variableLengths(): Record<string, number> {
    return Object.fromEntries(this.spec.variables.map((variable, i) => [variable.name, this.lengths[i]!]));
  }

  /** The library, member and variable headers and the observation header; throws XptError on any problem. */
  header(): Buffer {
    if (this.problems.size) {
      throw new XptError([...this.problems.values()].map(({text, rows, firstRow}) =>
        firstRow === 0 ? text : `${text} (row ${firstRow}${rows > 1 ? ` and ${rows - 1} more` : ""})`));
    }
    const {name, label, variables, created} = this.spec;
    const when = sasDatetime(created);
    const library = Buffer.concat([
      header("LIBRARY"),
      field(`SAS     SAS     SASLIB  ${SAS_VERSION.padEnd(8)}${SAS_OS.padEnd(8)}${" ".repeat(24)}${when}`, RECORD),
      field(when, RECORD),
    ]);
    const member = Buffer.concat([
      header("MEMBER", `${"0".repeat(17)}160${"0".repeat(7)}${NAMESTR}`),
      header("DSCRPTR"),
      field(`SAS     ${name.padEnd(8)}SASDATA ${SAS_VERSION.padEnd(8)}${SAS_OS.padEnd(8)}${" ".repeat(24)}${when}`, RECORD),
      field(`${when}${" ".repeat(16)}${label.padEnd(40)}${"".padEnd(8)}`, RECORD),
    ]);
    let position = 0;
    const namestrs = variables.map((variable, i) => {
      const length = this.lengths[i]!;
      const namestr = Buffer.alloc(NAMESTR); // unused fields stay binary zeros
      namestr.writeInt16BE(variable.type === "numeric" ? 1 : 2, 0); // ntype
      namestr.writeInt16BE(0, 2); // nhfun: always 0
      namestr.writeInt16BE(length, 4); // nlng
      namestr.writeInt16BE(i + 1, 6); // nvar0: variable number
      field(variable.name, 8).copy(namestr, 8); // nname
      field(variable.label, 40).copy(namestr, 16); // nlabel
      field("", 8).copy(namestr, 56); // nform: no format; nfl, nfd, nfj stay 0
      field("", 8).copy(namestr, 72); // niform: no informat; nifl, nifd stay 0
      namestr.writeInt32BE(position, 84); // npos: offset in the observation
      position += length;
      return namestr;
    });
    const namestrHeader = header("NAMESTR", `000000${String(variables.length).padStart(4, "0")}${"0".repeat(20)}`);
    return Buffer.concat([library, member, namestrHeader, padRecords(Buffer.concat(namestrs)), header("OBS")]);
  }

  /** The observations of a batch of rows, back to back. */
  encode(rows: readonly (readonly XptValue[])[]): Buffer {
    const out = Buffer.concat(rows.map((row) => Buffer.concat(this.spec.variables.map((variable, i) => {
      const value = row[i] ?? null;
      if (variable.type === "numeric") return ibmFloat(value as number | null);
      return field(value === null ? "" : String(value), this.lengths[i]!);
    }))));
    this.bytesWritten += out.length;
    return out;
  }

  /** Blanks to the end of the last record. */
  end(): Buffer {
    return Buffer.alloc((RECORD - (this.bytesWritten % RECORD)) % RECORD, " ");
  }
}

/** The whole transport file of a dataset held in memory. */
export function xpt(spec: XptDatasetSpec, rows: readonly (readonly XptValue[])[]): Buffer {
  const writer = new XptWriter(spec);
  writer.observe(rows);
  return Buffer.concat([writer.header(), writer.encode(rows), writer.end()]);
}
