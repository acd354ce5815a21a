-- Writes one published ADaM dataset (the table bound as VARIABLE csv_table) as CSV into the directory bound as
-- VARIABLE out_dir, from the tables src/sql/product/load.sql reads from the Parquet files: in the file's order
-- (sorted by its keys, src/sql/export/adam.sql), which a scan of one file keeps.
-- The CSVs are opened in spreadsheets: a free-text cell (the cohort's AETERM and AEDECOD; every other text column
-- holds validated codes) that starts like a formula gets a leading apostrophe (OWASP, CSV injection; the rule of
-- src/core/spreadsheet.ts). The Parquet files hold the text as it is.

CREATE OR REPLACE TEMP MACRO spreadsheet_text(x) AS
  CASE WHEN regexp_matches(x, '^[=+\-@\t\r'']') THEN '''' || x ELSE x END;

CREATE OR REPLACE TEMP VIEW adae_spreadsheet AS
SELECT * REPLACE (spreadsheet_text(AETERM) AS AETERM, spreadsheet_text(AEDECOD) AS AEDECOD) FROM adae;

COPY (SELECT * FROM query_table(CASE getvariable('csv_table') WHEN 'adae' THEN 'adae_spreadsheet' ELSE getvariable('csv_table') END))
  TO (getvariable('out_dir') || '/' || getvariable('csv_table') || '.csv') (FORMAT csv, HEADER);
