// What a derivation shows for one item (a result, or one patient of a figure's rows): the facts (id, population,
// method, counted and population patients, source, QC and its verdict, input SHA-256), the re-run button, the SQL
// section and the analysis-dataset rows with the counted patients highlighted.
import type {Lineage, LineageEntry} from "../../core/lineage/types.js";
import type {Result} from "../../core/results/lookup.js";
import type {KMRow} from "../../core/results/rows.js";
import type {Report} from "../../core/results/types.js";
import {patientList} from "../page/text.js";
import {adamCsv, lineage, shippedSql, type SqlFile} from "./shipped.js";
import {code, sqlSection} from "./sql-section.js";

export interface DerivationItem {
  result: Result;
  /** One patient of the result's rows (a waterfall bar, a swimmer lane): the derivation of that mark. */
  patient?: number;
}

export const itemKey = (item: DerivationItem) => (item.patient === undefined ? item.result.id : `${item.result.id}#${item.patient}`);

export const itemName = (item: DerivationItem) => (item.patient === undefined ? item.result.label : `${item.result.label}: patient #${item.patient}`);

function facts(entries: [string, string | Node][]): HTMLDListElement {
  const dl = document.createElement("dl");
  dl.className = "derivation-facts";
  for (const [term, value] of entries) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.append(value);
    dl.append(dt, dd);
  }
  return dl;
}

function patients(ids: readonly number[], role: string): HTMLElement {
  const span = document.createElement("span");
  span.className = `lineage-${role}`;
  span.dataset.patients = ids.join(" ");
  span.textContent = patientList(ids);
  return span;
}

/** Events and censorings of a Kaplan–Meier result, read off its table. */
function kmPatients(result: Result): [string, Node][] {
  const rows = (result.rows ?? []) as unknown as KMRow[];
  // Above the patient-list limit (docs/results.md) the table carries counts only.
  if (!result.id.startsWith("tte.") || !rows.some((r) => r.event_ids && r.censor_ids)) return [];
  return [
    ["Events", patients(rows.flatMap((r) => r.event_ids ?? []).sort((a, b) => a - b), "events")],
    ["Censored", patients(rows.flatMap((r) => r.censor_ids ?? []).sort((a, b) => a - b), "censored")]
  ];
}

function dataFingerprint(report: Report): Node {
  const details = document.createElement("details");
  details.className = "derivation-inputs";
  const summary = document.createElement("summary");
  summary.append(code(report.data_sha256_all.slice(0, 16) + "…", report.data_sha256_all), " (all input files)");
  const list = document.createElement("ul");
  for (const [file, sha] of Object.entries(report.data_sha256)) {
    const li = document.createElement("li");
    li.append(code(file), " ", code(sha));
    list.append(li);
  }
  details.append(summary, list);
  return details;
}

/** What a derivation loads on first opening (see derivations()). */
export interface Loaded {
  lineage: Lineage;
  sql: SqlFile[];
  adam: Record<string, string>;
  rerunButton: typeof import("../verify/rerun-button.js").rerunButton;
  lineageTable: typeof import("./lineage-table.js").lineageTable;
}

export function content(item: DerivationItem, entry: LineageEntry, loaded: Loaded, report: Report): HTMLElement {
  const {result} = item;
  const numerator = item.patient === undefined ? entry.numerator : [item.patient];
  const root = document.createElement("div");
  root.className = "derivation-item";
  const headline = document.createElement("p");
  headline.className = "derivation-headline";
  const strong = document.createElement("strong");
  strong.textContent = itemName(item);
  headline.append(strong, result.display ? `: ${result.display}` : "");
  const qc = document.createElement("span");
  qc.className = "derivation-qc";
  qc.dataset.agree = String(result.qc.agree);
  qc.append(code(result.qc.module), result.qc.agree ? " agrees" : " DISAGREES", ` (checked: ${result.qc.checked.join(", ")})`);
  const counted = item.patient === undefined ? "Counted patients (numerator)" : "Patient of this mark";
  root.append(
    headline,
    facts([
      ["Result id", code(result.id)],
      ["Population", `${result.population} (denominator ${result.denominator ?? entry.denominator.length})`],
      ["Method", result.method],
      [`${counted}, n = ${numerator.length}`, patients(numerator, "numerator")],
      [`Patients of the population (denominator), N = ${entry.denominator.length}`, patients(entry.denominator, "denominator")],
      ...(item.patient === undefined ? kmPatients(result) : []),
      ["Derived by", code(result.source)],
      ["Independent QC (Arquero)", qc],
      ["Population derived by", code(loaded.lineage.source)],
      ["Input data SHA-256", dataFingerprint(report)]
    ])
  );
  const slot = document.createElement("div");
  slot.className = "derivation-rerun";
  slot.append(loaded.rerunButton(result.id));
  root.append(slot);
  const csv = loaded.adam[entry.dataset];
  root.append(sqlSection(result.source, loaded.lineage.source, loaded.sql));
  if (csv !== undefined) root.append(loaded.lineageTable(csv, entry, numerator));
  return root;
}

/** Everything a derivation shows beyond the results: fetched on first opening, once per page (shipped.ts). */
export async function loadDerivations(): Promise<Loaded> {
  const [l, s, a, {rerunButton}, {lineageTable}] = await Promise.all([
    lineage(), shippedSql(), adamCsv(), import("../verify/rerun-button.js"), import("./lineage-table.js"),
  ]);
  return {lineage: l, sql: s, adam: a, rerunButton, lineageTable};
}

/** Scrolls the dataset table (not the page) so that the first highlighted row shows under the header. */
export function scrollToFirstHit(root: HTMLElement): void {
  const scroller = root.querySelector<HTMLElement>(".lineage-scroll");
  const hit = scroller?.querySelector<HTMLElement>("tr.lineage-hit");
  const head = scroller?.querySelector("thead");
  if (scroller && hit) scroller.scrollTop = Math.max(0, hit.offsetTop - (head?.getBoundingClientRect().height ?? 0));
}
