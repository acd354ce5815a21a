// What a reader must know about the report before any number: its version and the data cut-off. (Whether it
// runs on reconstructed data is the banner on every page: observablehq.config.ts.)
import type {Report} from "../../core/results/types.js";

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
