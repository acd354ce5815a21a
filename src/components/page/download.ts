// Download buttons: a file is made only when the reader asks, from data on the page or fetched on the click.
import {csvFormat} from "d3-dsv";
import {spreadsheetCell} from "../../core/spreadsheet.js";
import {versioned} from "./identity.js";

/** Saves a blob under `filename` through a temporary link. */
export function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A button that saves the blob `make` returns as `filename`. */
export function downloadButton(label: string, filename: string, make: () => Blob | Promise<Blob>): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "download";
  button.textContent = label;
  button.title = `Download ${filename}`;
  button.addEventListener("click", async () => save(await make(), filename));
  return button;
}

/** A row of download buttons (hidden in print). */
export function downloadBar(...buttons: HTMLElement[]): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "downloads";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Downloads");
  bar.append(...buttons);
  return bar;
}

/** One value as a CSV cell: arrays (patient ids) joined with spaces so a cell stays one value, text made inert. */
function csvCell(value: unknown): string {
  if (value == null) return "";
  if (Array.isArray(value)) return value.join(" ");
  return typeof value === "string" ? spreadsheetCell(value) : String(value);
}

/** Rows as CSV text a spreadsheet opens without running any cell as a formula (src/core/spreadsheet.ts). */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: string[]): string {
  const flat = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, csvCell(value)])));
  return csvFormat(flat, columns ?? (rows.length ? Object.keys(rows[0]!) : [])) + "\n";
}

/**
 * `rows` may be a loader: rows the page does not hold (a thinned figure's full table) are fetched on the click. The
 * file name carries the report version (`table-1-v1.0.0.csv`): data from two releases never share a name.
 */
export function csvButton(rows: readonly Record<string, unknown>[] | (() => Promise<readonly Record<string, unknown>[]>), filename: string, columns?: string[]): HTMLButtonElement {
  return downloadButton("CSV", versioned(filename), async () => new Blob([toCsv(typeof rows === "function" ? await rows() : rows, columns)], {type: "text/csv;charset=utf-8"}));
}
