// The /data page's dataset sections without their rows: a dataset too large to show at once (a button fetches it),
// and one published as Parquet only (src/core/adam/publication.ts), which is never shown.
import {actionButton} from "../page/action-button.js";
import {downloads, type DatasetFiles} from "./datasets.js";

/** Datasets larger than this (CSV bytes) are fetched and shown only when the reader asks: a page stays under 500 kB. */
export const SHOW_AT_ONCE_BYTES = 100_000;

/**
 * The dataset `name` shown at once if its CSV (`size` bytes) is small, else its downloads and a button that fetches
 * and shows it (`show`): a large cohort's ADaM datasets are megabytes.
 */
export async function datasetOnRequest(name: string, size: number, files: DatasetFiles, show: () => Promise<HTMLElement>): Promise<HTMLElement> {
  if (size <= SHOW_AT_ONCE_BYTES) return show();
  const root = document.createElement("section");
  root.className = "dataset dataset-on-request";
  root.dataset.dataset = name;
  const {button, status} = actionButton(`Show ${name} (${(size / 1e6).toFixed(1)} MB)`, async (status) => {
    status.textContent = " Loading…";
    root.replaceWith(await show());
  }, (message) => `Could not load ${name}: ${message}`);
  const controls = document.createElement("p");
  controls.append(button, status);
  root.append(controls, downloads(name, files));
  return root;
}

/**
 * The dataset `name` of `rows` rows, too long to publish as CSV (more than `textRows`): says so, and links its Parquet
 * file (which R's arrow, pandas and DuckDB read; `npm run datasets` writes the CSV and XPT at any size).
 */
export function datasetParquetOnly(name: string, rows: number, textRows: number, files: DatasetFiles): HTMLElement {
  const root = document.createElement("section");
  root.className = "dataset dataset-parquet-only";
  root.dataset.dataset = name;
  root.dataset.rows = String(rows);
  const note = document.createElement("p");
  note.className = "dataset-count";
  note.textContent = `${name} has ${rows.toLocaleString("en-US")} rows, more than the ${textRows.toLocaleString("en-US")} a ` +
    "spreadsheet opens: the site publishes it as Parquet only, neither shown here nor as CSV or XPT. " +
    "npm run datasets writes every format from the same cohort.";
  root.append(note, downloads(name, files));
  return root;
}
