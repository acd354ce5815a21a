// The SQL part of a derivation: the file the build ran, highlighted, with its SHA-256, then collapsed the macros it
// calls, the ADaM derivations it reads and the population (denominator) query, each exactly as shipped.
import {type SqlFile} from "./shipped.js";
import {sqlBlock} from "./sql-highlight.js";

/** Inline code, with the full text as a tooltip when `text` is shortened. */
export function code(text: string, title?: string): HTMLElement {
  const element = document.createElement("code");
  element.textContent = text;
  if (title) element.title = title;
  return element;
}

/** A collapsed SQL file with its SHA-256, for the macros and ADaM derivations a file depends on. */
function dependency(file: SqlFile, why: string): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "derivation-dependency";
  const summary = document.createElement("summary");
  summary.append(`${why}: `, code(file.path));
  details.append(summary, sqlBlock(file.text, file.path));
  return details;
}

/** The SQL section of a derivation of a result derived by `path`. */
export function sqlSection(path: string, populationPath: string, files: SqlFile[]): HTMLElement {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const file = byPath.get(path);
  const section = document.createElement("div");
  section.className = "derivation-sql";
  if (!file) {
    section.textContent = `The SQL file ${path} is not among the files shipped with this page.`;
    return section;
  }
  const intro = document.createElement("p");
  intro.append("The SQL the build ran, ", code(file.path), " (SHA-256 ", code(file.sha256.slice(0, 16) + "…", file.sha256), "):");
  section.append(intro, sqlBlock(file.text, file.path));
  for (const macro of file.macros) if (byPath.has(macro)) section.append(dependency(byPath.get(macro)!, "Macros it calls"));
  for (const table of file.tables) {
    const adam = byPath.get(`src/sql/adam/${table}.sql`);
    if (adam) section.append(dependency(adam, `ADaM dataset ${table.toUpperCase()} it reads`));
  }
  const population = byPath.get(populationPath);
  if (population) section.append(dependency(population, "The population (denominator)"));
  return section;
}
