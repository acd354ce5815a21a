// A table of results (Table 1, best overall response, safety counts): one row per result with
// its display value as the paper rounds it, its denominator and the population that is.
import type {Result} from "../core/results/lookup.js";
import {table, type Column} from "./table.js";

export interface ResultsTableSpec {
  caption: string;
  /** Results in sections (Table 1) or as one list. */
  groups?: {name: string; results: Result[]}[];
  results?: Result[];
  footnotes?: string[];
  filename: string;
  html?: boolean;
  valueLabel?: string;
  /** Add a column naming each value's statistic (n (%), mean (range), …), for mixed tables like Table 1. */
  statistic?: boolean;
}

export function resultsTable(spec: ResultsTableSpec): HTMLElement {
  const columns: Column<Result>[] = [
    {label: "Characteristic", value: (r) => r.label, rowHeader: true},
    {label: spec.valueLabel ?? "Value", value: (r) => r.display ?? "", numeric: true},
    ...(spec.statistic ? [{label: "Statistic", value: (r: Result) => r.method}] : []),
    {label: "Denominator", value: (r) => r.denominator ?? "–", numeric: true},
    {label: "Population", value: (r) => r.population}
  ];
  return table({
    caption: spec.caption,
    columns,
    groups: spec.groups?.map((g) => ({name: g.name, rows: g.results})),
    rows: spec.results,
    footnotes: spec.footnotes,
    filename: spec.filename,
    html: spec.html,
    rowKey: (r) => r.id
  });
}

/** Results grouped by their `section`, sections in the order they first appear. */
export function bySection(results: readonly Result[]): {name: string; results: Result[]}[] {
  const groups = new Map<string, Result[]>();
  for (const r of results) groups.set(r.section, [...(groups.get(r.section) ?? []), r]);
  return [...groups].map(([name, list]) => ({name, results: list}));
}
