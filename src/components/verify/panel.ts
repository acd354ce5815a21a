// The /verify panel: a "Run all" button that re-derives every published result in this browser (src/components/
// rerun.ts), a table of id, published, re-derived and match, and a summary element
// <div id="verify-summary" data-matched="M" data-total="T"> with the time from the click to the last comparison.
import {rederivedText} from "./rerun-button.js";
import {publishedResults, rerunAll, type RerunSql} from "./rerun.js";
import {scrollRegion, tableElement} from "../tables/table.js";
import {compareAll, summaryText, type Comparison} from "./match.js";

/** A result as the page lists it (its slice leaves the rows out, saying how many there are). */
export interface ListedResult {
  id: string;
  source: string;
  display: string | null;
  n_rows?: number;
}

const publishedText = (result: ListedResult) => result.display ?? `${result.n_rows ?? 0} rows`;

function cell(tag: "th" | "td", text: string, attrs: Record<string, string> = {}): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  return element;
}

/** The SQL files the re-run executes, in order, with the SHA-256 of each to compare with the repository. */
export function sqlFilesTable(sql: RerunSql): HTMLElement {
  const files = [
    ...sql.load.map((file) => ({...file, role: "reads the published datasets"})),
    ...sql.library.map((file) => ({...file, role: "statistical macros"})),
    ...sql.analysis.map((file) => ({...file, role: "analysis"})),
  ];
  return scrollRegion(tableElement({
    caption: "SQL files run in your browser, in order",
    columns: [
      {label: "File", value: (f) => f.path, rowHeader: true},
      {label: "Role", value: (f) => f.role},
      {label: "SHA-256", value: (f) => f.sha256},
    ],
    rows: files,
    filename: "verify-sql-files",
  }), "SQL files run in your browser");
}

/**
 * The panel for the published results; nothing is fetched or started until "Run all" is clicked, then the results
 * are compared in full (data/results/all.json) with their re-derivations.
 */
export function verifyPanel(listed: readonly ListedResult[]): HTMLElement {
  const root = document.createElement("div");
  root.className = "verify";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Run all";
  const progress = document.createElement("output");
  progress.setAttribute("aria-live", "polite");

  const table = document.createElement("table");
  table.className = "report-table verify-table";
  const caption = document.createElement("caption");
  caption.textContent = "Each published result and its re-derivation in this browser";
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const label of ["Result", "SQL file", "Published", "Re-derived", "Match"]) headRow.append(cell("th", label, {scope: "col"}));
  head.append(headRow);
  const body = document.createElement("tbody");
  const cells = new Map<string, {rederived: HTMLTableCellElement; match: HTMLTableCellElement; row: HTMLTableRowElement}>();
  for (const result of listed) {
    const row = document.createElement("tr");
    row.dataset.id = result.id;
    const rederived = cell("td", "—");
    const match = cell("td", "not run");
    row.append(cell("th", result.id, {scope: "row"}), cell("td", result.source.replace(/^src\/sql\//, "")),
      cell("td", publishedText(result)), rederived, match);
    body.append(row);
    cells.set(result.id, {rederived, match, row});
  }
  table.append(caption, head, body);
  const scroll = scrollRegion(table, "Published and re-derived results");

  const summary = document.createElement("div");
  summary.id = "verify-summary";
  summary.setAttribute("role", "status");

  const show = (comparison: Comparison, text: string) => {
    const target = cells.get(comparison.id)!;
    target.rederived.textContent = text;
    target.match.textContent = comparison.match ? "✓ matches" : `✗ differs: ${comparison.differences.join("; ")}`;
    target.row.dataset.match = String(comparison.match);
  };

  button.addEventListener("click", async () => {
    button.disabled = true;
    summary.textContent = "";
    for (const name of ["matched", "total", "elapsedMs", "state"]) delete summary.dataset[name];
    const started = performance.now();
    progress.textContent = " Starting DuckDB-wasm…";
    try {
      const [published, rederived] = await Promise.all([publishedResults(), rerunAll((path) => (progress.textContent = ` ran ${path}`))]);
      const comparisons = compareAll(published, rederived);
      for (const comparison of comparisons) {
        const found = rederived.get(comparison.id);
        show(comparison, found ? rederivedText(found) : "—");
      }
      const ms = performance.now() - started;
      progress.textContent = "";
      summary.dataset.matched = String(comparisons.filter((c) => c.match).length);
      summary.dataset.total = String(comparisons.length);
      summary.dataset.elapsedMs = String(Math.round(ms));
      summary.dataset.state = "done";
      summary.textContent = summaryText(comparisons, ms);
    } catch (error) {
      progress.textContent = "";
      summary.dataset.state = "error";
      summary.textContent = `The re-run failed: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  const controls = document.createElement("p");
  controls.append(button, progress);
  root.append(controls, summary, scroll);
  return root;
}
