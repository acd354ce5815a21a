// What the report says about itself on every page and in every exported figure: the reconstructed-data notice and
// the source line. Written once here; the site's header and footer (observablehq.config.ts) and the exports
// (src/components/page/identity.ts) take them from here.

/** Shown on every page, and under every exported figure, when study.json says the cohort is reconstructed. */
export const RECONSTRUCTED_NOTICE =
  "Reconstructed data. The individual patient data of the study are not public. This report runs on a reconstructed " +
  "cohort built to reproduce the aggregates the paper published; no row describes a real person.";

/** The publication the report reanalyses. */
export const SOURCE = "Reanalysis of Fløe, Aggerholm-Pedersen & Tabaksblat, J Cancer Res Clin Oncol 2024 (CC BY 4.0)";

/** What every page knows of the report's identity (in its head, as JSON), for the exports. */
export interface ReportIdentity {
  title: string;
  version: string;
  cutoff: string;
  reconstructed: boolean;
  commit: string;
  notice: string | null;
  source: string;
}
