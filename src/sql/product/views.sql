-- The build product (src/core/adam/product.ts) as views over its Parquet files in the directory bound as VARIABLE
-- adam_dir: nothing is copied, and a query reads only the columns it names. For the steps that read each table once
-- or only part of it: the data dictionary (column names and types), lineage (a few columns) and the published
-- datasets (one CSV and one XPT pass per table). The results query each table dozens of times and load the tables
-- into memory instead (load.sql); at 10^6 patients that load alone is about 6 s.

CREATE OR REPLACE VIEW adsl AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adsl.parquet');
CREATE OR REPLACE VIEW adrs AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adrs.parquet');
CREATE OR REPLACE VIEW adtte AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adtte.parquet');
CREATE OR REPLACE VIEW adae AS SELECT * FROM read_parquet(getvariable('adam_dir') || '/adae.parquet');
