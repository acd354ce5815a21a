// Tables for /versions: the releases, and each headline result per release with its change.
import type {HeadlineChange} from "../core/release/headline.js";
import {tableElement} from "./table.js";

export interface VersionRow {
  version: string;
  cutoff: string;
  commit: string;
  reconstructed: boolean;
  n_patients: number | null;
  changes: HeadlineChange[];
}

/** A table of rows given as cells, the first naming the row. */
function table(caption: string, head: string[], rows: string[][], filename: string): HTMLTableElement {
  return tableElement({caption, columns: head.map((label, i) => ({label, value: (row: string[]) => row[i]!, rowHeader: i === 0})),
    rows, filename});
}

export function versionsTable(versions: VersionRow[]): HTMLElement {
  if (!versions.length) {
    const p = document.createElement("p");
    p.textContent = "No release has been recorded yet.";
    return p;
  }
  return table(
    "Releases of this report",
    ["Version", "Data cut-off", "Patients", "Code commit", "Data"],
    versions.map((v) => [v.version, v.cutoff, String(v.n_patients ?? "—"), v.commit.slice(0, 12), v.reconstructed ? "reconstructed" : "study cohort"]),
    "releases"
  );
}

export function headlineHistory(versions: VersionRow[]): HTMLElement {
  const ids = versions.at(-1)?.changes.map((c) => c.id) ?? [];
  const rows = ids.map((id) => {
    const label = versions.at(-1)!.changes.find((c) => c.id === id)!.label;
    return [
      label,
      ...versions.map((v, i) => {
        const c = v.changes.find((c) => c.id === id);
        if (!c) return "—";
        if (i === 0 || !c.changed) return c.after ?? "—";
        return `${c.after ?? "—"} (was ${c.before ?? "—"})`;
      })
    ];
  });
  return table("Headline results by release", ["Result", ...versions.map((v) => `${v.version} (cut-off ${v.cutoff})`)], rows,
    "headline-history");
}
