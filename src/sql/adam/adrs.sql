-- ADRS, response analysis dataset (CDISC ADaM IG v1.3, BDS; RECIST 1.1, Eisenhauer et al. 2009).
-- PARAMCD OVRLRESP: one record per tumour assessment up to the data cut-off, with the investigator's overall
--   response (AVALC; none at baseline), the primary-tumour size (TUSIZE, mm), its baseline (BASE) and percent change
--   (PCHG = 100·(TUSIZE − BASE)/BASE). ANL01FL = 'Y' marks post-baseline sizes measured before resection of the
--   primary (the waterfall's best change).
-- PARAMCD PROG: one record per progression event (events.csv) with its site (AVALC: LOCOREGIONAL or DISTANT) and
--   organ (PROGORG).
-- PARAMCD BOR: best overall response per patient, confirmed as RECIST 1.1 requires for non-randomised trials,
--   using assessments up to and including the first PD:
--   CR  if a CR is followed by another CR at least 28 days later;
--   PR  if a PR is followed by a PR or CR at least 28 days later;
--   SD  if any CR, PR or SD was assessed at least 42 days after Day 1 (ADY − 1 ≥ 42; unconfirmed responses count
--       as SD when they meet this minimum duration);
--   PD  if any assessment was PD; otherwise NE (also for patients without a post-baseline assessment).
--   ADY of a BOR record is the first assessment that meets it.

CREATE OR REPLACE TABLE adrs AS
WITH
assessment AS (  -- as of the cut-off (cutoff.sql)
  SELECT a.USUBJID, a.VISIT, study_day(a.RSDTC, d.TRTSDT) AS ADY, a.RSORRES, a.TUSIZE_MM, a.METHOD
  FROM src_assessments_asof a JOIN src_day1 d USING (USUBJID)
),

progression_event AS (
  SELECT e.USUBJID, 'PROG' AS PARAMCD, 'Disease progression (site)' AS PARAM, study_day(e.EVDTC, d.TRTSDT) AS ADY,
         e.PROGSITE AS AVALC, e.PROGORG
  FROM src_events_asof e JOIN src_day1 d USING (USUBJID)
  WHERE e.EVENT = 'PROGRESSION'
),

baseline_size AS (  -- the last baseline measurement of the primary tumour
  SELECT USUBJID, arg_max(TUSIZE_MM, ADY) AS BASE
  FROM assessment WHERE VISIT = 'BASELINE' AND TUSIZE_MM IS NOT NULL
  GROUP BY USUBJID
),

overall_response AS (
  SELECT a.USUBJID, 'OVRLRESP' AS PARAMCD, 'Overall response (RECIST 1.1)' AS PARAM, a.VISIT AS AVISIT, a.ADY,
         a.RSORRES AS AVALC, a.TUSIZE_MM AS TUSIZE, b.BASE,
         100 * (a.TUSIZE_MM - b.BASE) / b.BASE AS PCHG,
         CASE WHEN a.VISIT <> 'BASELINE' AND a.TUSIZE_MM IS NOT NULL AND (s.SURGDY IS NULL OR a.ADY < s.SURGDY)
              THEN 'Y' END AS ANL01FL,
         a.METHOD
  FROM assessment a
  LEFT JOIN baseline_size b USING (USUBJID)
  LEFT JOIN adsl s USING (USUBJID)
),

first_progression AS (
  SELECT USUBJID, min(ADY) AS PDDY FROM assessment WHERE RSORRES = 'PD' GROUP BY USUBJID
),

until_progression AS (  -- responses that count towards BOR: up to and including the first PD
  SELECT a.USUBJID, a.ADY, a.RSORRES AS AVALC
  FROM assessment a LEFT JOIN first_progression p USING (USUBJID)
  WHERE a.RSORRES IS NOT NULL AND (p.PDDY IS NULL OR a.ADY <= p.PDDY)
),

last_response AS (  -- the day of each patient's last CR, and of the last CR or PR, up to the first PD
  SELECT USUBJID, max(ADY) FILTER (WHERE AVALC = 'CR') AS last_cr_dy,
         max(ADY) FILTER (WHERE AVALC IN ('CR', 'PR')) AS last_cr_pr_dy
  FROM until_progression GROUP BY USUBJID
),

confirmed_response AS (  -- CR/PR confirmed by the same or a better response ≥ 28 days later: a CR by a later CR,
  -- a PR by a later PR or CR. Such a later response exists exactly when the last one is ≥ 28 days later.
  SELECT r.USUBJID, r.AVALC, min(r.ADY) AS ADY
  FROM until_progression r JOIN last_response l USING (USUBJID)
  WHERE (r.AVALC = 'CR' AND l.last_cr_dy - r.ADY >= 28) OR (r.AVALC = 'PR' AND l.last_cr_pr_dy - r.ADY >= 28)
  GROUP BY r.USUBJID, r.AVALC
),

stable_disease AS (  -- disease control for at least 42 days after Day 1
  SELECT USUBJID, 'SD' AS AVALC, min(ADY) AS ADY
  FROM until_progression WHERE AVALC IN ('CR', 'PR', 'SD') AND ADY - 1 >= 42
  GROUP BY USUBJID
),

progressive_disease AS (
  SELECT USUBJID, 'PD' AS AVALC, PDDY AS ADY FROM first_progression
),

best_response AS (  -- the best candidate per patient in RECIST order CR > PR > SD > PD; NE when none
  SELECT s.USUBJID,
         coalesce(arg_min(c.AVALC, c.rank), 'NE') AS AVALC,
         arg_min(c.ADY, c.rank) AS ADY
  FROM adsl s
  LEFT JOIN (
    SELECT *, CASE AVALC WHEN 'CR' THEN 1 WHEN 'PR' THEN 2 WHEN 'SD' THEN 3 ELSE 4 END AS rank
    FROM (SELECT * FROM confirmed_response UNION ALL BY NAME SELECT * FROM stable_disease
          UNION ALL BY NAME SELECT * FROM progressive_disease)
  ) c USING (USUBJID)
  GROUP BY s.USUBJID
)

SELECT * FROM (
  SELECT USUBJID, PARAMCD, PARAM, AVISIT, ADY, AVALC, TUSIZE, BASE, PCHG, ANL01FL, METHOD, NULL::VARCHAR AS PROGORG
  FROM overall_response
  UNION ALL BY NAME
  SELECT * FROM progression_event
  UNION ALL BY NAME
  SELECT USUBJID, 'BOR' AS PARAMCD, 'Best overall response (confirmed, RECIST 1.1)' AS PARAM, ADY, AVALC
  FROM best_response
);
