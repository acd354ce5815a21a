// The SQL the build runs, shipped to the reader as the exact text of each file (src/data/sql-files.json.ts), with
// what each file depends on: the files whose macros it calls and the ADaM tables it reads, so a derivation can show
// the macro library and the ADaM derivation behind an analysis file.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {ADAM_FILES, ADAM_TABLES, ANALYSIS_FILES, LIBRARY_FILES, ROOT} from "../engine.js";
import {LINEAGE_FILE} from "./build.js";
import type {SqlFile} from "./types.js";


export const SHIPPED_SQL = [...ADAM_FILES, ...LIBRARY_FILES, ...ANALYSIS_FILES, LINEAGE_FILE] as const;

/** SQL text without its comments and string literals, so that names in prose are not taken for calls. */
function code(text: string): string {
  return text.replace(/--[^\n]*|'(?:[^']|'')*'/g, " ");
}

/** Reads `paths` (relative to the project root) and links each to the macros and tables it uses. */
export function sqlFiles(paths: readonly string[] = SHIPPED_SQL): SqlFile[] {
  const texts = paths.map((path) => ({path, text: readFileSync(resolve(ROOT, path), "utf8")}));
  const definedIn = new Map<string, string>();
  for (const {path, text} of texts) {
    for (const match of code(text).matchAll(/CREATE\s+OR\s+REPLACE\s+MACRO\s+(\w+)\s*\(/gi)) definedIn.set(match[1]!.toLowerCase(), path);
  }
  return texts.map(({path, text}) => {
    const body = code(text);
    const macros = new Set<string>();
    for (const match of body.matchAll(/\b(\w+)\s*\(/g)) {
      const file = definedIn.get(match[1]!.toLowerCase());
      if (file && file !== path) macros.add(file);
    }
    const created = new Set([...body.matchAll(/CREATE\s+OR\s+REPLACE\s+TABLE\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase()));
    const tables = ADAM_TABLES.filter((table) => !created.has(table) && new RegExp(`\\b${table}\\b`).test(body));
    return {path, sha256: createHash("sha256").update(text).digest("hex"), text, macros: [...macros].sort(), tables};
  });
}
