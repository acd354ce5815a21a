// validateCohort(dir): the one validation every entry point runs before any analysis.
// It reads every file of a cohort directory, checks each row against its schema and then
// the rules across rows and files, and reports every problem at once, located.
import {stat} from "node:fs/promises";
import {join} from "node:path";
import {CSV_RULES, emptyReport, readCsv} from "./csv.js";
import {CohortError, sortProblems, type Problem} from "./problem.js";
import {checkRules, CROSS_RULES} from "./rules.js";
import {parseUsubjid, ROW_RULES, SCHEMAS, type FileSchema} from "./schema.js";
import {readStudy, STUDY_FILE, STUDY_KEYS, STUDY_RULES} from "./study.js";
import type {Cohort, Located} from "./types.js";

export {CohortError, formatProblem, type Problem} from "./problem.js";
export type * from "./types.js";

export interface FileSummary {
  file: string;
  /** Data rows read (header excluded); 0 for study.json. */
  rows: number;
  /** SHA-256 of the file's bytes; empty if the file could not be read to its end. */
  sha256: string;
  bytes: number;
}

export interface ValidationResult {
  /** Present only when there are no problems. */
  cohort?: Cohort;
  /** Sorted by file, then line, then column. */
  problems: Problem[];
  summary: {files: FileSummary[]; rules: string[]};
}

/** Every rule name with what it requires (docs/data-dictionary.md lists the same). */
export const RULES: Readonly<Record<string, string>> = {
  "missing-directory": "the cohort directory exists",
  ...CSV_RULES,
  "no-rows": "patients.csv, treatments.csv, assessments.csv and events.csv hold at least one row",
  ...STUDY_RULES,
  ...ROW_RULES,
  ...CROSS_RULES
};

const COLUMN_ORDER: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.values(SCHEMAS).map((s) => [s.file, s.columns])),
  [STUDY_FILE]: STUDY_KEYS
};

interface Table<Row> {
  rows: Located<Row>[];
  subjects: Located<number>[];
  incomplete: number[];
  problems: Problem[];
  structural: boolean;
  summary: FileSummary;
}

async function readTable<Row>(dir: string, schema: FileSchema<Row>): Promise<Table<Row>> {
  const report = emptyReport();
  const table: Table<Row> = {
    rows: [],
    subjects: [],
    incomplete: [],
    problems: [],
    structural: false,
    summary: {file: schema.file, rows: 0, sha256: "", bytes: 0}
  };
  for await (const batch of readCsv(join(dir, schema.file), schema.file, schema.columns, report)) {
    for (const {line, values} of batch) {
      const id = parseUsubjid(values.USUBJID);
      if (id !== undefined) table.subjects.push({line, row: id});
      const parsed = schema.parse(values, line);
      if (parsed.row) {
        table.rows.push({line, row: parsed.row});
      } else {
        table.problems.push(...parsed.problems);
        if (id !== undefined) table.incomplete.push(id);
      }
    }
  }
  if (report.problems.length === 0 && report.rows < schema.minRows) {
    report.problems.push({
      file: schema.file,
      rule: "no-rows",
      message: `${schema.file} needs at least ${schema.minRows} data row`
    });
  }
  table.structural = report.problems.length > 0;
  table.problems.push(...report.problems);
  table.summary = {file: schema.file, rows: report.rows, sha256: report.sha256, bytes: report.bytes};
  return table;
}

export async function validateCohort(dir: string): Promise<ValidationResult> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    const problem = {file: dir, rule: "missing-directory", message: "the cohort directory does not exist"};
    return {problems: [problem], summary: {files: [], rules: ["missing-directory"]}};
  }
  const [study, patients, metastases, treatments, assessments, events, adverse_events] = await Promise.all([
    readStudy(join(dir, STUDY_FILE)),
    readTable(dir, SCHEMAS.patients),
    readTable(dir, SCHEMAS.metastases),
    readTable(dir, SCHEMAS.treatments),
    readTable(dir, SCHEMAS.assessments),
    readTable(dir, SCHEMAS.events),
    readTable(dir, SCHEMAS.adverse_events)
  ]);
  const tables = [patients, metastases, treatments, assessments, events, adverse_events];
  const problems = [...study.problems, ...tables.flatMap((t) => t.problems)];
  const rules = [...Object.keys(CSV_RULES), "no-rows", ...Object.keys(STUDY_RULES), ...Object.keys(ROW_RULES)];
  // Rules across files need every file readable: a missing file or column would make
  // every patient break them, burying the one real problem.
  if (study.study && !tables.some((t) => t.structural)) {
    problems.push(
      ...checkRules({
        study: study.study,
        patients: patients.rows,
        metastases: metastases.rows,
        treatments: treatments.rows,
        assessments: assessments.rows,
        events: events.rows,
        adverse_events: adverse_events.rows,
        subjects: Object.fromEntries(tables.map((t) => [t.summary.file, t.subjects])),
        incomplete: new Set(tables.flatMap((t) => t.incomplete))
      })
    );
    rules.push(...Object.keys(CROSS_RULES));
  }
  const summary = {
    files: [...tables.map((t) => t.summary), {file: STUDY_FILE, rows: 0, sha256: study.sha256, bytes: study.bytes}],
    rules
  };
  if (problems.length > 0 || !study.study) return {problems: sortProblems(problems, COLUMN_ORDER), summary};
  const rows = <T>(table: Table<T>) => table.rows.map((located) => located.row);
  const cohort: Cohort = {
    study: study.study,
    patients: rows(patients),
    metastases: rows(metastases),
    treatments: rows(treatments),
    assessments: rows(assessments),
    events: rows(events),
    adverse_events: rows(adverse_events)
  };
  return {cohort, problems: [], summary};
}

/** The validated cohort; throws CohortError (carrying every problem) if it does not validate. */
export async function loadCohort(dir: string): Promise<Cohort> {
  const {cohort, problems} = await validateCohort(dir);
  if (!cohort) throw new CohortError(dir, problems);
  return cohort;
}
