// Reads and checks a published-values file (types.ts). A malformed file is refused whole, with every problem
// located by file, JSON path and rule, in the format of the cohort validation (src/core/cohort/problem.ts).
import {readFileSync} from "node:fs";
import {formatProblem, type Problem} from "../cohort/problem.js";
import {numberTokens} from "./numbers.js";
import {parsePrintedDate} from "./dates.js";
import type {Kind, PublishedFile} from "./types.js";

export const DEFAULT_PUBLISHED = "data/published/floe-2024.json";

type FieldType = "string" | "number" | "boolean" | "string[]" | "rowref" | "filter" | "where";

const COMMON: Record<string, FieldType> = {id: "string", where: "where", printed: "string", kind: "string"};

/** The fields of each kind (beyond id, where, printed, kind); a trailing "?" marks an optional one. */
const KINDS: Record<Kind, Record<string, FieldType>> = {
  count: {result: "string", "stat?": "string"},
  percent: {result: "string"},
  "n (pct)": {result: "string"},
  "n of N": {result: "string"},
  "mean (range)": {result: "string"},
  "median (range)": {result: "string"},
  "range, n": {result: "string"},
  patient: {result: "string", member: "boolean"},
  schedule: {patient: "number", among: "string[]"},
  time: {row: "rowref", "since?": "rowref", unit: "string", "at_least?": "boolean"},
  "row count": {result: "string", filter: "filter"},
  "before and after": {result: "string", filter: "filter", relative_to: "filter", field: "string"},
  date: {report: "string"},
  "not-derivable": {reason: "string"}
};

/** How many numbers the printed string of each kind holds, in the order the stats are compared. */
const PRINTED_NUMBERS: Partial<Record<Kind, number>> = {
  count: 1, percent: 1, "n (pct)": 2, "n of N": 2, "mean (range)": 3, "median (range)": 3, "range, n": 3,
  patient: 1, schedule: 2, time: 1, "row count": 1, "before and after": 2
};

const UNITS = ["days", "weeks", "months", "years"];
const REPORT_KEYS = ["cutoff"];

export class PublishedFileError extends Error {
  readonly problems: readonly Problem[];
  constructor(file: string, problems: readonly Problem[]) {
    super(`${file}: malformed published-values file, ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
      problems.map(formatProblem).join("\n"));
    this.name = "PublishedFileError";
    this.problems = problems;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeOk(type: FieldType, v: unknown): boolean {
  switch (type) {
    case "string": return typeof v === "string" && v.trim() !== "";
    case "number": return typeof v === "number" && Number.isFinite(v);
    case "boolean": return typeof v === "boolean";
    case "string[]": return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x !== "");
    case "where": return isObject(v) && typeOk("string", v.section) && typeOk("string", v.quote) && Object.keys(v).length === 2;
    case "filter":
      return isObject(v) && Object.values(v).every((x) => typeof x === "string" || typeof x === "number" ||
        (isObject(x) && Object.keys(x).length === 1 && (typeOk("string", x.patient_of) || typeOk("string", x.patients_of))));
    case "rowref":
      return isObject(v) && typeOk("string", v.result) && typeOk("string", v.field) && typeOk("filter", v.filter) &&
        Object.keys(v).length === 3;
  }
}

const TYPE_TEXT: Record<FieldType, string> = {
  string: "a non-empty string", number: "a number", boolean: "true or false", "string[]": "a non-empty list of strings",
  where: "{section, quote}, both non-empty strings", filter: "an object of column → value, {patient_of: result id} or {patients_of: result id}",
  rowref: "{result, filter, field}"
};

/** Every problem of a parsed published-values file (empty when it is well formed). */
export function checkPublished(file: string, data: unknown): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, rule: string, message: string, value?: unknown) =>
    problems.push({file, column: path, rule, message, ...(value === undefined ? {} : {value: typeof value === "string" ? value : JSON.stringify(value)})});
  if (!isObject(data)) return [{file, rule: "top-level", message: "the file must hold an object {paper, scope, values}"}];
  for (const key of ["paper", "scope"]) if (!typeOk("string", data[key])) problem(key, "field-type", `${key} must be a non-empty string`, data[key]);
  if (!Array.isArray(data.values) || data.values.length === 0) {
    problem("values", "field-type", "values must be a non-empty list of published values");
    return problems;
  }
  const seen = new Map<string, number>();
  data.values.forEach((entry: unknown, i: number) => {
    const at = `values[${i}]`;
    if (!isObject(entry)) return problem(at, "field-type", "each published value must be an object");
    const kind = entry.kind as Kind;
    if (typeof kind !== "string" || !(kind in KINDS)) {
      return problem(`${at}.kind`, "kind", `kind must be one of ${Object.keys(KINDS).join(", ")}`, entry.kind);
    }
    const fields = {...COMMON, ...KINDS[kind]};
    for (const [spec, type] of Object.entries(fields)) {
      const name = spec.replace(/\?$/, "");
      if (spec.endsWith("?") && entry[name] === undefined) continue;
      if (!typeOk(type, entry[name])) problem(`${at}.${name}`, "field-type", `${name} must be ${TYPE_TEXT[type]} for kind "${kind}"`, entry[name]);
    }
    for (const name of Object.keys(entry)) {
      if (!(name in fields) && !(`${name}?` in fields)) problem(`${at}.${name}`, "unknown-field", `kind "${kind}" has no field ${name}`);
    }
    if (typeof entry.id === "string") {
      if (seen.has(entry.id)) problem(`${at}.id`, "unique-id", `id already used by values[${seen.get(entry.id)}]`, entry.id);
      else seen.set(entry.id, i);
    }
    if (typeof entry.printed !== "string") return;
    const expected = PRINTED_NUMBERS[kind];
    const found = numberTokens(entry.printed).length;
    if (expected !== undefined && found !== expected) {
      problem(`${at}.printed`, "printed-numbers", `kind "${kind}" compares ${expected} printed number${expected === 1 ? "" : "s"}, found ${found}`, entry.printed);
    }
    if (kind === "date" && parsePrintedDate(entry.printed) === null) {
      problem(`${at}.printed`, "printed-date", 'a date must read like "April 1st 2023"', entry.printed);
    }
    if (kind === "time" && !UNITS.includes(entry.unit as string)) problem(`${at}.unit`, "unit", `unit must be one of ${UNITS.join(", ")}`, entry.unit);
    if (kind === "date" && !REPORT_KEYS.includes(entry.report as string)) problem(`${at}.report`, "report-key", `report must be one of ${REPORT_KEYS.join(", ")}`, entry.report);
  });
  return problems;
}

/** The published-values file at `path`, checked; throws PublishedFileError with every problem. */
export function loadPublished(path: string = DEFAULT_PUBLISHED): PublishedFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `not valid JSON: ${(error as Error).message}`;
    throw new PublishedFileError(path, [{file: path, rule: "json", message}]);
  }
  const problems = checkPublished(path, data);
  if (problems.length) throw new PublishedFileError(path, problems);
  return data as PublishedFile;
}

