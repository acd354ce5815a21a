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
const MISSING_BYTE = 0x2e;

/**
 * The first character of a numeric variable's placeholder in a laid-out observation (XptWriter.encodeLaidOut):
 * '.' missing (SAS's own missing byte), '!' a value that is not a finite number; any other, a number.
 */
export const LAID_OUT = {missing: MISSING_BYTE, notFinite: 0x21} as const;

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Writes `value` into `out` at `offset` as an IBM System/360 double: sign bit, 7-bit exponent of 16 biased by 64,
 * 56-bit fraction 0.f with a non-zero first hex digit. An IEEE double's 53-bit significand always fits (at most 3
 * bits are lost to the hex normalisation), so the conversion is exact. null is SAS's missing value. Returns why a
 * number cannot be held (not finite; beyond IBM's range, about 5.4e-79 to 7.2e75), writing nothing, or null.
 * In 32-bit halves rather than BigInt: this runs once per number of every published dataset.
 */
export function writeIbmFloat(value: number | null, out: Buffer, offset: number): string | null {
  if (value === null) {
    out[offset] = MISSING_BYTE;
    out.fill(0, offset + 1, offset + 8);
    return null;
  }
  if (!Number.isFinite(value)) return `${value} is not a number SAS can hold`;
  if (value === 0) {
    out.fill(0, offset, offset + 8);
    return null;
  }
  scratch.setFloat64(0, value);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  if (biased === 0) return `${value} is too small for an IBM float`;
  // |value| = significand × 2^power, significand = 1.f × 2^52 in 21 + 32 bits.
  const power = biased - 1075;
  // |value| = fraction × 16^(exponent − 64) with fraction = F / 2^56: shift the significand left by power mod 4
  // so that the remaining power of two is a multiple of 4, a power of 16.
  const shift = ((power % 4) + 4) % 4;
  const exponent = (power - shift + 56) / 4 + 64;
  if (exponent < 0 || exponent > 127) return `${value} is outside the range of an IBM float`;
  const significandHigh = (high & 0xfffff) | 0x100000;
  const fractionHigh = shift ? (significandHigh << shift) | (low >>> (32 - shift)) : significandHigh; // < 2^24
  out[offset] = (value < 0 ? 0x80 : 0) | exponent;
  out[offset + 1] = fractionHigh >>> 16;
  out[offset + 2] = (fractionHigh >>> 8) & 0xff;
  out[offset + 3] = fractionHigh & 0xff;
  out.writeUInt32BE((low << shift) >>> 0, offset + 4);
  return null;
}

/** `value` as an IBM double (writeIbmFloat); throws RangeError for a number it cannot hold. */
export function ibmFloat(value: number | null): Buffer {
  const out = Buffer.alloc(8);
  const refused = writeIbmFloat(value, out, 0);
  if (refused) throw new RangeError(refused);
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

/** The length of each variable in bytes: numbers 8, text its longest value (at least 1). */
export function variableLengths(variables: readonly XptVariable[], rows: readonly (readonly XptValue[])[]): number[] {
  return variables.map((variable, i) => variable.type === "numeric" ? 8
    : rows.reduce((longest, row) => Math.max(longest, row[i] == null ? 0 : Buffer.byteLength(String(row[i]))), 1));
}

/**
 * A dataset being written in one pass: made with the length of each variable (from the data, e.g. by SQL over the
 * whole table), then `header()`, `encode(columns)` for each batch of rows and `end()`. Every value is checked as it
 * is encoded; `problems` lists what XPT v5 cannot hold (names, labels, values: each once, with its first row and
 * how many more), and a file with problems must be thrown away.
 */
export class XptWriter {
  private readonly problemsSeen = new Map<string, Problem>();
  private readonly positions: number[] = [];
  private readonly rowLength: number;
  private rowsSeen = 0;
  private bytesWritten = 0;

  constructor(private readonly spec: XptDatasetSpec, private readonly lengths: readonly number[]) {
    let position = 0;
    for (const length of lengths) {
      this.positions.push(position);
      position += length;
    }
    this.rowLength = position;
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
    const seen = this.problemsSeen.get(text);
    if (seen) seen.rows++;
    else this.problemsSeen.set(text, {text, rows: 1, firstRow: row});
  }

  /** What XPT v5 cannot hold, so far: each problem with its first row (1-based) and how many rows more. */
  get problems(): string[] {
    return [...this.problemsSeen.values()].map(({text, rows, firstRow}) =>
      firstRow === 0 ? text : `${text} (row ${firstRow}${rows > 1 ? ` and ${rows - 1} more` : ""})`);
  }

  /** The library, member and variable headers and the observation header. */
  header(): Buffer {
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
    const namestrs = variables.map((variable, i) => {
      const namestr = Buffer.alloc(NAMESTR); // unused fields stay binary zeros
      namestr.writeInt16BE(variable.type === "numeric" ? 1 : 2, 0); // ntype
      namestr.writeInt16BE(0, 2); // nhfun: always 0
      namestr.writeInt16BE(Math.min(this.lengths[i]!, 0x7fff), 4); // nlng (a longer value is a problem)
      namestr.writeInt16BE(i + 1, 6); // nvar0: variable number
      field(variable.name.slice(0, 8), 8).copy(namestr, 8); // nname
      field(variable.label.slice(0, 40), 40).copy(namestr, 16); // nlabel
      field("", 8).copy(namestr, 56); // nform: no format; nfl, nfd, nfj stay 0
      field("", 8).copy(namestr, 72); // niform: no informat; nifl, nifd stay 0
      namestr.writeInt32BE(this.positions[i]!, 84); // npos: offset in the observation
      return namestr;
    });
    const namestrHeader = header("NAMESTR", `000000${String(variables.length).padStart(4, "0")}${"0".repeat(20)}`);
    return Buffer.concat([library, member, namestrHeader, padRecords(Buffer.concat(namestrs)), header("OBS")]);
  }

  /**
   * The observations of a batch of `rowCount` rows, back to back, from its columns (one array of values per
   * variable, in the variables' order); checks each value on the way.
   */
  encode(columns: readonly (readonly XptValue[])[], rowCount: number): Buffer {
    const out = Buffer.alloc(rowCount * this.rowLength, " ");
    const first = this.rowsSeen;
    this.spec.variables.forEach((variable, i) => {
      const values = columns[i]!;
      const length = this.lengths[i]!;
      const at = `${this.spec.name} variable ${variable.name}`;
      let offset = this.positions[i]!;
      for (let row = 0; row < rowCount; row++, offset += this.rowLength) {
        const value = values[row] ?? null;
        if (variable.type === "numeric") {
          if (value !== null && typeof value !== "number") this.problem(`${at}: text value in a numeric variable`, first + row + 1);
          else {
            const refused = writeIbmFloat(value, out, offset);
            if (refused) this.problem(`${at}: ${refused}`, first + row + 1);
          }
        } else if (value !== null) {
          const text = String(value);
          if (!ASCII.test(text)) this.problem(`${at}: value is not ASCII, which XPT v5 requires`, first + row + 1);
          else if (text.length > XPT_LIMITS.value) {
            this.problem(`${at}: value of more than ${XPT_LIMITS.value} bytes, limit ${XPT_LIMITS.value}`, first + row + 1);
          } else if (text.length > length) this.problem(`${at}: value longer than its length ${length}`, first + row + 1);
          else out.write(text, offset, "latin1");
        }
      }
    });
    this.rowsSeen += rowCount;
    this.bytesWritten += out.length;
    return out;
  }

  /**
   * The observations of a batch of `rowCount` rows already laid out as text (by SQL, src/core/interchange/adam-xpt.ts):
   * `records[row]` is the row's observation, each text variable blank-padded to its length and each numeric
   * variable an 8-character placeholder (LAID_OUT: missing, not a finite number, or a number); `numbers[j]` holds
   * the values of the j-th numeric variable (any number where missing). The same bytes as `encode`, with one string
   * per row instead of one value per cell. Returns null, having encoded nothing, if a record is not printable ASCII
   * of the observation's length or holds a number that is not finite: those rows need `encode`, which names each
   * problem.
   */
  encodeLaidOut(records: readonly string[], numbers: readonly (readonly number[])[], rowCount: number): Buffer | null {
    const numeric = this.spec.variables.flatMap(({name, type}, i) => type === "numeric" ? [{name, position: this.positions[i]!}] : []);
    for (let row = 0; row < rowCount; row++) {
      const record = records[row]!;
      if (record.length !== this.rowLength || !ASCII.test(record)) return null;
      for (const {position} of numeric) if (record.charCodeAt(position) === LAID_OUT.notFinite) return null;
    }
    const out = Buffer.allocUnsafe(rowCount * this.rowLength);
    for (let row = 0; row < rowCount; row++) out.write(records[row]!, row * this.rowLength, "latin1");
    numeric.forEach(({name, position}, j) => {
      const values = numbers[j]!;
      const at = `${this.spec.name} variable ${name}`;
      for (let row = 0, offset = position; row < rowCount; row++, offset += this.rowLength) {
        const refused = writeIbmFloat(out[offset] === LAID_OUT.missing ? null : values[row]!, out, offset);
        if (refused) this.problem(`${at}: ${refused}`, this.rowsSeen + row + 1);
      }
    });
    this.rowsSeen += rowCount;
    this.bytesWritten += out.length;
    return out;
  }

  /** Blanks to the end of the last record. */
  end(): Buffer {
    return Buffer.alloc((RECORD - (this.bytesWritten % RECORD)) % RECORD, " ");
  }
}

/** The whole transport file of a dataset held in memory; throws XptError naming every problem. */
export function xpt(spec: XptDatasetSpec, rows: readonly (readonly XptValue[])[]): Buffer {
  const writer = new XptWriter(spec, variableLengths(spec.variables, rows));
  const columns = spec.variables.map((_, i) => rows.map((row) => row[i] ?? null));
  const body = writer.encode(columns, rows.length);
  if (writer.problems.length) throw new XptError(writer.problems);
  return Buffer.concat([writer.header(), body, writer.end()]);
}
