// The /data page's pieces: one published ADaM dataset as a searchable, sortable table with its CSV and Parquet
// files, and the data dictionary. Values are typed by the dictionary (the types DuckDB derived), not guessed.
import * as Inputs from "@observablehq/inputs";
import {csvParse} from "d3-dsv";
import type {DictionaryEntry} from "../../core/adam-metadata.js";
import {plainCell} from "../../core/spreadsheet.js";
import {versioned} from "../page/identity.js";

export type DatasetRow = Record<string, string | number | null>;

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * Parses a dataset's CSV; numbers for the numeric variables of the dictionary, null for empty cells, and text as it
 * was before the CSV made it safe for spreadsheets (src/core/spreadsheet.ts).
 */
export function parseDataset(text: string, dictionary: readonly DictionaryEntry[], dataset: string): DatasetRow[] {
  const numeric = new Set(dictionary.filter((e) => e.dataset === dataset && NUMERIC.test(e.type)).map((e) => e.variable));
  return csvParse(text, (row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) =>
      [key, value === "" || value === undefined ? null : numeric.has(key) ? Number(value) : plainCell(value)]))) as DatasetRow[];
}

/** Inputs.table scrolls inside its own box: make that box reachable and named for keyboard and screen readers. */
function scrollableTable(table: HTMLElement, label: string): HTMLElement {
  table.tabIndex = 0;
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", label);
  return table;
}

/** Study days, ids and sizes as written in the CSV (Inputs.table would print day 1093 as "1,093"). */
function plainNumbers(rows: readonly DatasetRow[]): Record<string, (value: unknown) => string> {
  const columns = Object.keys(rows[0] ?? {}).filter((column) => rows.some((row) => typeof row[column] === "number"));
  return Object.fromEntries(columns.map((column) => [column, (value: unknown) => (value == null ? "" : String(value))]));
}

/** Inputs.table titles each column header with the variable's code; a reader hovering it wants the label. */
function labelHeaders(table: HTMLElement, dictionary: readonly DictionaryEntry[], dataset: string): HTMLElement {
  const labels = new Map(dictionary.filter((e) => e.dataset === dataset).map((e) => [e.variable, e.label]));
  for (const th of table.querySelectorAll<HTMLElement>("thead th[title]")) {
    const label = labels.get(th.title);
    if (label) th.title = `${label} (${th.title})`;
  }
  return table;
}

/** A link that downloads `href` as `filename`. */
export function downloadLink(label: string, href: string, filename: string): HTMLAnchorElement {
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  link.textContent = label;
  link.className = "download";
  return link;
}

export interface DatasetFiles {
  parquet: string;
  /** Absent when the table is too long to publish as CSV (src/core/adam/publication.ts). */
  csv?: string;
}

/**
 * The dataset `name` (e.g. "ADSL"): a search box and a sortable table (click a column header; hover it for the
 * variable's label), the number of rows shown, and links to the CSV and Parquet files DuckDB wrote at build time.
 */
export function datasetBrowser(name: string, rows: readonly DatasetRow[], files: DatasetFiles, dictionary: readonly DictionaryEntry[]): HTMLElement {
  const root = document.createElement("section");
  root.className = "dataset";
  root.dataset.dataset = name;
  root.dataset.rows = String(rows.length);
  const search = Inputs.search(rows, {label: `Search ${name}`, placeholder: "Filter rows…"});
  const holder = document.createElement("div");
  const count = document.createElement("p");
  count.className = "dataset-count";
  count.setAttribute("aria-live", "polite");
  const render = () => {
    const shown = search.value;
    const table = Inputs.table(shown, {select: false, layout: "auto", rows: 12.5, format: plainNumbers(rows)});
    holder.replaceChildren(scrollableTable(labelHeaders(table, dictionary, name), name));
    count.textContent = `${shown.length} of ${rows.length} rows`;
  };
  search.addEventListener("input", render);
  render();
  root.append(search, count, holder, downloads(name, files));
  return root;
}

/** The download links of the dataset `name`: its CSV (if published) and Parquet. */
export function downloads(name: string, files: DatasetFiles): HTMLElement {
  const base = name.toLowerCase();
  const bar = document.createElement("div");
  bar.className = "downloads";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", `Download ${name}`);
  if (files.csv) bar.append(downloadLink("CSV", files.csv, versioned(`${base}.csv`)));
  bar.append(downloadLink("Parquet", files.parquet, versioned(`${base}.parquet`)));
  return bar;
}

/** The data dictionary of the datasets, searchable and sortable. */
export function dictionaryBrowser(dictionary: readonly DictionaryEntry[]): HTMLElement {
  const root = document.createElement("section");
  root.className = "dataset dictionary";
  const search = Inputs.search(dictionary, {label: "Search the dictionary", placeholder: "Variable, label, derivation…"});
  const holder = document.createElement("div");
  const render = () => holder.replaceChildren(scrollableTable(Inputs.table(search.value, {
    select: false,
    columns: ["dataset", "variable", "label", "type", "derivation"],
    header: {dataset: "Dataset", variable: "Variable", label: "Label", type: "Type", derivation: "Derivation"},
    layout: "auto",
    rows: 20.5,
  }), "Data dictionary"));
  search.addEventListener("input", render);
  render();
  root.append(search, holder);
  return root;
}
