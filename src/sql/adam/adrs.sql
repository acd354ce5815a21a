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
-- The OVRLRESP records are written first; PROG and BOR are then added, BOR read from the OVRLRESP records, so that
-- the 10^7 assessments of a registry-sized cohort are read and joined once (docs/scale.md). The codelist columns are
-- joined as the source's ENUMs (src/core/cohort/rowsql.ts) and written as VARCHAR.

CREATE OR REPLACE TABLE adrs AS
WITH
baseline_size AS (  -- the last baseline measurement of the primary tumour
  SELECT USUBJID, arg_max(TUSIZE_MM, RSDTC) AS BASE
  FROM src_assessments_asof WHERE VISIT = 'BASELINE' AND TUSIZE_MM IS NOT NULL
  GROUP BY USUBJID
),

patient AS (  -- what each assessment needs of its patient: Day 1, the resection day and the baseline size
  SELECT d.USUBJID, d.TRTSDT, s.SURGDY, b.BASE
  FROM src_day1 d LEFT JOIN adsl s USING (USUBJID) LEFT JOIN baseline_size b USING (USUBJID)
),

assessment AS (  -- as of the cut-off (cutoff.sql), on study days
  SELECT a.USUBJID, a.VISIT, study_day(a.RSDTC, p.TRTSDT) AS ADY, a.RSORRES, a.TUSIZE_MM, a.METHOD, p.SURGDY, p.BASE
  FROM src_assessments_asof a JOIN patient p USING (USUBJID)
)

SELECT USUBJID, 'OVRLRESP' AS PARAMCD, 'Overall response (RECIST 1.1)' AS PARAM, VISIT::VARCHAR AS AVISIT, ADY,
       RSORRES::VARCHAR AS AVALC, TUSIZE_MM AS TUSIZE, BASE, 100 * (TUSIZE_MM - BASE) / BASE AS PCHG,
       CASE WHEN VISIT <> 'BASELINE' AND TUSIZE_MM IS NOT NULL AND (SURGDY IS NULL OR ADY < SURGDY)
            THEN 'Y' END AS ANL01FL,
       METHOD::VARCHAR AS METHOD, NULL::VARCHAR AS PROGORG
FROM assessment;

INSERT INTO adrs BY NAME
SELECT e.USUBJID, 'PROG' AS PARAMCD, 'Disease progression (site)' AS PARAM, study_day(e.EVDTC, d.TRTSDT) AS ADY,
       e.PROGSITE AS AVALC, e.PROGORG
FROM src_events_asof e JOIN src_day1 d USING (USUBJID)
WHERE e.EVENT = 'PROGRESSION';

INSERT INTO adrs BY NAME
WITH
overall_response AS (
  SELECT USUBJID, ADY, AVALC FROM adrs WHERE PARAMCD = 'OVRLRESP' AND AVALC IS NOT NULL
),

first_progression AS (
  SELECT USUBJID, min(ADY) AS PDDY FROM overall_response WHERE AVALC = 'PD' GROUP BY USUBJID
),

response_course AS (  -- per patient, over the responses up to and including the first PD: the first and last day of
  -- each response, and the first day of disease control at least 42 days after Day 1
  SELECT r.USUBJID,
         min(r.ADY) FILTER (WHERE r.AVALC = 'CR') AS first_cr_dy,
         max(r.ADY) FILTER (WHERE r.AVALC = 'CR') AS last_cr_dy,
         min(r.ADY) FILTER (WHERE r.AVALC = 'PR') AS first_pr_dy,
         max(r.ADY) FILTER (WHERE r.AVALC IN ('CR', 'PR')) AS last_cr_pr_dy,
         min(r.ADY) FILTER (WHERE r.AVALC IN ('CR', 'PR', 'SD') AND r.ADY - 1 >= 42) AS first_sd_dy
  FROM overall_response r LEFT JOIN first_progression p USING (USUBJID)
  WHERE p.PDDY IS NULL OR r.ADY <= p.PDDY
  GROUP BY r.USUBJID
),

best_response AS (  -- RECIST order CR > PR > SD > PD; NE when none.
  -- A CR is confirmed by a later CR ≥ 28 days after it, a PR by a later PR or CR: such a confirmation exists for
  -- some response exactly when it exists for the first one, which is then the BOR's day.
  SELECT s.USUBJID,
         CASE WHEN c.last_cr_dy - c.first_cr_dy >= 28 THEN 'CR'
              WHEN c.last_cr_pr_dy - c.first_pr_dy >= 28 THEN 'PR'
              WHEN c.first_sd_dy IS NOT NULL THEN 'SD'
              WHEN p.PDDY IS NOT NULL THEN 'PD'
              ELSE 'NE' END AS AVALC,
         CASE WHEN c.last_cr_dy - c.first_cr_dy >= 28 THEN c.first_cr_dy
              WHEN c.last_cr_pr_dy - c.first_pr_dy >= 28 THEN c.first_pr_dy
              WHEN c.first_sd_dy IS NOT NULL THEN c.first_sd_dy
              ELSE p.PDDY END AS ADY
  FROM adsl s LEFT JOIN response_course c USING (USUBJID) LEFT JOIN first_progression p USING (USUBJID)
)

SELECT USUBJID, 'BOR' AS PARAMCD, 'Best overall response (confirmed, RECIST 1.1)' AS PARAM, ADY, AVALC
FROM best_response;
