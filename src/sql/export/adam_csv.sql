-- Writes the published ADaM datasets as CSV into the directory bound as VARIABLE out_dir, from the tables
-- src/sql/product/load.sql reads from the Parquet files: in the files' order (sorted by their keys,
-- src/sql/export/adam.sql), which a scan of one file keeps.
-- The CSVs are opened in spreadsheets: a free-text cell (the cohort's AETERM and AEDECOD; every other text column
-- holds validated codes) that starts like a formula gets a leading apostrophe (OWASP, CSV injection; the rule of
-- src/core/spreadsheet.ts). The Parquet files hold the text as it is.

CREATE OR REPLACE TEMP MACRO spreadsheet_text(x) AS
  CASE WHEN regexp_matches(x, '^[=+\-@\t\r'']') THEN '''' || x ELSE x END;

COPY adsl TO (getvariable('out_dir') || '/adsl.csv') (FORMAT csv, HEADER);
COPY adrs TO (getvariable('out_dir') || '/adrs.csv') (FORMAT csv, HEADER);
COPY adtte TO (getvariable('out_dir') || '/adtte.csv') (FORMAT csv, HEADER);
COPY (SELECT * REPLACE (spreadsheet_text(AETERM) AS AETERM, spreadsheet_text(AEDECOD) AS AEDECOD) FROM adae)
  TO (getvariable('out_dir') || '/adae.csv') (FORMAT csv, HEADER);
