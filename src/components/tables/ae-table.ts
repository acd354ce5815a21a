// Adverse event tables: events by preferred term (safety.grade34 rows, the events behind a dose reduction or a
// discontinuation; an empty table says so), and the any-grade table by CTCAE grade (rows from the core,
// src/core/results/tables.ts, aeGradeRows).
import {AE_GRADES, type AeGradeRow} from "../../core/results/tables.js";
import {table} from "./table.js";

const HEADINGS: Record<string, string> = {
  AEDECOD: "Adverse event (preferred term)",
  AETOXGR: "Worst CTCAE grade",
  n_patients: "Patients",
  n_events: "Events",
  patient_ids: "Patient numbers"
};

const cellText = (value: unknown) => (Array.isArray(value) ? value.map((id) => `#${id}`).join(", ") : String(value ?? ""));

export function aeTable(rows: readonly Record<string, unknown>[], {caption, filename}: {caption: string; filename: string}): HTMLElement {
  const keys = rows.length ? Object.keys(rows[0]!) : ["AEDECOD", "n_patients", "n_events"];
  return table<Record<string, unknown>>({
    caption,
    columns: keys.map((key, i) => ({
      label: HEADINGS[key] ?? key,
      value: (row) => cellText(row[key]),
      rowHeader: i === 0,
      numeric: typeof rows[0]?.[key] === "number"
    })),
    rows: [...rows],
    empty: "None observed",
    filename
  });
}

/** Term × grade: n (%) of patients at the worst grade of each term, any grade with its exact 95% CI. */
export function aeGradeTable(rows: readonly AeGradeRow[], {caption, footnotes, filename}: {caption: string; footnotes: string[]; filename: string}): HTMLElement {
  return table<AeGradeRow>({
    caption,
    columns: [
      {label: "Adverse event (preferred term)", value: (row) => row.label, rowHeader: true},
      ...AE_GRADES.map((grade, i) => ({label: `Grade ${grade}`, value: (row: AeGradeRow) => row.grades[i]!, numeric: true})),
      {label: "Any grade", value: (row) => row.any, numeric: true},
      {label: "95% CI (exact)", value: (row) => row.ci, numeric: true}
    ],
    rows: [...rows],
    footnotes,
    empty: "None observed",
    filename,
    html: true,
    rowAttributes: (row) => ({class: `row-${row.level}`})
  });
}
