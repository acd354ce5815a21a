-- Shrinkage of the primary tumour (RECIST 1.1 measurements of the primary, ADRS PARAMCD OVRLRESP):
-- the best (most negative) percent change from baseline of a post-baseline size measured before resection of the
-- primary (ANL01FL = 'Y'). response.shrinkage: patients with ≥ 30% shrinkage (the RECIST PR threshold), with the
-- range of their shrinkage as positive %. response.waterfall: one row per patient with a best change; for a best
-- response of PD also the site(s) of the first progression (PDSITE), since PD by new or non-target lesions (RECIST
-- 1.1) can come with a shrinking primary.

WITH
best_change AS NOT MATERIALIZED (  -- inlined where it is used: a materialised CTE stops DuckDB from
  -- pruning the unused columns of the UNION ALL below, and a large cohort's per-patient lists would be computed
  -- only to be dropped (src/core/results/analyses.ts; 5.4 → 1.2 s at 10^6)
  SELECT USUBJID, min(PCHG) AS PCHG FROM adrs WHERE PARAMCD = 'OVRLRESP' AND ANL01FL = 'Y' GROUP BY USUBJID
),

first_progression_site AS (  -- the site(s) of the first progression (ADRS PROG), e.g. 'DISTANT, LOCOREGIONAL'
  SELECT r.USUBJID, string_agg(DISTINCT r.AVALC, ', ' ORDER BY r.AVALC) AS PDSITE
  FROM adrs r
  JOIN (SELECT USUBJID, min(ADY) AS ADY FROM adrs WHERE PARAMCD = 'PROG' GROUP BY USUBJID) f USING (USUBJID, ADY)
  WHERE r.PARAMCD = 'PROG'
  GROUP BY r.USUBJID
),

waterfall AS (  -- PDSITE only for a best response of PD: where the disease progressed, when not (only) the primary
  SELECT c.USUBJID, s.MORPH, coalesce(b.AVALC, 'NE') AS BOR, c.PCHG,
         CASE WHEN b.AVALC = 'PD' THEN p.PDSITE END AS PDSITE
  FROM best_change c
  JOIN adsl s USING (USUBJID)
  LEFT JOIN adrs b ON b.USUBJID = c.USUBJID AND b.PARAMCD = 'BOR'
  LEFT JOIN first_progression_site p ON p.USUBJID = c.USUBJID
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
       coalesce(list({'USUBJID': USUBJID, 'MORPH': MORPH, 'BOR': BOR, 'PCHG': PCHG, 'PDSITE': PDSITE} ORDER BY PCHG DESC, USUBJID), []),
       count(*)::INTEGER
FROM waterfall;
