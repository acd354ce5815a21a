-- Writes the published ADaM datasets (study days only, no calendar date) as Parquet (zstd) into the directory bound
-- as VARIABLE out_dir: the build product every later step reads (src/core/adam/product.ts) and the files the site
-- publishes for download. src/sql/product/load.sql reads them back; src/sql/export/adam_csv.sql writes the CSVs the
-- browser re-run reads (src/sql/published/load.sql) from them.
-- The datasets are written sorted by their keys (ADaM IG v1.3 §3.1: one record per key); the tables themselves are
-- built unsorted (src/sql/adam/), since no derivation depends on row order and sorting 10^7 rows is the costliest
-- step of a large cohort. Where the keys allow ties (two assessments or adverse events on one day), the remaining
-- columns break them: the tables come in no fixed order, and the files must be the same from build to build.

COPY (SELECT * FROM adsl ORDER BY USUBJID)
  TO (getvariable('out_dir') || '/adsl.parquet') (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * FROM adrs
      ORDER BY USUBJID, CASE PARAMCD WHEN 'OVRLRESP' THEN 1 WHEN 'PROG' THEN 2 ELSE 3 END, ADY, AVALC, PROGORG,
               AVISIT, TUSIZE, METHOD)
  TO (getvariable('out_dir') || '/adrs.parquet') (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * FROM adtte ORDER BY PARAMCD, USUBJID)
  TO (getvariable('out_dir') || '/adtte.parquet') (FORMAT parquet, COMPRESSION zstd);
COPY (SELECT * FROM adae ORDER BY USUBJID, ADY, AEDECOD, AETERM, AETOXGR, AEREL, AEACN)
  TO (getvariable('out_dir') || '/adae.parquet') (FORMAT parquet, COMPRESSION zstd);
