-- The rows of one ADaM table (bound as VARIABLE xpt_table) for its SAS transport file, in the order the CSV has
-- them: the table's own, as src/sql/product/load.sql read it from the sorted Parquet file.
SELECT * FROM query_table(getvariable('xpt_table'));
