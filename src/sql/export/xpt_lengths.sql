-- The length in bytes of each variable of one ADaM table (bound as VARIABLE xpt_table) in its SAS transport file
-- (src/core/interchange/adam-xpt.ts): a text variable is as long as its longest value. Numbers are always 8 bytes
-- there; their length here (of their text) is not used.
SELECT max(strlen(COLUMNS(*)::VARCHAR)) FROM query_table(getvariable('xpt_table'));
