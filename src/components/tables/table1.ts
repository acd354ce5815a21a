// Table 1 as a manuscript prints it (gtsummary's tbl_summary): "Characteristic | N = 6", each characteristic bold
// with its categories indented under it, the statistics named in a footnote. The rows come from the core
// (src/core/results/tables.ts, table1Rows); this draws them.
import type {TableRow} from "../../core/results/tables.js";
import {table} from "./table.js";

export interface Table1Spec {
  caption: string;
  /** The cohort size, for the header "N = 6". */
  n: number;
  rows: TableRow[];
  /** The first names the statistics (marked ¹ on the header); the others by their mark (a, b, …), then any more. */
  footnotes: {mark: string; text: string}[];
  filename: string;
}

export function table1Table(spec: Table1Spec): HTMLElement {
  return table<TableRow>({
    caption: spec.caption,
    columns: [
      {label: "Characteristic", value: (row) => row.label + (row.note ? ` ${row.note}` : ""), rowHeader: true},
      {label: `N = ${spec.n}¹`, value: (row) => row.value ?? "", numeric: true}
    ],
    rows: spec.rows,
    footnotes: spec.footnotes.map(({mark, text}) => (mark ? `${mark} ${text}` : text)),
    filename: spec.filename,
    html: true,
    rowAttributes: (row) => ({class: `row-${row.level}`, ...(row.id ? {"data-key": row.id} : {})})
  });
}
