// /versions: which build this site is (against the release of its version), the releases, and each headline result
// per release with its change.
import type {HeadlineChange} from "../../core/release/headline.js";
import type {SiteIdentity} from "../../core/release/site.js";
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

function commitCode(commit: string): HTMLElement {
  const code = document.createElement("code");
  code.textContent = commit.slice(0, 12);
  code.title = commit;
  return code;
}

/** This site's version and commit (the footer's), and how they relate to the release recorded for that version. */
export function siteVersion(site: SiteIdentity): HTMLElement {
  const p = document.createElement("p");
  p.className = "site-version";
  p.append(`This site is report version ${site.version} (data cut-off ${site.cutoff}), built from commit `, commitCode(site.commit), ", the commit every page's footer names. ");
  const {release} = site;
  if (!release) p.append(`Version ${site.version} has not been released yet: this is a working build, not a recorded release.`);
  else if (release.same_commit) p.append(`It is release ${site.version} as recorded.`);
  else {
    p.append(`Release ${site.version} was recorded from commit `, commitCode(release.commit), ` (the table below). The site was built from another commit of the code, on ${
      release.same_data ? "the same input files as the release (same SHA-256 for each)" : "input files that differ from the release's"
    }. `, "The release is the reference: ");
    const command = document.createElement("code");
    command.textContent = `npm run verify-release -- ${site.version}`;
    p.append(command, " rebuilds it from its own commit and checks every file.");
  }
  return p;
}

export function versionsTable(versions: VersionRow[]): HTMLElement {
  if (!versions.length) {
    const p = document.createElement("p");
    p.textContent = "No release has been recorded yet.";
    return p;
  }
  return table(
    "Releases of this report",
    ["Version", "Data cut-off", "Patients", "Recorded from commit", "Data"],
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
