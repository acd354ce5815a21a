// The analysis-dataset rows behind a derivation: the ADaM rows of the population's patients (ADSL, or ADRS/ADTTE
// rows of one PARAMCD, or ADAE), restricted to the variables the result reads, with the counted patients' rows
// highlighted (class lineage-hit, aria-selected="true").
import {csvParse} from "d3-dsv";
import type {LineageEntry} from "../core/lineage/types.js";

/** Rows drawn at most; counted patients' rows come first when the population is larger. */
export const MAX_ROWS = 200;

export function lineageTable(csv: string, entry: LineageEntry, numerator: readonly number[]): HTMLElement {
  const counted = new Set(numerator);
  const population = new Set(entry.denominator);
  const all = csvParse(csv).filter((row) => population.has(Number(row.USUBJID)) && (entry.paramcd === null || row.PARAMCD === entry.paramcd));
  all.sort((a, b) => Number(a.USUBJID) - Number(b.USUBJID));
  const hits = all.filter((row) => counted.has(Number(row.USUBJID)));
  const shown = all.length <= MAX_ROWS ? all : [...hits, ...all.filter((row) => !counted.has(Number(row.USUBJID)))].slice(0, MAX_ROWS);
  const columns = ["USUBJID", ...(entry.paramcd === null ? [] : ["PARAMCD"]), ...entry.variables.filter((v) => v !== "PARAMCD")];
  const table = document.createElement("table");
  table.className = "lineage-dataset";
  table.dataset.dataset = entry.dataset;
  const name = entry.dataset.toUpperCase() + (entry.paramcd === null ? "" : ` (PARAMCD = ${entry.paramcd})`);
  table.createCaption().textContent =
    `${name}: rows of the ${entry.denominator.length} patients of the population; the ${counted.size} counted are highlighted` +
    (shown.length < all.length ? ` (showing ${shown.length} of ${all.length} rows)` : "") +
    (entry.dataset === "adae" ? ". Patients without an adverse event have no row." : ".");
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of shown) {
    const tr = body.insertRow();
    const hit = counted.has(Number(row.USUBJID));
    tr.dataset.usubjid = row.USUBJID!;
    tr.setAttribute("aria-selected", String(hit));
    if (hit) tr.className = "lineage-hit";
    columns.forEach((column, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) (cell as HTMLTableCellElement).scope = "row";
      cell.textContent = row[column] ?? "";
      tr.append(cell);
    });
  }
  if (!shown.length) {
    const td = body.insertRow().insertCell();
    td.colSpan = columns.length;
    td.textContent = "No rows";
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll lineage-scroll";
  scroll.tabIndex = 0;
  scroll.append(table);
  return scroll;
}
