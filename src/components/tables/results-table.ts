// A table of results (best overall response, pathology, safety counts): one row per result with
// its display value as the paper rounds it, its denominator and the population that is.
import {ciText} from "../../core/results/format.js";
import type {Result} from "../../core/results/lookup.js";
import {table, type Column} from "./table.js";

export interface ResultsTableSpec {
  caption: string;
  results: Result[];
  footnotes?: string[];
  filename: string;
  html?: boolean;
  valueLabel?: string;
  /** Add the exact 95% CI of each proportion (stats ci_low, ci_high). */
  ci?: boolean;
  /** The value shown (default: the result's display string). */
  value?: (result: Result) => string;
}

export function resultsTable(spec: ResultsTableSpec): HTMLElement {
  const columns: Column<Result>[] = [
    {label: "Characteristic", value: (r) => r.label, rowHeader: true},
    {label: spec.valueLabel ?? "Value", value: spec.value ?? ((r) => r.display ?? ""), numeric: true},
    ...(spec.ci ? [{label: "95% CI (exact)", value: (r: Result) => ciText(r.stats), numeric: true}] : []),
    {label: "Denominator", value: (r) => r.denominator ?? "–", numeric: true},
    {label: "Population", value: (r) => r.population}
  ];
  return table({
    caption: spec.caption,
    columns,
    rows: spec.results,
    footnotes: spec.footnotes,
    filename: spec.filename,
    html: spec.html,
    rowKey: (r) => r.id
  });
}
