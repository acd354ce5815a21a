// What the results dataset carries as the cohort grows (docs/results.md, "Large cohorts"), and the one sample order
// used wherever a subset of patients is taken: patients sorted by the MD5 hex digest of "<seed>-<USUBJID>"
// (DuckDB's md5() in src/sql/sample/order.sql, node:crypto here: the same order from two implementations, and from any other tool).
import {createHash} from "node:crypto";

export interface Limits {
  listPatients: number;
  lanes: number;
  qcFull: number;
  qcSample: number;
  seed: number;
  textRows: number;
}

/** A count of rows from the environment variable `name`, else `otherwise`. */
function rowsFromEnv(name: string, otherwise: number): number {
  const text = process.env[name];
  if (text === undefined) return otherwise;
  if (!/^\d+$/.test(text)) throw new Error(`${name}=${JSON.stringify(text)}: not a count of rows (0, 1, 2, …)`);
  return Number(text);
}

export const LIMITS: Limits = {
  /** Per-result `patients` lists and the KM tables' event_ids / censor_ids only up to this many patients. */
  listPatients: 1000,
  /** Per-patient rows (waterfall, swimmer lanes, segments, markers): those of at most this many patients. */
  lanes: 1000,
  /** Independent QC of every result on the whole cohort up to this many patients... */
  qcFull: 100_000,
  /** ...and above it on a sub-cohort of this many patients, the SQL derivations re-run on the same sub-cohort. */
  qcSample: 10_000,
  /** Seed of the sample order. */
  seed: 1,
  /**
   * The site publishes an ADaM table as CSV and XPT only up to this many rows, a spreadsheet's 1,048,576 rows less the
   * header: a longer CSV cannot be opened where CSV readers open it, and whoever reads more rows reads the Parquet
   * (R's arrow, pandas, DuckDB). It keeps the text files, ~12 times the Parquet's bytes, from outgrowing the site
   * (docs/scale.md). Parquet is published at every size; `npm run datasets` writes every format at any size.
   * ADAM_TEXT_ROWS lowers it, for a test to build a site of a few hundred patients as a large cohort's.
   */
  textRows: rowsFromEnv("ADAM_TEXT_ROWS", 1_048_575),
};

/** The sample order key of a patient. */
export function sampleKey(id: number, seed: number): string {
  return createHash("md5").update(`${seed}-${id}`).digest("hex");
}

/** The first `k` patients of `ids` in sample order. */
export function firstInSampleOrder(ids: Iterable<number>, k: number, seed: number): Set<number> {
  const keyed = [...new Set(ids)].map((id) => ({id, key: sampleKey(id, seed)}));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Set(keyed.slice(0, k).map((p) => p.id));
}
