// The analysis-dataset rows behind a derivation: the ADaM rows of the population's patients (ADSL, or ADRS/ADTTE
// rows of one PARAMCD, or ADAE), restricted to the variables the result reads, with the counted patients' rows
// highlighted (class lineage-hit, aria-selected="true").
import {csvParse, type DSVRowString} from "d3-dsv";
import type {LineageEntry} from "../../core/lineage/types.js";
import {plainCell} from "../../core/spreadsheet.js";
import {tableElement} from "../tables/table.js";

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
  const name = entry.dataset.toUpperCase() + (entry.paramcd === null ? "" : ` (PARAMCD = ${entry.paramcd})`);
  const table = tableElement<DSVRowString>({
    caption: `${name}: rows of the ${entry.denominator.length} patients of the population; the ${counted.size} counted ` +
      "are highlighted" + (shown.length < all.length ? ` (showing ${shown.length} of ${all.length} rows)` : "") +
      (entry.dataset === "adae" ? ". Patients without an adverse event have no row." : "."),
    // Text as it was before the CSV made it safe for spreadsheets (src/core/spreadsheet.ts).
    columns: columns.map((column, i) => ({label: column, value: (row) => plainCell(row[column] ?? ""), rowHeader: i === 0})),
    rows: shown,
    filename: `lineage-${entry.dataset}`,
    rowAttributes: (row) => {
      const hit = counted.has(Number(row.USUBJID));
      return {"data-usubjid": row.USUBJID!, "aria-selected": String(hit), ...(hit ? {class: "lineage-hit"} : {})};
    }
  });
  table.classList.add("lineage-dataset");
  table.dataset.dataset = entry.dataset;
  const scroll = document.createElement("div");
  scroll.className = "table-scroll lineage-scroll";
  scroll.tabIndex = 0;
  scroll.append(table);
  return scroll;
}
