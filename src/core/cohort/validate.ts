// validateCohort(dir): the one validation every entry point runs before any analysis, in DuckDB so that it scales
// with the data (docs/scale.md). A clean plain file goes straight to its typed table (direct.ts). Any other file is
// read once as text (read.ts) and checked row by row while it is loaded into a typed table (the rules of schema.ts
// as SQL, rowsql.ts); only rows that break a rule are looked at again, to say which cell breaks which rule, and
// each file's key is checked (keys.ts: no row counted twice). Then the rules across rows and files
// (src/sql/validate/cross.sql). Every problem is reported at once, located. A valid cohort's typed
// tables stay in the engine for the analyses (validateInto; the build product, src/core/adam/product.ts, uses it).
import {mkdtempSync, rmSync} from "node:fs";
import {stat} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Engine} from "../engine.js";
import {CROSS_FILE} from "../sql-catalog.js";
import {CSV_RULES} from "./csv.js";
import {loadDirect} from "./direct.js";
import {keyProblems} from "./keys.js";
import {CohortError, sortProblems, type Problem} from "./problem.js";
import {dropRaw, readRaw, type FileSummary, type RawFile} from "./read.js";
import {badValues, loadChecked, rowProblems} from "./rowsql.js";
import {KEY_RULES, ROW_RULES, SCHEMAS, type FileSchema} from "./schema.js";
import {readStudy, STUDY_FILE, STUDY_KEYS, STUDY_RULES} from "./study.js";
import type {Cohort, Study} from "./types.js";

export {CohortError, formatProblem, type Problem} from "./problem.js";
export type {FileSummary} from "./read.js";
export type * from "./types.js";

export interface ValidationResult {
  /** study.json; present only when there are no problems. */
  study?: Study;
  /** Sorted by file, then line, then column. */
  problems: Problem[];
  summary: {files: FileSummary[]; rules: string[]};
}

/** Rules across rows and files (src/sql/validate/cross.sql). */
export const CROSS_RULES = {
  "known-usubjid": "every USUBJID in the other files is a patient of patients.csv",
  "episodeid-usubjid": "EPISODEID starts with the row's USUBJID",
  "one-induction": "each patient has exactly one induction chemotherapy (its start is Day 1)",
  "one-end-of-follow-up": "each patient has exactly one DEATH or LAST_CONTACT event",
  "one-baseline": "each patient has exactly one BASELINE assessment",
  "one-primary-surgery": "each patient has at most one resection of the primary tumour",
  "m1-iff-metastases": "CMSTAGE is M1 exactly when metastases.csv lists a metastasis for the patient",
  "end-after-start": "a treatment's ENDT is on or after its STDT",
  "rt-dose-per-fraction": "RTDOSE / RTFRAC is a known schedule: 1.5–5.5 Gy per fraction",
  "nothing-before-diagnosis": "no date precedes DIAGDT, except baseline imaging (part of the diagnostic work-up)",
  "on-or-after-start": "treatments, adverse events and events are on or after Day 1",
  "baseline-before-start": "baseline imaging is on or before Day 1",
  "response-after-start": "response assessments (not BASELINE) come after Day 1",
  "nothing-after-death": "no date follows the patient's death, except the death record",
  "nothing-after-last-contact": "no date follows the patient's last contact",
  "nothing-after-cutoff": "no date follows the data cutoff in study.json"
} as const;

/** Every rule name with what it requires (docs/data-dictionary.md lists the same). */
export const RULES: Readonly<Record<string, string>> = {
  "missing-directory": "the cohort directory exists",
  ...CSV_RULES,
  "no-rows": "patients.csv, treatments.csv, assessments.csv and events.csv hold at least one row",
  ...STUDY_RULES,
  ...ROW_RULES,
  ...KEY_RULES,
  ...CROSS_RULES
};

const COLUMN_ORDER: Record<string, readonly string[]> = {
  ...Object.fromEntries(SCHEMAS.map((s) => [s.file, s.columns.map((c) => c.name)])),
  [STUDY_FILE]: STUDY_KEYS
};
const RULE_ORDER = Object.keys(RULES);

/** A problem row of SQL as a Problem: a NULL column or value (a whole-row rule) is absent. */
const located = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as unknown as Problem;

/** Loads and checks one file; returns its summary and its file-level and row problems. */
async function checkFile(engine: Engine, dir: string, schema: FileSchema, scratch: string) {
  const direct = await loadDirect(engine, dir, schema);
  if (direct) return {summary: direct, problems: [], structural: false};
  // Located: every cell as text first, so that each problem can name its line, column and value.
  const raw: RawFile = await readRaw(engine, dir, schema, scratch);
  await engine.sql(badValues(schema));
  const badColumns = await engine.sql(`SELECT DISTINCT "column" FROM bad_values_${schema.stem}`);
  await engine.sql(loadChecked(schema, badColumns.map((row) => row.column as string)));
  const [{rows, bad}] = (await engine.sql(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE NOT ok) AS bad FROM cohort_${schema.stem}`)) as
    {rows: number; bad: number}[];
  const problems = [...raw.problems];
  if (bad > 0) {
    await engine.sql(`CREATE OR REPLACE TEMP TABLE bad_${schema.stem} AS
      SELECT line FROM cohort_${schema.stem} WHERE NOT ok`);
    problems.push(...((await engine.sql(rowProblems(schema, `bad_${schema.stem}`))) as unknown as Problem[]));
  }
  if (!raw.structural) problems.push(...(await engine.sql(keyProblems(schema))).map(located));
  await dropRaw(engine, schema);
  if (!raw.structural && rows < schema.minRows) {
    problems.push({file: schema.file, rule: "no-rows", message: `${schema.file} needs at least ${schema.minRows} data row`});
  }
  // A plain file's rows are counted once DuckDB has read them.
  return {summary: {...raw.summary, rows: raw.path === "duckdb" ? rows : raw.summary.rows}, problems,
    structural: raw.structural || problems.some((p) => p.rule === "no-rows")};
}

/**
 * Validates the cohort in `dir` into `engine`: on success its typed tables cohort_<file> (line, ok, columns) hold
 * every row, and VARIABLE cutoff holds the data cut-off.
 */
export async function validateInto(engine: Engine, dir: string): Promise<ValidationResult> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    const problem = {file: dir, rule: "missing-directory", message: "the cohort directory does not exist"};
    return {problems: [problem], summary: {files: [], rules: ["missing-directory"]}};
  }
  const scratch = mkdtempSync(join(tmpdir(), "cohort-"));
  try {
    const study = await readStudy(join(dir, STUDY_FILE));
    const files = [];
    for (const schema of SCHEMAS) files.push(await checkFile(engine, dir, schema, scratch));
    const problems = [...study.problems, ...files.flatMap((f) => f.problems)];
    const rules = [...Object.keys(CSV_RULES), "no-rows", ...Object.keys(STUDY_RULES), ...Object.keys(ROW_RULES),
      ...Object.keys(KEY_RULES)];
    // Rules across files need every file readable: a missing file or column would make every patient break
    // them, burying the one real problem.
    if (study.study && !files.some((f) => f.structural)) {
      await engine.sql("SET VARIABLE cutoff = CAST($cutoff AS DATE)", {cutoff: study.study.cutoff});
      problems.push(...((await engine.run(CROSS_FILE)) as unknown as Problem[]));
      rules.push(...Object.keys(CROSS_RULES));
    }
    const summary = {
      files: [...files.map((f) => f.summary), {file: STUDY_FILE, rows: 0, sha256: study.sha256, bytes: study.bytes}],
      rules
    };
    if (problems.length > 0 || !study.study) return {problems: sortProblems(problems, COLUMN_ORDER, RULE_ORDER), summary};
    return {study: study.study, problems: [], summary};
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}

/** Validates the cohort in `dir`; reports every problem. */
export async function validateCohort(dir: string): Promise<ValidationResult> {
  const engine = await Engine.open();
  try {
    return await validateInto(engine, dir);
  } finally {
    engine.close();
  }
}

/**
 * The validated cohort as JavaScript rows (for tests and small cohorts: it holds every row in memory); throws
 * CohortError (carrying every problem) if it does not validate. Dates stay ISO strings, empty cells are null.
 */
export async function loadCohort(dir: string): Promise<Cohort> {
  const engine = await Engine.open();
  try {
    const {study, problems} = await validateInto(engine, dir);
    if (!study) throw new CohortError(dir, problems);
    const rows = async (schema: FileSchema) => {
      const columns = schema.columns.map(({name, check}) =>
        check.kind === "date" ? `strftime("${name}", '%Y-%m-%d') AS "${name}"` : `"${name}"`);
      return engine.sql(`SELECT ${columns.join(", ")} FROM cohort_${schema.stem} ORDER BY line`);
    };
    const tables: Record<string, unknown> = {study};
    for (const schema of SCHEMAS) tables[schema.stem] = await rows(schema);
    return tables as unknown as Cohort;
  } finally {
    engine.close();
  }
}
