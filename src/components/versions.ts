// Tables for /versions: the releases, and each headline result per release with its change.
import type {HeadlineChange} from "../core/release/headline.js";

export interface VersionRow {
  version: string;
  cutoff: string;
  commit: string;
  reconstructed: boolean;
  n_patients: number | null;
  changes: HeadlineChange[];
}

function table(caption: string, head: string[], rows: (string | Node)[][], rowHeader = true): HTMLTableElement {
  const t = document.createElement("table");
  t.createCaption().textContent = caption;
  const tr = t.createTHead().insertRow();
  for (const h of head) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    tr.append(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const r = body.insertRow();
    row.forEach((value, i) => {
      const cell = document.createElement(i === 0 && rowHeader ? "th" : "td");
      if (i === 0 && rowHeader) (cell as HTMLTableCellElement).scope = "row";
      cell.append(value);
      r.append(cell);
    });
  }
  return t;
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
    versions.map((v) => [v.version, v.cutoff, String(v.n_patients ?? "—"), v.commit.slice(0, 12), v.reconstructed ? "reconstructed" : "study cohort"])
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
  return table("Headline results by release", ["Result", ...versions.map((v) => `${v.version} (cut-off ${v.cutoff})`)], rows);
}
