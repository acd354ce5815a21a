-- Swimmer plot, markers in study days: the first documented CR or PR (up to the first PD, labelled with it; ADRS
-- OVRLRESP), the first CR when it came after a first PR, locoregional and distant progression (ADRS PROG; several
-- organs on one day are one marker, their organs in the label) and death (ADSL).

-- first_progression and first_response are inlined where they are used (NOT MATERIALIZED): a materialised CTE stops
-- DuckDB from pruning the columns nobody selects, and a large cohort's labels and lists were built only to be dropped
-- (src/core/results/analyses.ts; 8.7 → 1.6 s at 10^6).

WITH
first_progression AS NOT MATERIALIZED (
  SELECT USUBJID, min(ADY) AS PDDY FROM adrs WHERE PARAMCD = 'OVRLRESP' AND AVALC = 'PD' GROUP BY USUBJID
),

first_response AS NOT MATERIALIZED (
  SELECT r.USUBJID, 'response' AS kind, min(r.ADY) AS day, arg_min(r.AVALC, r.ADY) AS label
  FROM adrs r LEFT JOIN first_progression p USING (USUBJID)
  WHERE r.PARAMCD = 'OVRLRESP' AND r.AVALC IN ('CR', 'PR') AND (p.PDDY IS NULL OR r.ADY <= p.PDDY)
  GROUP BY r.USUBJID
),

first_complete_response AS (  -- a CR reached after a first PR (a first response of CR is the response marker)
  SELECT r.USUBJID, 'complete_response' AS kind, min(r.ADY) AS day, 'CR' AS label
  FROM adrs r JOIN first_response f USING (USUBJID) LEFT JOIN first_progression p USING (USUBJID)
  WHERE r.PARAMCD = 'OVRLRESP' AND r.AVALC = 'CR' AND (p.PDDY IS NULL OR r.ADY <= p.PDDY)
  GROUP BY r.USUBJID, f.day
  HAVING min(r.ADY) > f.day
),

progression AS (
  SELECT USUBJID, 'progression_' || lower(AVALC) AS kind, ADY AS day,
         CASE AVALC WHEN 'LOCOREGIONAL' THEN 'Locoregional progression' ELSE 'Distant progression' END || ': ' ||
         string_agg(DISTINCT lower(replace(PROGORG, '_', ' ')), ', ' ORDER BY lower(replace(PROGORG, '_', ' '))) AS label
  FROM adrs WHERE PARAMCD = 'PROG'
  GROUP BY USUBJID, AVALC, ADY
),

death AS (
  SELECT USUBJID, 'death' AS kind, DTHDY AS day, 'Death' AS label FROM adsl WHERE DTHFL = 'Y'
),

marker AS (
  SELECT * FROM first_response UNION ALL SELECT * FROM first_complete_response UNION ALL SELECT * FROM progression UNION ALL SELECT * FROM death
)

SELECT 'swimmer.markers' AS id, (SELECT count(*) FROM adsl)::INTEGER AS denominator,
       coalesce(list(DISTINCT USUBJID ORDER BY USUBJID), []) AS patients,
       coalesce(list({'USUBJID': USUBJID, 'kind': kind, 'day': day, 'label': label} ORDER BY USUBJID, day, kind), [])
         AS rows,
       count(*)::INTEGER AS rows_total
FROM marker;
