// What the paper calls each result and how it shows it: label, section, population, method and display format,
// in the order of the report. The numbers come from the analysis SQL (src/sql/analysis/); this table only
// describes them. Every id here must be produced by exactly one analysis file, and every id produced must be here.
import type {Format} from "./format.js";

export interface CatalogEntry {
  id: string;
  label: string;
  section: string;
  population: string;
  method: string;
  /** null: the result is a table (rows) without a display string. */
  display: Format | null;
}

const ALL = "All patients";
const NPCT = "n (%)";
const NPCT_CI = "n (%) with exact Clopper–Pearson 95% CI";
const RISK = "at each month of the axis: patients at risk, cumulative events and censorings";

const entries = (section: string, rows: [string, string, string, string, Format | null][]): CatalogEntry[] =>
  rows.map(([id, label, population, method, display]) => ({id, label, section, population, method, display}));

export const CATALOG: readonly CatalogEntry[] = [
  ...entries("Patient characteristics", [
    ["cohort.n", "Patients included", ALL, "count", "count"],
    ["table1.female", "Female", ALL, NPCT, "n_pct"],
    ["table1.age", "Age, years", ALL, "mean (range)", "mean_range"],
    ["table1.ps01", "Performance status (ECOG) 0–1", ALL, NPCT, "n_pct"],
    ["table1.comorbidity", "Comorbidity", ALL, NPCT, "n_pct"],
    ["table1.ki67", "Ki-67 index", ALL, "mean (range)", "pct_mean_range"],
  ]),
  ...entries("Primary tumour", [
    ["table1.site.rectum", "Rectum", ALL, NPCT, "n_pct"],
    ["table1.site.anus", "Anus", ALL, NPCT, "n_pct"],
  ]),
  ...entries("Morphology", [
    ["table1.morph.lcnec", "Large cell neuroendocrine carcinoma", ALL, NPCT, "n_pct"],
    ["table1.morph.scnec", "Small cell carcinoma", ALL, NPCT, "n_pct"],
    ["table1.morph.minen", "MiNEN (mixed adenocarcinoma and NEC)", ALL, NPCT, "n_pct"],
  ]),
  ...entries("Clinical stage at diagnosis", [
    ["table1.ct.t1", "cT1", ALL, NPCT, "n_pct"],
    ["table1.ct.t2", "cT2", ALL, NPCT, "n_pct"],
    ["table1.ct.t3", "cT3", ALL, NPCT, "n_pct"],
    ["table1.ct.t4", "cT4", ALL, NPCT, "n_pct"],
    ["table1.cn.n0", "cN0", ALL, NPCT, "n_pct"],
    ["table1.cn.n1", "cN1", ALL, NPCT, "n_pct"],
    ["table1.cn.n2", "cN2", ALL, NPCT, "n_pct"],
    ["table1.stage.la", "Locally advanced (cM0)", ALL, NPCT, "n_pct"],
    ["table1.stage.metastatic", "Metastatic (cM1)", ALL, NPCT, "n_pct"],
    ["table1.mets.liver", "Liver metastases", ALL, NPCT, "n_pct"],
    ["table1.mets.peritoneum", "Peritoneal carcinomatosis", ALL, NPCT, "n_pct"],
  ]),
  ...entries("Chemotherapy", [
    ["table1.chemo.cis_etop", "Cisplatin/etoposide", ALL, NPCT, "n_pct"],
    ["table1.chemo.carbo_etop", "Carboplatin/etoposide", ALL, NPCT, "n_pct"],
    ["table1.chemo.cycles", "Chemotherapy cycles, first line", ALL, "mean", "mean_1dp"],
  ]),
  ...entries("Radiotherapy", [
    ["table1.rt.neoadjuvant", "Neoadjuvant", ALL, NPCT, "n_pct"],
    ["table1.rt.definitive", "Definitive", ALL, NPCT, "n_pct"],
    ["table1.rt.25gy5f", "Dose 25 Gy/5 fractions", ALL, NPCT, "n_pct"],
    ["table1.rt.50gy28f", "Dose 50.4 Gy/28 fractions", ALL, NPCT, "n_pct"],
  ]),
  ...entries("Surgery of the primary tumour", [
    ["table1.surgery.yes", "Resected", ALL, NPCT, "n_pct"],
    ["table1.surgery.no", "Not resected", ALL, NPCT, "n_pct"],
    ["table1.resection.r0", "R0 resection", "Operated patients", NPCT, "n_pct"],
    ["table1.resection.r1", "R1 resection", "Operated patients", NPCT, "n_pct"],
  ]),
  ...entries("Local treatment of liver metastases", [
    ["table1.liver.rfa", "Radiofrequency ablation", "Patients with liver metastases", NPCT, "n_pct"],
    ["table1.liver.resection", "Resection", "Patients with liver metastases", NPCT, "n_pct"],
  ]),
  ...entries("Tumour response", [
    ["response.bor.cr", "Complete response (CR)", ALL, "best overall response, RECIST 1.1, confirmed; n (%)", "n_pct"],
    ["response.bor.pr", "Partial response (PR)", ALL, "best overall response, RECIST 1.1, confirmed; n (%)", "n_pct"],
    ["response.bor.sd", "Stable disease (SD)", ALL, "best overall response, RECIST 1.1, confirmed; n (%)", "n_pct"],
    ["response.bor.pd", "Progressive disease (PD)", ALL, "best overall response, RECIST 1.1, confirmed; n (%)", "n_pct"],
    ["response.bor.ne", "Not evaluable (NE)", ALL, "best overall response, RECIST 1.1, confirmed; n (%)", "n_pct"],
    ["response.orr", "Objective response rate (confirmed CR + PR)", ALL,
      "% with exact Clopper–Pearson 95% CI", "pct_ci"],
    ["response.shrinkage", "Shrinkage of the primary tumour ≥ 30%", "Patients with a baseline and a post-CRT size",
      "number of patients, range of the best shrinkage before resection", "shrinkage"],
    ["response.waterfall", "Best change in size of the primary tumour", "Patients with a baseline and a post-CRT size",
      "best % change from baseline before resection", null],
    ["response.ypt0", "Complete pathological response of the primary (ypT0)", "Operated patients", "n of operated (%)",
      "n_of_pct"],
  ]),
  ...entries("Tumour control and survival", [
    ["control.lrtc", "Local–regional tumour control", ALL,
      "no locoregional failure at progression or last follow-up; n (%)", "n_pct"],
    ["tte.followup", "Follow-up", ALL, "median (range) from the start of treatment to last contact or death; " +
      "reverse Kaplan–Meier median", "months_range"],
    ["tte.os", "Overall survival", ALL, "Kaplan–Meier median (log-log 95% CI, Brookmeyer–Crowley)", "km_median"],
    ["tte.pfs", "Progression-free survival", ALL, "Kaplan–Meier median (log-log 95% CI, Brookmeyer–Crowley)",
      "km_median"],
    ["tte.dor", "Duration of response", "Confirmed responders (CR or PR)",
      "median (range) of observed durations; Kaplan–Meier median", "months_range_1dp"],
    ["tte.os.risk", "Overall survival: number at risk", ALL, RISK, null],
    ["tte.pfs.risk", "Progression-free survival: number at risk", ALL, RISK, null],
    ["tte.dor.risk", "Duration of response: number at risk", "Confirmed responders (CR or PR)", RISK, null],
  ]),
  ...entries("Safety", [
    ["safety.grade34", "Grade 3–4 adverse events (CTCAE v4.0)", ALL,
      "patients with ≥ 1 event; n (%) with exact Clopper–Pearson 95% CI",
      "none_or_n_pct"],
    ["safety.dose_reduction", "Chemotherapy dose reduced for an adverse event", ALL, NPCT_CI, "n_pct"],
    ["safety.discontinuation", "Treatment stopped for an adverse event", ALL, NPCT_CI, "n_pct"],
    ["safety.ae_by_grade", "Adverse events of any grade (CTCAE v4.0)", ALL,
      "patients at the worst grade of each term; n (%) with exact Clopper–Pearson 95% CI", "n_pct"],
  ]),
  ...entries("Swimmer plot", [
    ["swimmer.lanes", "Patients from the start of treatment to last follow-up", ALL, "study days", null],
    ["swimmer.segments", "Treatments", ALL, "study days", null],
    ["swimmer.markers", "Response, progression and death", ALL, "study days", null],
  ]),
];
