// One located problem in a cohort directory, and how it is printed. Every entry point
// (loaders, CLIs, tests) reports problems in this one format:
//   patients.csv:4:KI67: value "120" breaks rule ki67-range (Ki-67 must be 0–100)
export interface Problem {
  file: string;
  /** 1-based physical line in the file (the header is line 1); absent for file-level problems. */
  line?: number;
  /** Column name (or study.json key). */
  column?: string;
  /** The offending value as written in the file. */
  value?: string;
  /** Short stable rule name, as listed in docs/data-dictionary.md. */
  rule: string;
  message: string;
}

const MAX_VALUE_CHARS = 80;

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((part) => part !== undefined).join(":");
  if (p.value === undefined) return `${where}: breaks rule ${p.rule} (${p.message})`;
  const value = p.value.length > MAX_VALUE_CHARS ? `${p.value.slice(0, MAX_VALUE_CHARS)}…` : p.value;
  return `${where}: value ${JSON.stringify(value)} breaks rule ${p.rule} (${p.message})`;
}

/**
 * Sorted by file, then line (file-level problems first), then column in the order the
 * file defines (`columns[file]`; problems without a column first, unknown columns last),
 * then rule in the order of `rules`.
 */
export function sortProblems(
  problems: readonly Problem[],
  columns: Readonly<Record<string, readonly string[]>> = {},
  rules: readonly string[] = []
): Problem[] {
  const rank = (p: Problem) => {
    if (p.column === undefined) return -1;
    const index = columns[p.file]?.indexOf(p.column) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 :
      (a.line ?? 0) - (b.line ?? 0) || rank(a) - rank(b) || rules.indexOf(a.rule) - rules.indexOf(b.rule)
  );
}

/** Thrown by loadCohort: the cohort did not validate. */
export class CohortError extends Error {
  readonly problems: readonly Problem[];
  constructor(dir: string, problems: readonly Problem[]) {
    super(
      `${dir}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` + problems.map(formatProblem).join("\n")
    );
    this.name = "CohortError";
    this.problems = problems;
  }
}
