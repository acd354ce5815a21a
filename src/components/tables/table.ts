// Accessible tables: a <caption>, column headers with scope="col", a row header with
// scope="row" per row, optional row groups (sections) with scope="rowgroup", footnotes in
// <tfoot>, and downloads of what the table shows as CSV (and as HTML to paste in a manuscript).
import {csvButton, downloadBar, downloadButton} from "../page/download.js";
import {tableHtml} from "./table-html.js";

export interface Column<Row> {
  label: string;
  value: (row: Row) => string | number;
  /** The column that names the row (a <th scope="row">). */
  rowHeader?: boolean;
  numeric?: boolean;
}

export interface TableSpec<Row> {
  caption: string;
  columns: Column<Row>[];
  /** Rows, or rows in named sections (each a <tbody> under a rowgroup header). */
  rows?: Row[];
  groups?: {name: string; rows: Row[]}[];
  footnotes?: string[];
  /** What an empty table says instead of nothing. */
  empty?: string;
  /** Download base name (no extension). */
  filename: string;
  /** Also offer the table as a standalone HTML file that pastes into a word processor. */
  html?: boolean;
  /** A key per row, set as data-key on its <tr> (what a derivation selects). */
  rowKey?: (row: Row) => string;
  /** More attributes of a row's <tr> (the lineage marks its counted patients: aria-selected, class). */
  rowAttributes?: (row: Row) => Record<string, string>;
}

function cell(tag: "th" | "td", text: string | number, attrs: Record<string, string> = {}): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = String(text);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  return element;
}

function bodyRow<Row>(row: Row, spec: TableSpec<Row>): HTMLTableRowElement {
  const tr = document.createElement("tr");
  if (spec.rowKey) tr.dataset.key = spec.rowKey(row);
  for (const [name, value] of Object.entries(spec.rowAttributes?.(row) ?? {})) tr.setAttribute(name, value);
  for (const column of spec.columns) {
    const attrs: Record<string, string> = column.numeric ? {class: "num"} : {};
    tr.append(column.rowHeader ? cell("th", column.value(row), {...attrs, scope: "row"}) : cell("td", column.value(row), attrs));
  }
  return tr;
}

/** The table element alone (what the HTML download contains). */
export function tableElement<Row>(spec: TableSpec<Row>): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "report-table";
  const caption = document.createElement("caption");
  caption.textContent = spec.caption;
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const column of spec.columns) headRow.append(cell("th", column.label, column.numeric ? {scope: "col", class: "num"} : {scope: "col"}));
  head.append(headRow);
  table.append(caption, head);
  const groups = spec.groups ?? [{name: "", rows: spec.rows ?? []}];
  const total = groups.reduce((sum, group) => sum + group.rows.length, 0);
  if (total === 0) {
    const body = document.createElement("tbody");
    const tr = document.createElement("tr");
    tr.append(cell("td", spec.empty ?? "No rows", {colspan: String(spec.columns.length), class: "empty"}));
    body.append(tr);
    table.append(body);
  }
  for (const group of total ? groups : []) {
    const body = document.createElement("tbody");
    if (group.name) {
      const tr = document.createElement("tr");
      tr.append(cell("th", group.name, {scope: "rowgroup", colspan: String(spec.columns.length), class: "section"}));
      body.append(tr);
    }
    for (const row of group.rows) body.append(bodyRow(row, spec));
    table.append(body);
  }
  if (spec.footnotes?.length) {
    const foot = document.createElement("tfoot");
    for (const note of spec.footnotes) {
      const tr = document.createElement("tr");
      tr.append(cell("td", note, {colspan: String(spec.columns.length)}));
      foot.append(tr);
    }
    table.append(foot);
  }
  return table;
}

/** What the table shows, as CSV rows (a "Section" column when the table has sections). */
export function tableRows<Row>(spec: TableSpec<Row>): Record<string, string | number>[] {
  const groups = spec.groups ?? [{name: "", rows: spec.rows ?? []}];
  return groups.flatMap((group) =>
    group.rows.map((row) => ({
      ...(spec.groups ? {Section: group.name} : {}),
      ...Object.fromEntries(spec.columns.map((column) => [column.label, column.value(row)]))
    }))
  );
}

/**
 * A box that scrolls sideways around a table wider than the page (a phone), so the page itself does not; reachable
 * by keyboard and named, as a scrolling region must be (WCAG 2.1.1).
 */
export function scrollRegion(content: HTMLElement, label: string): HTMLElement {
  const region = document.createElement("div");
  region.className = "table-scroll";
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", label);
  region.append(content);
  return region;
}

/** The table with its download buttons. */
export function table<Row>(spec: TableSpec<Row>): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "report-table-wrapper";
  const element = tableElement(spec);
  const scroller = scrollRegion(element, spec.caption);
  const buttons = [csvButton(tableRows(spec), `${spec.filename}.csv`, spec.groups ? ["Section", ...spec.columns.map((c) => c.label)] : spec.columns.map((c) => c.label))];
  if (spec.html) {
    buttons.push(downloadButton("HTML", `${spec.filename}.html`, () => new Blob([tableHtml(element, spec.caption)], {type: "text/html;charset=utf-8"})));
  }
  wrapper.append(scroller, downloadBar(...buttons));
  return wrapper;
}
