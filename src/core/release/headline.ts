// The headline results compared between two versions of the report: what a reader of
// /versions, an analyst running `npm run diff`, and the release notes see change. A stat changed when the two versions
// do not agree by the rule of the QC (src/core/agree.ts).
import {agree} from "../agree.js";

export interface ResultLike {
  id: string;
  label: string;
  display: string | null;
  stats: Record<string, number | null>;
}

export interface ResultsLike {
  report: {version: string; cutoff: string};
  results: ResultLike[];
}

/** The results a reader looks at first, in the order they are shown. */
export const HEADLINE_IDS = [
  "cohort.n",
  "tte.followup",
  "response.orr",
  "response.bor.cr",
  "response.shrinkage",
  "response.ypt0",
  "table1.resection.r0",
  "control.lrtc",
  "tte.dor",
  "tte.pfs",
  "tte.os",
  "safety.grade34"
];

/** Statistics whose change is worth spelling out, in this order. */
const WATCHED_STATS = ["n", "events", "median", "min", "max", "km_median", "pct", "ci_low", "ci_high"];

export interface StatChange {
  stat: string;
  before: number | null;
  after: number | null;
}

export interface HeadlineChange {
  id: string;
  label: string;
  before: string | null;
  after: string | null;
  changed: boolean;
  stats: StatChange[];
}

/** Headline results of `after`, each with its value in `before` (undefined: no earlier version). */
export function compareHeadlines(before: ResultsLike | undefined, after: ResultsLike): HeadlineChange[] {
  const lookup = (results: ResultsLike | undefined) => new Map(results?.results.map((r) => [r.id, r]) ?? []);
  const old = lookup(before);
  const now = lookup(after);
  return HEADLINE_IDS.filter((id) => now.has(id) || old.has(id)).map((id) => {
    const a = old.get(id);
    const b = now.get(id);
    const stats = WATCHED_STATS.filter((stat) => a && b && !agree(a.stats[stat], b.stats[stat])).map((stat) => ({
      stat,
      before: a!.stats[stat] ?? null,
      after: b!.stats[stat] ?? null
    }));
    return {
      id,
      label: (b ?? a)!.label,
      before: a?.display ?? null,
      after: b?.display ?? null,
      changed: before !== undefined && (a?.display !== b?.display || stats.length > 0),
      stats
    };
  });
}

/** The comparison as a Markdown table, for release notes and the terminal; without an earlier version, the values. */
export function headlineTable(changes: HeadlineChange[], beforeName: string | null, afterName: string): string {
  const cell = (s: string | null) => (s ?? "—").replace(/\|/g, "\\|");
  if (beforeName === null) {
    return [`| result | ${afterName} |`, "| --- | --- |", ...changes.map((c) => `| ${cell(c.label)} | ${cell(c.after)} |`)].join("\n");
  }
  const lines = [`| result | ${beforeName} | ${afterName} | change |`, "| --- | --- | --- | --- |"];
  for (const c of changes) {
    const detail = c.stats.map((s) => `${s.stat} ${fmt(s.before)} → ${fmt(s.after)}`).join("; ");
    lines.push(`| ${cell(c.label)} | ${cell(c.before)} | ${cell(c.after)} | ${c.changed ? detail || "changed" : "unchanged"} |`);
  }
  return lines.join("\n");
}

function fmt(value: number | null): string {
  return value === null ? "not reached" : Number.isInteger(value) ? String(value) : value.toFixed(2);
}
