// The SQL the build runs, shipped to the reader as the exact text of each file (src/data/sql-files.json.ts): one
// shipment for the "How this was derived" disclosures and the browser re-run, so both show and run the same bytes.
// Each file says its role and what it depends on (the files whose macros it calls, the ADaM tables it reads), so a
// derivation can show the macro library and the ADaM derivation behind an analysis file.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {ROOT} from "./engine.js";
import {ADAM_FILES, ADAM_TABLES, ANALYSIS_FILES, LIBRARY_FILES, LINEAGE_FILE, PUBLISHED_LOAD_FILE} from "./sql-catalog.js";

/** adam: derives an ADaM table; library: defines macros; analysis: derives results; lineage: result populations;
 * published: reads the published ADaM datasets back (the browser re-run starts from it). */
export type SqlRole = "adam" | "library" | "analysis" | "lineage" | "published";

/** One SQL file the build runs, as shipped to the reader. */
export interface SqlFile {
  path: string;
  role: SqlRole;
  sha256: string;
  text: string;
  /** Files defining macros this file calls (src/sql/lib/…, src/sql/adam/day1.sql). */
  macros: string[];
  /** ADaM tables this file reads, each derived by src/sql/adam/<table>.sql. */
  tables: string[];
}

/** The shipped files by role, each role in the order the build runs it. */
const SHIPPED: readonly (readonly [SqlRole, readonly string[]])[] = [
  ["adam", ADAM_FILES],
  ["library", LIBRARY_FILES],
  ["analysis", ANALYSIS_FILES],
  ["lineage", [LINEAGE_FILE]],
  ["published", [PUBLISHED_LOAD_FILE]]
];

/** SQL text without its comments and string literals, so that names in prose are not taken for calls. */
function code(text: string): string {
  return text.replace(/--[^\n]*|'(?:[^']|'')*'/g, " ");
}

/** Reads the shipped files and links each to the macros and tables it uses. */
export function sqlFiles(): SqlFile[] {
  const texts = SHIPPED.flatMap(([role, paths]) => paths.map((path) => ({path, role, text: readFileSync(resolve(ROOT, path), "utf8")})));
  const definedIn = new Map<string, string>();
  for (const {path, text} of texts) {
    for (const match of code(text).matchAll(/CREATE\s+OR\s+REPLACE\s+MACRO\s+(\w+)\s*\(/gi)) definedIn.set(match[1]!.toLowerCase(), path);
  }
  return texts.map(({path, role, text}) => {
    const body = code(text);
    const macros = new Set<string>();
    for (const match of body.matchAll(/\b(\w+)\s*\(/g)) {
      const file = definedIn.get(match[1]!.toLowerCase());
      if (file && file !== path) macros.add(file);
    }
    const created = new Set([...body.matchAll(/CREATE\s+OR\s+REPLACE\s+TABLE\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase()));
    const tables = ADAM_TABLES.filter((table) => !created.has(table) && new RegExp(`\\b${table}\\b`).test(body));
    return {path, role, sha256: createHash("sha256").update(text).digest("hex"), text, macros: [...macros].sort(), tables};
  });
}
