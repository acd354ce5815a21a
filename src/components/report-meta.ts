// What a reader must know about the report before any number: its version, the data cut-off,
// and whether it runs on reconstructed data.
import type {Report} from "../core/results/types.js";

export function reportMeta(report: Report): HTMLElement {
  const dl = document.createElement("dl");
  dl.className = "report-meta";
  const entries: [string, string][] = [
    ["Report version", report.version],
    ["Data cut-off", report.cutoff],
    ["Patients", String(report.n_patients)],
    ["Data fingerprint (SHA-256)", report.data_sha256_all.slice(0, 16) + "…"]
  ];
  for (const [term, value] of entries) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (term.startsWith("Data fingerprint")) dd.title = report.data_sha256_all;
    dl.append(dt, dd);
  }
  return dl;
}

/** The reconstructed-data notice, or nothing when the report runs on the study's own data. */
export function reconstructedNotice(report: Report): HTMLElement | string {
  if (!report.reconstructed) return "";
  const note = document.createElement("div");
  note.className = "notice";
  note.setAttribute("role", "note");
  const strong = document.createElement("strong");
  strong.textContent = "Reconstructed data.";
  note.append(
    strong,
    ` The individual patient data of the study are not public. This report runs on a reconstructed cohort of ${report.n_patients} ` +
      "patients built to reproduce the aggregates the paper published; no row describes a real person."
  );
  return note;
}
