-- Writes the published ADaM datasets (study days only, no calendar date) as CSV and Parquet into the directory
-- bound as VARIABLE out_dir. src/sql/published/load.sql reads the CSVs back with the same column types.

COPY adsl TO (getvariable('out_dir') || '/adsl.csv') (FORMAT csv, HEADER);
COPY adrs TO (getvariable('out_dir') || '/adrs.csv') (FORMAT csv, HEADER);
COPY adtte TO (getvariable('out_dir') || '/adtte.csv') (FORMAT csv, HEADER);
COPY adae TO (getvariable('out_dir') || '/adae.csv') (FORMAT csv, HEADER);
COPY adsl TO (getvariable('out_dir') || '/adsl.parquet') (FORMAT parquet);
COPY adrs TO (getvariable('out_dir') || '/adrs.parquet') (FORMAT parquet);
COPY adtte TO (getvariable('out_dir') || '/adtte.parquet') (FORMAT parquet);
COPY adae TO (getvariable('out_dir') || '/adae.parquet') (FORMAT parquet);
