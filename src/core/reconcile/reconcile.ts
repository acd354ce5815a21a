// Each published number against the same number recomputed from the results dataset, printed the way the paper
// prints it, with a status and, for a discrepancy, the cause the data point to (explain.ts).
import type {Result, ResultsDataset} from "../results/types.js";
import {printDate, parsePrintedDate} from "./dates.js";
import {explainCount, explainPercent, explainStatistic, populations, type Population} from "./explain.js";
import {numberTokens, printedAs, reprint, type NumberToken} from "./numbers.js";
import type {
  PatientValue, PublishedFile, PublishedValue, ReconciliationRow, RowCountValue, RowFilter, RowRef, RowTimingValue, ScheduleValue,
  StatsValue, Status, TimeValue
} from "./types.js";

/** The published file names something the results dataset does not have: a broken contract, not a finding. */
export class ReconcileError extends Error {}

/** The data cannot settle a printed claim (no such row, no single patient): a discrepancy with this note. */
class Unresolved extends Error {}

const DAYS_PER = {days: 1, weeks: 7, months: 365.25 / 12, years: 365.25};

/** The stats each kind prints, in the order the paper prints them. */
const STATS: Record<StatsValue["kind"], string[]> = {
  count: ["n"], percent: ["pct"], "n (pct)": ["n", "pct"], "n of N": ["n", "denominator"],
  "mean (range)": ["mean", "min", "max"], "median (range)": ["median", "min", "max"], "range, n": ["min", "max", "n"]
};

interface Context {
  byId: Map<string, Result>;
  results: readonly Result[];
  populations: Population[];
  dataset: ResultsDataset;
}

interface Outcome {
  recomputed: string | null;
  status: Status;
  note: string;
  compared_with: string;
  bound?: string;
}

function lookup(ctx: Context, id: string, entry: string): Result {
  const found = ctx.byId.get(id);
  if (!found) throw new ReconcileError(`published value ${entry} compares with result "${id}", which the results dataset does not have (docs/results.md)`);
  return found;
}

/** Compares the printed numbers with `values`; on a mismatch, `why(i, token)` explains number i. */
function compare(entry: PublishedValue, values: number[], compared_with: string, why: (i: number, token: NumberToken) => string): Outcome {
  const tokens = numberTokens(entry.printed);
  const recomputed = reprint(entry.printed, values);
  const wrong = tokens.map((t, i) => (printedAs(t, values[i]!) ? -1 : i)).filter((i) => i >= 0);
  if (!wrong.length) return {recomputed, status: "match", note: "", compared_with};
  const causes = wrong.map((i) => why(i, tokens[i]!));
  return {recomputed, status: "discrepancy", note: `Printed ${entry.printed} but the data give ${recomputed}: ${causes.join(" ")}`, compared_with};
}

function statValue(result: Result, key: string): number {
  const value = key === "denominator" ? result.denominator : result.stats[key];
  if (typeof value !== "number") throw new ReconcileError(`result "${result.id}" has no numeric ${key}`);
  return value;
}

function stats(ctx: Context, entry: StatsValue): Outcome {
  const result = lookup(ctx, entry.result, entry.id);
  const keys = entry.kind === "count" ? [entry.stat ?? "n"] : STATS[entry.kind];
  const values = keys.map((key) => statValue(result, key));
  return compare(entry, values, `${result.id}: ${keys.join(", ")}`, (i, token) => {
    const key = keys[i]!;
    if (key === "pct") {
      const n = statValue(result, "n");
      const d = statValue(result, "denominator");
      return `${n} of ${d} (${result.population.toLowerCase()}) is ${String(Math.round(values[i]! * 10) / 10)}%; ` +
        explainPercent(token.value, token.decimals, n, d, ctx.populations);
    }
    if (key === "n") return `${result.label} counts ${values[i]} patients; ` + explainCount(token.value, result, ctx.results);
    if (key === "denominator") return `the population of ${result.id} (${result.population.toLowerCase()}) has ${values[i]} patients, not ${token.value}.`;
    return explainStatistic(token.value, token.decimals, key, result);
  });
}

const patients = (ids: readonly number[]) => (ids.length ? ids.map((p) => `#${p}`).join(", ") : "none");

/** The patients a result counts; above 1000 patients the results list none (docs/results.md, "Large cohorts"). */
function listed(result: Result): number[] {
  if (!result.patients) throw new Unresolved(`The results of a cohort of more than 1000 patients list no patients of ${result.label} (${result.id}).`);
  return result.patients;
}

function patient(ctx: Context, entry: PatientValue): Outcome {
  const result = lookup(ctx, entry.result, entry.id);
  const id = numberTokens(entry.printed)[0]!.value;
  const holds = listed(result).includes(id) === entry.member;
  const compared_with = `${result.id}: patients`;
  if (holds) return {recomputed: entry.printed, status: "match", note: "", compared_with};
  return {
    recomputed: patients(result.patients), status: "discrepancy", compared_with,
    note: `The paper places patient ${id} ${entry.member ? "in" : "outside"} ${result.label} (${result.id}), but the patients counted there are ${patients(result.patients)}.`
  };
}

/** Dose (Gy) and fractions of a schedule result, as its label names them ("Dose 50.4 Gy/28 fractions"). */
function scheduleOf(result: Result): [number, number] {
  const m = /(\d+(?:[.,]\d+)?)\s*Gy\s*\/\s*(\d+)/.exec(result.label);
  if (!m) throw new ReconcileError(`result "${result.id}" has no "<dose> Gy/<fractions>" in its label "${result.label}"`);
  return [Number(m[1]!.replace(",", ".")), Number(m[2])];
}

function schedule(ctx: Context, entry: ScheduleValue): Outcome {
  const candidates = entry.among.map((id) => lookup(ctx, id, entry.id));
  const counted = candidates.find((r) => listed(r).includes(entry.patient));
  if (!counted) throw new Unresolved(`Patient ${entry.patient} is counted in none of ${entry.among.join(", ")}.`);
  const [dose, fractions] = scheduleOf(counted);
  const [printedDose, printedFractions] = numberTokens(entry.printed).map((t) => t.value) as [number, number];
  return compare(entry, [dose, fractions], `${counted.id}: label (patients ${patients(counted.patients)})`, (i) => {
    if (i === 0) return `patient ${entry.patient} is counted in ${counted.label} (${counted.id}), a dose of ${dose} Gy, not ${printedDose} Gy.`;
    const perFraction = (d: number, f: number) => String(Math.round((d / f) * 1000) / 1000);
    const known = candidates.map(scheduleOf).map(([d, f]) => `${d} Gy/${f}`).join(", ");
    return `patient ${entry.patient} is counted in ${counted.label} (${counted.id}); ${printedDose} Gy in ${printedFractions} fractions ` +
      `would be ${perFraction(printedDose, printedFractions)} Gy per fraction against ${perFraction(dose, fractions)} Gy in ` +
      `${fractions}, and no schedule of the dataset (${known}) has ${printedFractions} fractions of ${printedDose} Gy.`;
  });
}

/**
 * The rows of a result matching a filter: {patient_of: id} is that result's only patient, {patients_of: id} any of
 * its patients.
 */
function rowsWhere(ctx: Context, resultId: string, filter: RowFilter, entry: string): Record<string, unknown>[] {
  const result = lookup(ctx, resultId, entry);
  if (!result.rows) throw new ReconcileError(`result "${resultId}" has no rows (published value ${entry})`);
  const wanted = Object.entries(filter).map(([key, value]): [string, (string | number)[]] => {
    if (typeof value !== "object") return [key, [value]];
    const of = lookup(ctx, "patients_of" in value ? value.patients_of : value.patient_of, entry);
    if ("patients_of" in value) return [key, listed(of)];
    if (listed(of).length !== 1) throw new Unresolved(`The paper describes one patient of ${of.label} (${of.id}); the data have ${of.patients.length}.`);
    return [key, of.patients];
  });
  return result.rows.filter((row) => wanted.every(([key, values]) => values.includes(row[key] as string | number)));
}

/** "kind = crt, USUBJID = the patient of response.bor.sd": a row filter in words. */
const filterText = (filter: RowFilter) =>
  Object.entries(filter).map(([key, value]) => `${key} = ${typeof value !== "object" ? value
    : "patient_of" in value ? `the patient of ${value.patient_of}` : `a patient of ${value.patients_of}`}`).join(", ");

const describeFilter = (ref: RowRef) => `${ref.result} ${ref.field} where ${filterText(ref.filter)}`;

/** The one value of `field` the matching rows agree on. */
function rowValue(ctx: Context, ref: RowRef, entry: string): number {
  const values = [...new Set(rowsWhere(ctx, ref.result, ref.filter, entry).map((row) => row[ref.field]))];
  if (values.length !== 1 || typeof values[0] !== "number") {
    throw new Unresolved(`${describeFilter(ref)} is ${values.length ? values.join(", ") : "in no row"}, not one number.`);
  }
  return values[0];
}

function time(ctx: Context, entry: TimeValue): Outcome {
  const end = rowValue(ctx, entry.row, entry.id);
  const start = entry.since ? rowValue(ctx, entry.since, entry.id) : 0;
  const value = (end - start) / DAYS_PER[entry.unit];
  const compared_with = entry.since ? `${describeFilter(entry.row)} − ${describeFilter(entry.since)}` : describeFilter(entry.row);
  const span = entry.since ? `day ${end} − day ${start} = ${end - start} days` : `day ${end}`;
  const [token] = numberTokens(entry.printed) as [NumberToken];
  if (entry.at_least) {
    const recomputed = reprint(entry.printed, [value]);
    const reached = Number(recomputed.match(/\d+(?:\.\d+)?/)![0]) >= token.value;
    const bound = `at least ${entry.printed}`;
    return reached
      ? {recomputed, status: "match", note: `The paper states a lower bound, so the check is ${bound}: ${span} is ${String(Math.round(value * 100) / 100)} ${entry.unit}.`, compared_with, bound}
      : {recomputed, status: "discrepancy", note: `Printed at least ${entry.printed} but ${span} is only ${String(Math.round(value * 10) / 10)} ${entry.unit}.`, compared_with, bound};
  }
  return compare(entry, [value], compared_with, () => `${span} is ${String(Math.round(value * 100) / 100)} ${entry.unit}.`);
}

function rowCount(ctx: Context, entry: RowCountValue): Outcome {
  const matching = rowsWhere(ctx, entry.result, entry.filter, entry.id);
  const ids = [...new Set(matching.map((row) => row.USUBJID as number))].sort((a, b) => a - b);
  return compare(entry, [ids.length], `${entry.result}: patients with a row where ${filterText(entry.filter)}`,
    () => `the rows of ${entry.result} where ${filterText(entry.filter)} belong to ${ids.length} patients (${patients(ids)}).`);
}

function beforeAndAfter(ctx: Context, entry: RowTimingValue): Outcome {
  const day = (row: Record<string, unknown>) => row[entry.field] as number;
  const before: number[] = [];
  const after: number[] = [];
  for (const row of rowsWhere(ctx, entry.result, entry.filter, entry.id)) {
    const id = row.USUBJID as number;
    const reference = rowsWhere(ctx, entry.result, {...entry.relative_to, USUBJID: id}, entry.id);
    if (reference.length !== 1) throw new Unresolved(`Patient ${id} has ${reference.length} rows of ${entry.result} where ${filterText(entry.relative_to)}, not one.`);
    (day(row) < day(reference[0]!) ? before : after).push(id);
  }
  const describe = (ids: number[]) => `${ids.length} (${patients(ids)})`;
  return compare(entry, [before.length, after.length],
    `${entry.result}: ${entry.field} of rows where ${filterText(entry.filter)} against the patient's row where ${filterText(entry.relative_to)}`,
    () => `by ${entry.field}, ${describe(before)} fall before and ${describe(after)} after.`);
}

function outcome(ctx: Context, entry: PublishedValue): Outcome {
  try {
    switch (entry.kind) {
      case "not-derivable": return {recomputed: null, status: "not-derivable", note: entry.reason, compared_with: ""};
      case "patient": return patient(ctx, entry);
      case "schedule": return schedule(ctx, entry);
      case "time": return time(ctx, entry);
      case "row count": return rowCount(ctx, entry);
      case "before and after": return beforeAndAfter(ctx, entry);
      case "date": {
        const cutoff = ctx.dataset.report.cutoff;
        const same = parsePrintedDate(entry.printed) === cutoff;
        return {recomputed: printDate(cutoff), status: same ? "match" : "discrepancy", compared_with: "report.cutoff",
          note: same ? "" : `Printed ${entry.printed} but the report's data cut-off is ${cutoff}.`};
      }
      default: return stats(ctx, entry);
    }
  } catch (error) {
    if (!(error instanceof Unresolved)) throw error;
    return {recomputed: null, status: "discrepancy", note: error.message, compared_with: ""};
  }
}

/** One row per published value, in the order of the published file. */
export function reconcile(dataset: ResultsDataset, published: PublishedFile): ReconciliationRow[] {
  const ctx: Context = {
    byId: new Map(dataset.results.map((r) => [r.id, r])),
    results: dataset.results,
    populations: populations(dataset.results),
    dataset
  };
  return published.values.map((entry) => ({
    id: entry.id,
    where: `${entry.where.section}: “${entry.where.quote}”`,
    published: entry.printed,
    ...outcome(ctx, entry)
  }));
}

/** How many rows have each status, every status listed. */
export function countByStatus(rows: readonly {status: Status}[]): Record<Status, number> {
  const counts: Record<Status, number> = {match: 0, discrepancy: 0, "not-derivable": 0};
  for (const row of rows) counts[row.status]++;
  return counts;
}
