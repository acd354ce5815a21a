// Tables of the report as rows of text (no DOM): Table 1 in the form of gtsummary's tbl_summary (a bold row per
// characteristic, its categories indented under it, one statistic per kind, named in a footnote) and the adverse
// event table by grade. The pages draw these rows (src/components/) and a manuscript writer (DOCX) can reuse them.
import {CATALOG} from "./catalog.js";
import {ciText, medianRange, round} from "./format.js";
import {result, type Result, type Results} from "./lookup.js";

export type Statistic = "n (%)" | "Median (range)";

export interface TableRow {
  /** What the first column says. */
  label: string;
  /** A characteristic (bold), or a category of one (indented under it). */
  level: "variable" | "level";
  indent: 0 | 1;
  /** The statistic of the value; null on a characteristic's own row when its categories carry the values. */
  statistic: Statistic | null;
  value: string | null;
  /** The result behind the value (what "How this was derived" selects). */
  id?: string;
  /** A footnote mark (ᵃ, ᵇ, …) after the label. */
  note?: string;
}

/** One characteristic of Table 1: a single result on its own row, or categories under a heading. */
type Characteristic =
  | {id: string; label?: string; continuous?: boolean; note?: string}
  | {label: string; levels: string[]; note?: string};

/** Table 1's characteristics in the paper's order, with what it leaves out that such a table carries. */
const TABLE1: Characteristic[] = [
  {id: "table1.female"},
  {id: "table1.age", label: "Age, years", continuous: true},
  {id: "table1.ps01"},
  {id: "table1.comorbidity"},
  {id: "table1.ki67", label: "Ki-67 index, %", continuous: true},
  {label: "Primary site", levels: ["table1.site.rectum", "table1.site.anus"]},
  {label: "Morphology", levels: ["table1.morph.lcnec", "table1.morph.scnec", "table1.morph.minen"]},
  {label: "Clinical T category", levels: ["table1.ct.t1", "table1.ct.t2", "table1.ct.t3", "table1.ct.t4"]},
  {label: "Clinical N category", levels: ["table1.cn.n0", "table1.cn.n1", "table1.cn.n2"]},
  {label: "Clinical stage at diagnosis", levels: ["table1.stage.la", "table1.stage.metastatic"]},
  {label: "Metastases at diagnosis", levels: ["table1.mets.liver", "table1.mets.peritoneum"]},
  {label: "Induction chemotherapy (platin)", levels: ["table1.chemo.cis_etop", "table1.chemo.carbo_etop"]},
  {id: "table1.chemo.cycles", continuous: true, note: "ᵃ"},
  {label: "Radiotherapy intent", levels: ["table1.rt.neoadjuvant", "table1.rt.definitive"]},
  {label: "Radiotherapy dose", levels: ["table1.rt.25gy5f", "table1.rt.50gy28f"]},
  {label: "Resection of the primary tumour", levels: ["table1.surgery.yes", "table1.surgery.no"]},
  {label: "Resection margin", levels: ["table1.resection.r0", "table1.resection.r1"]},
  {label: "Local treatment of liver metastases", levels: ["table1.liver.rfa", "table1.liver.resection"]},
];

/** The footnotes a Table 1 of these rows carries (marks as in `note`). */
export const TABLE1_NOTES = {
  statistics: "n (%); Median (range)",
  "ᵃ": "First-line chemotherapy: induction, concurrent, consolidation and adjuvant cycles.",
};

const nPct = (r: Result) => `${r.stats.n} (${round(r.stats.pct as number)}%)`;

/** A heading's population when it is not every patient: "Resection margin, operated patients (n = 4)". */
function heading(label: string, first: Result, cohort: number): string {
  return first.denominator === cohort ? label : `${label}, ${first.population.toLowerCase()} (n = ${first.denominator})`;
}

/** Table 1 as rows: every characteristic, in order; its size (N) is cohort.n. */
export function table1Rows(data: Results): TableRow[] {
  const cohort = result(data, "cohort.n").stats.n as number;
  return TABLE1.flatMap((item): TableRow[] => {
    if ("levels" in item) {
      const levels = item.levels.map((id) => result(data, id));
      return [
        {label: heading(item.label, levels[0]!, cohort), level: "variable", indent: 0, statistic: null, value: null, ...(item.note ? {note: item.note} : {})},
        ...levels.map((r): TableRow => ({label: r.label, level: "level", indent: 1, statistic: "n (%)", value: nPct(r), id: r.id})),
      ];
    }
    const r = result(data, item.id);
    return [{
      label: item.label ?? r.label, level: "variable", indent: 0,
      statistic: item.continuous ? "Median (range)" : "n (%)", value: item.continuous ? medianRange(r.stats) : nPct(r), id: r.id,
      ...(item.note ? {note: item.note} : {}),
    }];
  });
}

/** Every Table 1 result id, in the table's order (each must be in the catalog). */
export const TABLE1_IDS: readonly string[] = TABLE1.flatMap((item) => ("levels" in item ? item.levels : [item.id]));
for (const id of TABLE1_IDS) if (!CATALOG.some((entry) => entry.id === id)) throw new Error(`Table 1 names ${id}, not in the catalog`);

/** One cell of the adverse event table (safety.ae_by_grade rows). */
export interface AeGradeCell {
  AEDECOD: string | null;
  grade: string;
  n: number;
  pct: number;
  ci_low: number;
  ci_high: number;
}

export const AE_GRADES = ["1", "2", "3", "4", "5"] as const;

export interface AeGradeRow {
  label: string;
  level: "variable" | "level";
  indent: 0 | 1;
  /** n (%) of patients at each CTCAE grade (worst of the term), then any grade, then its exact 95% CI. */
  grades: string[];
  any: string;
  ci: string;
}

/** The adverse event table: any event first, then the terms by frequency (most patients first), then name. */
export function aeGradeRows(cells: readonly AeGradeCell[]): AeGradeRow[] {
  const terms = [...new Set(cells.map((c) => c.AEDECOD))];
  const cell = (term: string | null, grade: string) => cells.find((c) => c.AEDECOD === term && c.grade === grade)!;
  const n = (term: string | null) => cell(term, "Any").n;
  const text = (c: AeGradeCell) => `${c.n} (${round(c.pct)}%)`;
  return terms
    .sort((a, b) => (a === null ? -1 : b === null ? 1 : n(b) - n(a) || a.localeCompare(b)))
    .map((term) => {
      const any = cell(term, "Any");
      return {
        label: term ?? "Any adverse event", level: term === null ? "variable" : "level", indent: term === null ? 0 : 1,
        grades: AE_GRADES.map((g) => text(cell(term, g))), any: text(any), ci: ciText({ci_low: any.ci_low, ci_high: any.ci_high}),
      };
    });
}
