// study.json: what the cohort is (id, title, citation), its data cutoff, its version and
// whether it is reconstructed. Read whole (it is small) and checked with zod.
import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {z} from "zod";
import type {Problem} from "./problem.js";
import type {Study} from "./types.js";

export const STUDY_FILE = "study.json";

export const STUDY_RULES = {
  "json-syntax": "study.json is valid JSON",
  "study-shape": "study.json holds exactly study_id, title, citation, cutoff, version and reconstructed",
  semver: "version is a semantic version MAJOR.MINOR.PATCH"
} as const;

const nonEmpty = z.string().trim().min(1);
/** A real calendar date written YYYY-MM-DD (zod's ISO date; the cohort files' dates have the SQL check of schema.ts). */
const isoDate = z.iso.date();
// Keys map to the rule that governs them; the zod issue's path says which key broke it.
const KEYS = {
  study_id: {schema: nonEmpty, rule: "study-shape", message: "study_id must be a non-empty string"},
  title: {schema: nonEmpty, rule: "study-shape", message: "title must be a non-empty string"},
  citation: {schema: nonEmpty, rule: "study-shape", message: "citation must be a non-empty string"},
  cutoff: {
    schema: isoDate,
    rule: "iso-date",
    message: "cutoff must be a real calendar date written YYYY-MM-DD"
  },
  version: {
    schema: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/),
    rule: "semver",
    message: "version must be a semantic version such as 1.0.0"
  },
  reconstructed: {
    schema: z.boolean(),
    rule: "study-shape",
    message: "reconstructed must be true or false (true: no row is a real person)"
  }
} as const;
export const STUDY_KEYS = Object.keys(KEYS);
const studySchema = z.strictObject({
  study_id: KEYS.study_id.schema,
  title: KEYS.title.schema,
  citation: KEYS.citation.schema,
  cutoff: KEYS.cutoff.schema,
  version: KEYS.version.schema,
  reconstructed: KEYS.reconstructed.schema
});

export interface StudyFile {
  study?: Study;
  problems: Problem[];
  bytes: number;
  sha256: string;
}

export async function readStudy(path: string): Promise<StudyFile> {
  const file = STUDY_FILE;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return {
      problems: [{file, rule: "missing-file", message: `${file} is required in the cohort directory`}],
      bytes: 0,
      sha256: ""
    };
  }
  const result: StudyFile = {
    problems: [],
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex")
  };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    result.problems.push({file, rule: "json-syntax", message: `not valid UTF-8 JSON: ${(error as Error).message}`});
    return result;
  }
  const parsed = studySchema.safeParse(json);
  if (parsed.success) return {...result, study: parsed.data};
  const record = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        result.problems.push({
          file,
          column: key,
          rule: "study-shape",
          message: `unknown key; expected ${STUDY_KEYS.join(", ")}`
        });
      }
      continue;
    }
    const key = issue.path[0] as keyof typeof KEYS | undefined;
    if (key === undefined) {
      result.problems.push({file, rule: "study-shape", message: "study.json must hold one JSON object"});
      continue;
    }
    const value = record[key];
    result.problems.push({
      file,
      column: key,
      ...(value === undefined ? {} : {value: typeof value === "string" ? value : JSON.stringify(value)}),
      rule: value === undefined ? "required" : KEYS[key].rule,
      message: value === undefined ? `${key} is required` : KEYS[key].message
    });
  }
  return result;
}
