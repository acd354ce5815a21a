// The build product's manifest (src/core/adam/product.ts writes it last, so a product is complete once it is there):
// what the product was built from and holds. Apart from the engine, so that the site's config can read it
// (observablehq.config.ts: which text files to publish).
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Study} from "../cohort/types.js";
import type {Limits} from "../limits.js";
import type {FileDigest} from "../release/files.js";

/** The environment variable naming the product directory a build shares between its loaders. */
export const PRODUCT_ENV = "ADAM_PRODUCT_DIR";

export const MANIFEST = "manifest.json";

export interface QcSampleSpec {
  /** Patients in the sub-cohort, and of how many. */
  patients: number;
  of: number;
  seed: number;
}

export interface ProductManifest {
  /** The cohort directory it was built from (absolute). */
  cohort: string;
  /** Its study.json, as validated. */
  study: Study;
  /**
   * Every file of the cohort directory with its SHA-256 and size, as digestTree gives them: the digests of the bytes
   * validated, taken as they were read, so that a build's provenance need not read the cohort again.
   */
  inputs: FileDigest[];
  /** Patients (rows of ADSL). */
  n: number;
  /** Rows of each ADaM table, by table name (adsl, adrs, adtte, adae): what the site publishes of it depends on them. */
  rows: Record<string, number>;
  /** The QC sub-cohort, when the cohort has more than LIMITS.qcFull patients. */
  qc_sample: QcSampleSpec | null;
  /** The limits the QC sub-cohort was drawn under. */
  limits: Pick<Limits, "qcFull" | "qcSample" | "seed">;
}

export interface AdamProduct {
  /** The directory holding <table>.parquet for every ADaM table and the manifest. */
  dir: string;
  manifest: ProductManifest;
}

/** The product in `dir`, if one is complete there (the manifest is written last). */
export function readProduct(dir: string): AdamProduct | undefined {
  const file = join(dir, MANIFEST);
  return existsSync(file) ? {dir, manifest: JSON.parse(readFileSync(file, "utf8")) as ProductManifest} : undefined;
}

