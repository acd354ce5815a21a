// The build product: a cohort validated once and its ADaM derived once, written as the published Parquet files
// (src/sql/export/adam.sql) with a manifest. Every later step — results, lineage, datasets, dictionary, reconcile —
// reads these files (src/sql/product/load.sql into memory, views.sql in place), never the cohort again. Above
// LIMITS.qcFull patients the product also holds the QC sub-cohort: the validated rows of a sample of patients, for
// the independent QC to read.
//
// A build shares one product between its loaders (scripts/build/observable.ts: ADAM_PRODUCT_DIR, a directory keyed
// by the hash of every loader input, so a change to data or code makes a new one); any other caller gets a private
// product that lives as long as the call.
import {copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, join, resolve} from "node:path";
import {CohortError} from "../cohort/problem.js";
import {SCHEMAS} from "../cohort/schema.js";
import {validateInto} from "../cohort/validate.js";
import {Engine} from "../engine.js";
import {LIMITS, type Limits} from "../limits.js";
import {digestTree} from "../release/files.js";
import {drawSample} from "../sample.js";
import {ADAM_TABLES, EXPORT_FILE, PRODUCT_LOAD_FILE, PRODUCT_ROWS_FILE, PRODUCT_VIEWS_FILE, QC_SAMPLE_FILE} from "../sql-catalog.js";
import {deriveAdam} from "./derive.js";
import {MANIFEST, PRODUCT_ENV, readProduct, type AdamProduct, type ProductManifest, type QcSampleSpec} from "./manifest.js";

export {PRODUCT_ENV, readProduct, type AdamProduct, type ProductManifest} from "./manifest.js";

/** The QC sub-cohort's directory in the product: cohort files (as validated) and study.json. */
const QC_SAMPLE = "qc-sample";

/** The cohort files the independent QC reads: the whole cohort, or the product's QC sub-cohort. */
export function qcCohortDir(product: AdamProduct): string {
  return product.manifest.qc_sample ? join(product.dir, QC_SAMPLE) : product.manifest.cohort;
}

/** The product's Parquet files, one per ADaM table. */
export const productFiles = (product: AdamProduct): string[] =>
  ADAM_TABLES.map((table) => join(product.dir, `${table}.parquet`));

/** Writes the QC sub-cohort: the first `k` patients in sample order, all their rows as validated. */
async function writeQcSample(engine: Engine, cohortDir: string, dir: string, k: number, seed: number): Promise<void> {
  mkdirSync(dir);
  await drawSample(engine, QC_SAMPLE_FILE, k, seed);
  for (const {stem, file} of SCHEMAS) {
    await engine.sql("SET VARIABLE sample_file = $path", {path: join(dir, file)});
    await engine.sql(`COPY (SELECT * EXCLUDE (line, ok) FROM cohort_${stem} SEMI JOIN qc_sample USING (USUBJID)
      ORDER BY line) TO (getvariable('sample_file')) (HEADER, DELIMITER ',')`);
  }
  copyFileSync(join(cohortDir, "study.json"), join(dir, "study.json"));
}

/** Validates, derives and writes into `dir` (which must not exist). CohortError, and nothing written, if invalid. */
async function writeProduct(cohortDir: string, dir: string, limits: Limits): Promise<ProductManifest> {
  const engine = await Engine.open();
  try {
    const {study, problems, summary} = await validateInto(engine, cohortDir);
    if (!study) throw new CohortError(cohortDir, problems);
    await deriveAdam(engine, study.cutoff);
    mkdirSync(dir);
    await engine.sql("SET VARIABLE out_dir = $dir", {dir});
    await engine.run(EXPORT_FILE);
    const counts = (await engine.run(PRODUCT_ROWS_FILE)) as {dataset: string; n: bigint}[];
    const rows = Object.fromEntries(counts.map(({dataset, n}) => [dataset, Number(n)]));
    const n = rows.adsl!;
    let qcSample: QcSampleSpec | null = null;
    if (n > limits.qcFull) {
      await writeQcSample(engine, cohortDir, join(dir, QC_SAMPLE), limits.qcSample, limits.seed);
      qcSample = {patients: Math.min(n, limits.qcSample), of: n, seed: limits.seed};
    }
    const {qcFull, qcSample: k, seed} = limits;
    const inputs = digestTree(cohortDir, summary.files.map(({file, sha256, bytes}) => ({path: file, sha256, bytes})));
    const manifest: ProductManifest = {cohort: resolve(cohortDir), study, inputs, n, rows, qc_sample: qcSample,
      limits: {qcFull, qcSample: k, seed}};
    writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
    return manifest;
  } finally {
    engine.close();
  }
}

const sameLimits = (a: ProductManifest["limits"], b: Limits) =>
  a.qcFull === b.qcFull && a.qcSample === b.qcSample && a.seed === b.seed;

/**
 * The product of the cohort in `dir` at `target`: the one there if it is of this cohort and these limits, else built
 * in a staging sibling and renamed into place (so no reader ever sees half a product; of two builders racing, the
 * second keeps the first one's).
 */
export async function ensureProduct(cohortDir: string, target: string, limits: Limits = LIMITS): Promise<AdamProduct> {
  const existing = readProduct(target);
  if (existing && existing.manifest.cohort === resolve(cohortDir) && sameLimits(existing.manifest.limits, limits)) {
    return existing;
  }
  mkdirSync(dirname(target), {recursive: true});
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-new-`));
  try {
    const manifest = await writeProduct(cohortDir, join(staging, "product"), limits);
    if (existing) rmSync(target, {recursive: true, force: true});
    try {
      renameSync(join(staging, "product"), target);
    } catch (error) {
      const raced = readProduct(target);
      if (!raced) throw error;
      return raced;
    }
    return {dir: target, manifest};
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}

/**
 * Runs `fn` on the product of the cohort in `cohortDir`: the build's shared one (PRODUCT_ENV) when it is of this
 * cohort, otherwise a private one removed afterwards. CohortError if the cohort is invalid.
 */
export async function withProduct<T>(cohortDir: string, fn: (product: AdamProduct) => Promise<T>,
  limits: Limits = LIMITS): Promise<T> {
  const shared = process.env[PRODUCT_ENV];
  if (shared) return fn(await ensureProduct(cohortDir, shared, limits));
  const scratch = mkdtempSync(join(tmpdir(), "adam-product-"));
  try {
    return await fn(await ensureProduct(cohortDir, join(scratch, "product"), limits));
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}

/**
 * How a step reads the product: "load" copies each table into memory (the results, which query them dozens of
 * times), "views" reads the Parquet files where they are, only the columns a query names (a step that reads each
 * table once or in part: the dictionary, lineage, the published datasets).
 */
export type AdamAccess = "load" | "views";

/** An engine holding the product's ADaM tables, read back from its Parquet files. */
export async function openAdam(product: AdamProduct, access: AdamAccess = "load"): Promise<Engine> {
  const engine = await Engine.open();
  try {
    await engine.sql("SET VARIABLE adam_dir = $dir", {dir: product.dir});
    await engine.run(access === "load" ? PRODUCT_LOAD_FILE : PRODUCT_VIEWS_FILE);
    return engine;
  } catch (error) {
    engine.close();
    throw error;
  }
}

/** Runs `fn` on an engine over the product, closed afterwards. */
export async function withAdam<T>(product: AdamProduct, fn: (engine: Engine) => Promise<T>,
  access: AdamAccess = "load"): Promise<T> {
  const engine = await openAdam(product, access);
  try {
    return await fn(engine);
  } finally {
    engine.close();
  }
}
