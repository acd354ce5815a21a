-- Loads the build product (src/core/adam/product.ts): the ADaM datasets adsl, adrs, adtte and adae as
-- src/sql/export/adam.sql wrote them to Parquet in the directory bound as VARIABLE adam_dir, sorted by their keys and
-- with the column types the derivations gave them, copied into memory: the results (and reconcile, through them)
-- query each table dozens of times. The steps that read a table once or in part (dictionary, lineage, datasets) read
-- the same files in place instead (views.sql).
-- The reader's browser loads the same rows from the published CSVs instead (src/sql/published/load.sql), when every
-- table is short enough to be published as CSV (src/core/adam/publication.ts): DuckDB-wasm does not link Parquet in
-- and would download it from extensions.duckdb.org, which the site must never ask for.

CREATE OR REPLACE TABLE adsl AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adsl.parquet');
CREATE OR REPLACE TABLE adrs AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adrs.parquet');
CREATE OR REPLACE TABLE adtte AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adtte.parquet');
CREATE OR REPLACE TABLE adae AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adae.parquet');
