-- The one sample order (src/core/limits.ts): patients sorted by the MD5 hex digest of "<seed>-<USUBJID>", so that
-- any tool (node:crypto in the QC, R's digest, a spreadsheet) draws the same patients. sample_patients(tbl, k, seed)
-- takes a table or CTE with one row per patient (USUBJID) and returns the first k of them in that order.

CREATE OR REPLACE MACRO sample_patients(tbl, k, seed) AS TABLE
SELECT USUBJID
FROM query_table(tbl)
ORDER BY md5(seed || '-' || USUBJID)
LIMIT k;
