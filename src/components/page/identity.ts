// The report's identity as every page carries it (observablehq.config.ts writes it into the head), for the files
// the browser makes from a page: the version in download names, the footer lines of exported figures.
import type {ReportIdentity} from "../../core/report-text.js";

let cached: ReportIdentity | undefined;

export function reportIdentity(): ReportIdentity {
  if (cached) return cached;
  const element = document.getElementById("report-identity");
  if (!element?.textContent) throw new Error("this page has no report identity (#report-identity in its head)");
  return (cached = JSON.parse(element.textContent) as ReportIdentity);
}

/** `table-1.csv` → `table-1-v1.0.0.csv`: files from two releases never share a name. */
export function versioned(filename: string): string {
  const dot = filename.lastIndexOf(".");
  const version = `-v${reportIdentity().version}`;
  return dot > 0 ? filename.slice(0, dot) + version + filename.slice(dot) : filename + version;
}

/** The lines a clinical figure shell carries under the drawing: notice, version and cut-off, source. */
export function footerLines(): string[] {
  const id = reportIdentity();
  const page = document.querySelector("main h1")?.textContent?.trim();
  return [
    ...(id.notice ? [id.notice] : []),
    `Report version ${id.version} · data cut-off ${id.cutoff} · code commit ${id.commit.slice(0, 12)}`,
    `Source: ${id.title}${page ? `, “${page}”` : ""}. ${id.source}.`
  ];
}
