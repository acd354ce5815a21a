-- Shrinkage of the primary tumour (RECIST 1.1 measurements of the primary, ADRS PARAMCD OVRLRESP):
-- the best (most negative) percent change from baseline of a post-baseline size measured before resection of the
-- primary (ANL01FL = 'Y'). response.shrinkage: patients with ≥ 30% shrinkage (the RECIST PR threshold), with the
-- range of their shrinkage as positive %. response.waterfall: one row per patient with a best change.

WITH
best_change AS (
  SELECT USUBJID, min(PCHG) AS PCHG FROM adrs WHERE PARAMCD = 'OVRLRESP' AND ANL01FL = 'Y' GROUP BY USUBJID
),

waterfall AS (
  SELECT c.USUBJID, s.MORPH, coalesce(b.AVALC, 'NE') AS BOR, c.PCHG
  FROM best_change c
  JOIN adsl s USING (USUBJID)
  LEFT JOIN adrs b ON b.USUBJID = c.USUBJID AND b.PARAMCD = 'BOR'
),

shrinkage AS (
  SELECT USUBJID, -PCHG AS shrinkage_pct FROM best_change WHERE PCHG <= -30
)

SELECT 'response.shrinkage' AS id,
       MAP {'n': count(*)::DOUBLE, 'min': min(shrinkage_pct), 'max': max(shrinkage_pct)} AS stats,
       (SELECT count(*) FROM best_change)::INTEGER AS denominator,
       coalesce(list(USUBJID ORDER BY USUBJID), []) AS patients,
       NULL AS rows,
       NULL AS rows_total
FROM shrinkage
UNION ALL
SELECT 'response.waterfall', NULL, count(*)::INTEGER, coalesce(list(USUBJID ORDER BY USUBJID), []),
       coalesce(list({'USUBJID': USUBJID, 'MORPH': MORPH, 'BOR': BOR, 'PCHG': PCHG} ORDER BY PCHG DESC, USUBJID), []),
       count(*)::INTEGER
FROM waterfall;
