// Every SQL file the build runs, by role, in the order it runs them. Only paths: the engine runs them, the ADaM
// build product (src/core/adam/) and the results build (src/core/results/) say when, and the shipment to the
// reader (src/core/sql-files.ts) sends the same files byte for byte. Paths are relative to the project root, as the
// results cite them in `source`.

/** The validated cohort as the source tables src_* (the only tables with calendar dates). */
export const SOURCE_FILE = "src/sql/source/load.sql";

/** ADaM-style derivations, in dependency order; each creates one table (adsl, adrs, adtte, adae). */
export const ADAM_FILES = [
  "src/sql/adam/cutoff.sql",
  "src/sql/adam/day1.sql",
  "src/sql/adam/adsl.sql",
  "src/sql/adam/adrs.sql",
  "src/sql/adam/adtte.sql",
  "src/sql/adam/adae.sql",
] as const;

/** The published ADaM tables: the only inputs of the analysis SQL (here and in the browser). */
export const ADAM_TABLES = ["adsl", "adrs", "adtte", "adae"] as const;
export type AdamTable = (typeof ADAM_TABLES)[number];

/** Macros the analysis files call (listing patients, n (%), Clopper–Pearson, Kaplan–Meier); run before them. */
export const LIBRARY_FILES = [
  "src/sql/lib/listing.sql",
  "src/sql/lib/proportion.sql",
  "src/sql/lib/clopper_pearson.sql",
  "src/sql/lib/kaplan_meier.sql",
] as const;

/**
 * One file per analysis; each ends in a SELECT of result rows (id, stats, denominator, patients, rows), and with
 * per-patient rows (a USUBJID field) also rows_total, their number (kept when a large cohort's rows are sampled).
 */
export const ANALYSIS_FILES = [
  "src/sql/analysis/table1.sql",
  "src/sql/analysis/response.sql",
  "src/sql/analysis/shrinkage.sql",
  "src/sql/analysis/pathology.sql",
  "src/sql/analysis/lrtc.sql",
  "src/sql/analysis/km.sql",
  "src/sql/analysis/km_risk.sql",
  "src/sql/analysis/followup.sql",
  "src/sql/analysis/safety.sql",
  "src/sql/analysis/ae_grade.sql",
  "src/sql/analysis/swimmer_lanes.sql",
  "src/sql/analysis/swimmer_segments.sql",
  "src/sql/analysis/swimmer_markers.sql",
] as const;

/** The one sample order (a macro), and the two samples drawn in it: the lane sample of the results' per-patient rows
 * (from adsl) and the QC sub-cohort of the build product (from the validated cohort). Large cohorts only. */
export const SAMPLE_ORDER_FILE = "src/sql/sample/order.sql";
export const LANE_SAMPLE_FILE = "src/sql/sample/lanes.sql";
export const QC_SAMPLE_FILE = "src/sql/sample/qc.sql";

/** Each result's counted and population patients (src/core/lineage/). */
export const LINEAGE_FILE = "src/sql/lineage/population.sql";

/** Writes the published ADaM datasets (sorted, Parquet) into VARIABLE out_dir: the build product. */
export const EXPORT_FILE = "src/sql/export/adam.sql";

/** Writes the published ADaM dataset VARIABLE csv_table as spreadsheet-safe CSV into VARIABLE out_dir, from the loaded Parquet. */
export const EXPORT_CSV_FILE = "src/sql/export/adam_csv.sql";

/** The rows of VARIABLE xpt_table for its SAS transport file, and the byte length of each of its text variables. */
export const XPT_ROWS_FILE = "src/sql/export/xpt_rows.sql";
export const XPT_LENGTHS_FILE = "src/sql/export/xpt_lengths.sql";

/** The rows of each ADaM table, for the build product's manifest. */
export const PRODUCT_ROWS_FILE = "src/sql/product/rows.sql";

/** Reads the build product's Parquet files back: every step in node after validation and derivation. */
export const PRODUCT_LOAD_FILE = "src/sql/product/load.sql";

/** The build product's Parquet files as views, nothing loaded: the steps that read each table once or in part. */
export const PRODUCT_VIEWS_FILE = "src/sql/product/views.sql";

/** Reads the published ADaM CSVs back with their derived column types: the browser re-run. */
export const PUBLISHED_LOAD_FILE = "src/sql/published/load.sql";

/** Rules across rows and files of the cohort (src/core/cohort/validate.ts). */
export const CROSS_FILE = "src/sql/validate/cross.sql";
