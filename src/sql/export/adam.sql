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

COPY adsl_sorted TO (getvariable('out_dir') || '/adsl.csv') (FORMAT csv, HEADER);
COPY adrs_sorted TO (getvariable('out_dir') || '/adrs.csv') (FORMAT csv, HEADER);
COPY adtte_sorted TO (getvariable('out_dir') || '/adtte.csv') (FORMAT csv, HEADER);
COPY adae_sorted TO (getvariable('out_dir') || '/adae.csv') (FORMAT csv, HEADER);
COPY adsl_sorted TO (getvariable('out_dir') || '/adsl.parquet') (FORMAT parquet);
COPY adrs_sorted TO (getvariable('out_dir') || '/adrs.parquet') (FORMAT parquet);
COPY adtte_sorted TO (getvariable('out_dir') || '/adtte.parquet') (FORMAT parquet);
COPY adae_sorted TO (getvariable('out_dir') || '/adae.parquet') (FORMAT parquet);
