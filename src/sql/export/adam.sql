-- Writes the published ADaM datasets (study days only, no calendar date) as CSV and Parquet into the directory
-- bound as VARIABLE out_dir. src/sql/published/load.sql reads the CSVs back with the same column types.
-- The datasets are written sorted by their keys (ADaM IG v1.3 §3.1: one record per key); the tables themselves are
-- built unsorted (src/sql/adam/), since no derivation depends on row order and sorting 10^7 rows is the costliest
-- step of a large cohort. Where the keys allow ties (two assessments or adverse events on one day), the remaining
-- columns break them: the tables come in no fixed order, and the files must be the same from build to build.

CREATE OR REPLACE TEMP VIEW adsl_sorted AS SELECT * FROM adsl ORDER BY USUBJID;
CREATE OR REPLACE TEMP VIEW adrs_sorted AS SELECT * FROM adrs
ORDER BY USUBJID, CASE PARAMCD WHEN 'OVRLRESP' THEN 1 WHEN 'PROG' THEN 2 ELSE 3 END, ADY, AVALC, PROGORG,
         AVISIT, TUSIZE, METHOD;
CREATE OR REPLACE TEMP VIEW adtte_sorted AS SELECT * FROM adtte ORDER BY PARAMCD, USUBJID;
CREATE OR REPLACE TEMP VIEW adae_sorted AS SELECT * FROM adae
ORDER BY USUBJID, ADY, AEDECOD, AETERM, AETOXGR, AEREL, AEACN;

-- The CSVs are opened in spreadsheets: a free-text cell (the cohort's AETERM and AEDECOD; every other text column
-- holds validated codes) that starts like a formula gets a leading apostrophe (OWASP, CSV injection; the rule of
-- src/core/spreadsheet.ts), undone by src/sql/published/load.sql. The Parquet files hold the text as it is.
CREATE OR REPLACE TEMP MACRO spreadsheet_text(x) AS
  CASE WHEN regexp_matches(x, '^[=+\-@\t\r'']') THEN '''' || x ELSE x END;
CREATE OR REPLACE TEMP VIEW adae_csv AS
SELECT * REPLACE (spreadsheet_text(AETERM) AS AETERM, spreadsheet_text(AEDECOD) AS AEDECOD) FROM adae_sorted;

COPY adsl_sorted TO (getvariable('out_dir') || '/adsl.csv') (FORMAT csv, HEADER);
COPY adrs_sorted TO (getvariable('out_dir') || '/adrs.csv') (FORMAT csv, HEADER);
COPY adtte_sorted TO (getvariable('out_dir') || '/adtte.csv') (FORMAT csv, HEADER);
COPY adae_csv TO (getvariable('out_dir') || '/adae.csv') (FORMAT csv, HEADER);
COPY adsl_sorted TO (getvariable('out_dir') || '/adsl.parquet') (FORMAT parquet);
COPY adrs_sorted TO (getvariable('out_dir') || '/adrs.parquet') (FORMAT parquet);
COPY adtte_sorted TO (getvariable('out_dir') || '/adtte.parquet') (FORMAT parquet);
COPY adae_sorted TO (getvariable('out_dir') || '/adae.parquet') (FORMAT parquet);
