// Table 1 and the safety tables as Word documents (table-1.docx, safety.docx): the values are the results' display
// strings, as the pages show them; labels, sections and statistics come from the catalog (src/core/results/).
import {result, type Result} from "../results/lookup.js";
import type {ResultsDataset} from "../results/types.js";
import {docx, type DocxDocument, type DocxRow, type DocxTable} from "./docx.js";

const ALL = "All patients";

/** What every document says under its tables: the version of the report and of the data, and the notice. */
function frame(data: ResultsDataset, title: string, tables: DocxTable[]): DocxDocument {
  const {report} = data;
  return {
    title, tables, date: report.cutoff,
    source: `Source: ${report.title}. Report version ${report.version}, data cut-off ${report.cutoff}, ` +
      `data SHA-256 ${report.data_sha256_all.slice(0, 16)}…; values from the report's results dataset.`,
    notice: report.reconstructed
      ? `Computed on a reconstructed cohort of ${report.n_patients} patients that reproduces the aggregates the paper ` +
        "published, not on the study's patient data."
      : undefined,
  };
}

/** The statistics named once each, in order: the header's footnote ("n (%); mean (range)"). */
const statistics = (results: readonly Result[]) => [...new Set(results.map((r) => r.method))].join("; ");

/** A note for the results counted in a population other than all patients, with its size. */
function denominators(results: readonly Result[]): string[] {
  const populations = [...new Set(results.filter((r) => r.population !== ALL).map((r) => r.population))];
  return populations.map((population) => {
    const counted = results.filter((r) => r.population === population);
    return `${counted.map((r) => r.label).join(", ")}: of ${population.toLowerCase()} (N = ${counted[0]!.denominator}).`;
  });
}

/** Results under their section's bold label, sections in the order they first appear. */
function sectionRows(results: readonly Result[]): DocxRow[] {
  const sections = [...new Set(results.map((r) => r.section))];
  return sections.flatMap((section) => [
    {label: section, values: [""]},
    ...results.filter((r) => r.section === section).map((r) => ({label: r.label, values: [r.display ?? ""], level: true})),
  ]);
}

const populationHeader = (data: ResultsDataset) => `N = ${result(data, "cohort.n").display}`;

export function table1Docx(data: ResultsDataset): Promise<Buffer> {
  const results = data.results.filter((r) => r.id.startsWith("table1."));
  return docx(frame(data, "Table 1", [{
    title: "Table 1. Patient characteristics, pathology and treatment",
    header: ["Characteristic", populationHeader(data)],
    rows: sectionRows(results),
    statistic: statistics(results),
    notes: denominators(results),
  }]));
}

export function safetyDocx(data: ResultsDataset): Promise<Buffer> {
  const grade34 = result(data, "safety.grade34");
  const actions = [result(data, "safety.dose_reduction"), result(data, "safety.discontinuation")];
  const terms = (grade34.rows ?? []).map((row) => ({
    label: String(row.AEDECOD), values: [String(row.n_patients), String(row.n_events)], level: true,
  }));
  return docx(frame(data, "Safety", [
    {
      title: "Grade 3–4 adverse events by preferred term (CTCAE v4.0)",
      header: ["Adverse event", `Patients, ${populationHeader(data)}`, "Events"],
      rows: [{label: grade34.label, values: [grade34.display ?? "", String(grade34.stats.events)]}, ...terms],
      statistic: grade34.method,
      notes: [],
    },
    {
      title: "Action taken with study treatment because of an adverse event",
      header: ["Action", populationHeader(data)],
      rows: actions.map((r) => ({label: r.label, values: [r.display ?? ""]})),
      statistic: statistics(actions),
      notes: [],
    },
  ]));
}
