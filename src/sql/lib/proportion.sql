-- n (%) of a population, the shape of most results: proportion(tbl) takes a table or CTE with one row per result
-- id and patient of its population (id, USUBJID, counted BOOLEAN) and returns, per id, the analysis result row:
-- stats {n, pct} (pct 0–100, NULL for an empty population), the denominator and the USUBJIDs counted.

CREATE OR REPLACE MACRO proportion(tbl) AS TABLE
SELECT id,
       MAP {'n': count(*) FILTER (WHERE counted)::DOUBLE,
            'pct': CASE WHEN count(*) > 0 THEN 100.0 * count(*) FILTER (WHERE counted) / count(*) END} AS stats,
       count(*)::INTEGER AS denominator,
       coalesce(list(USUBJID ORDER BY USUBJID) FILTER (WHERE counted), []) AS patients
FROM query_table(tbl)
GROUP BY id;
