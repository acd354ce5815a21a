// Grade 3–4 adverse events by preferred term (safety.grade34 rows); an empty table says so.
import {table} from "./table.js";

const HEADINGS: Record<string, string> = {
  AEDECOD: "Adverse event (preferred term)",
  AETOXGR: "CTCAE grade",
  n_patients: "Patients",
  n_events: "Events"
};

export function aeTable(rows: readonly Record<string, unknown>[], {caption, filename}: {caption: string; filename: string}): HTMLElement {
  const keys = rows.length ? Object.keys(rows[0]!) : ["AEDECOD", "n_patients", "n_events"];
  return table<Record<string, unknown>>({
    caption,
    columns: keys.map((key, i) => ({
      label: HEADINGS[key] ?? key,
      value: (row) => String(row[key] ?? ""),
      rowHeader: i === 0,
      numeric: typeof rows[0]?.[key] === "number"
    })),
    rows: [...rows],
    empty: "None observed",
    filename
  });
}
