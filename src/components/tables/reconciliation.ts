// The reconciliation of the paper with the data (src/core/reconcile/): a summary of the rows by status, each
// discrepancy in words, and the table of every printed number beside the recomputed one.
import type {ReconciliationRow, Status} from "../../core/reconcile/types.js";
import {table} from "./table.js";

const STATUS_LABEL: Record<Status, string> = {match: "Match", discrepancy: "Discrepancy", "not-derivable": "Not derivable"};
const STATUSES = Object.keys(STATUS_LABEL) as Status[];

/** Counts of the rows by status, every status listed (a zero included). */
export function reconciliationSummary(rows: readonly ReconciliationRow[]): HTMLElement {
  const dl = document.createElement("dl");
  dl.className = "report-meta reconciliation-summary";
  const entries: [string, number, string][] = [
    ["Printed numbers", rows.length, "all"],
    ...STATUSES.map((s): [string, number, string] => [STATUS_LABEL[s], rows.filter((r) => r.status === s).length, s])
  ];
  for (const [term, count, status] of entries) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = String(count);
    dd.dataset.status = status;
    dl.append(dt, dd);
  }
  return dl;
}

/** Each discrepancy: where the paper prints it, what it prints, what the data give and why they differ. */
export function discrepancyList(rows: readonly ReconciliationRow[]): HTMLElement {
  const found = rows.filter((r) => r.status === "discrepancy");
  if (!found.length) {
    const p = document.createElement("p");
    p.textContent = "No discrepancy: every number the data can recompute is printed as the data give it.";
    return p;
  }
  const list = document.createElement("ol");
  list.className = "discrepancies";
  for (const row of found) {
    const item = document.createElement("li");
    item.dataset.id = row.id;
    const where = document.createElement("strong");
    where.textContent = row.where;
    const id = document.createElement("code");
    id.textContent = row.id;
    item.append(where, " (", id, `). ${row.note}`);
    list.append(item);
  }
  return list;
}

/** A row's status in words; a bound that holds says which bound, not "Match". */
export function statusLabel(row: ReconciliationRow): string {
  return row.bound && row.status === "match" ? `Bound holds: ${row.bound}` : STATUS_LABEL[row.status];
}

/** A choice of status that shows only those rows of the table (the CSV keeps every row). */
function statusFilter(rows: readonly ReconciliationRow[], tableElement: HTMLElement): HTMLElement {
  const label = document.createElement("label");
  label.className = "reconciliation-filter";
  const select = document.createElement("select");
  for (const [value, text] of [["all", "All statuses"], ...STATUSES.map((s) => [s, STATUS_LABEL[s]])] as [string, string][]) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = `${text} (${value === "all" ? rows.length : rows.filter((r) => r.status === value).length})`;
    select.append(option);
  }
  select.addEventListener("change", () => {
    for (const tr of tableElement.querySelectorAll<HTMLTableRowElement>("tbody tr[data-status]")) {
      tr.hidden = select.value !== "all" && tr.dataset.status !== select.value;
    }
  });
  label.append("Show ", select);
  return label;
}

/** Every printed number, in the order of the paper, with its status, filterable by status; downloadable as CSV. */
export function reconciliationTable(rows: readonly ReconciliationRow[]): HTMLElement {
  const caption = "Every number the paper prints about its cohort, recomputed from the data";
  const element = table<ReconciliationRow>({
    caption,
    columns: [
      {label: "Id", value: (r) => r.id, rowHeader: true},
      {label: "Where", value: (r) => r.where},
      {label: "Published", value: (r) => r.published},
      {label: "Recomputed", value: (r) => r.recomputed ?? "–"},
      {label: "Status", value: statusLabel},
      {label: "Compared with", value: (r) => r.compared_with},
      {label: "Note", value: (r) => r.note}
    ],
    rows: [...rows],
    rowAttributes: (r) => ({"data-status": r.status}),
    footnotes: [
      "Published: exactly as printed. Recomputed: the same statistic from the data, printed the way the paper prints it (same words or digits, same precision, percentages rounded half away from zero).",
      "Compared with: the result of the results dataset (and its statistics, in printed order) the printed number measures.",
      "Bound holds: the paper prints a bound (\u201cafter 2 years\u201d), and the data reach it; the note gives the value."
    ],
    filename: "reconciliation"
  });
  element.classList.add("reconciliation-table");
  element.prepend(statusFilter(rows, element));
  return element;
}
