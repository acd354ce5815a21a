-- ADTTE, time-to-event analysis dataset (CDISC ADaM BDS for time-to-event, ADaM IG v1.3; FDA guidance on
-- endpoints for cancer drugs, 2018). AVAL = ADY − STARTDY + 1 days (= ADT − STARTDT + 1); CNSR 0 = event, 1 = censored.
-- OS   overall survival from Day 1 to death; censored at the last contact (ADSL.LSTALVDY).
-- PFS  progression-free survival from Day 1 to the first progression (an event of any site or a RECIST PD,
--      ADSL.PROGDY) or death, whichever is first;
--      censored at the last adequate tumour assessment (overall response other than NE), or Day 1 if none.
-- DOR  duration of response, in confirmed responders (BOR CR or PR in ADRS), from the first documented CR or PR to
--      progression or death; censored at the last adequate assessment.
-- Everything is as of the data cut-off: ADSL and ADRS are (cutoff.sql).

CREATE OR REPLACE TABLE adtte AS
WITH
assessment_course AS (  -- per patient: the last assessment with an evaluable overall response (not NE, LADY) and
  -- the first documented CR or PR (FRSPDY)
  SELECT USUBJID, max(ADY) FILTER (WHERE AVALC <> 'NE') AS LADY,
         min(ADY) FILTER (WHERE AVALC IN ('CR', 'PR')) AS FRSPDY
  FROM adrs WHERE PARAMCD = 'OVRLRESP' AND AVALC IS NOT NULL
  GROUP BY USUBJID
),

progression_or_death AS (
  SELECT USUBJID, least(PROGDY, DTHDY) AS EVDY,
         CASE WHEN PROGDY IS NOT NULL AND (DTHDY IS NULL OR PROGDY <= DTHDY) THEN 'PROGRESSION' ELSE 'DEATH' END AS EVNTDESC
  FROM adsl WHERE PROGFL = 'Y' OR DTHFL = 'Y'
),

first_response AS (  -- first documented CR or PR of each confirmed responder (it precedes any PD)
  SELECT r.USUBJID, r.FRSPDY AS STARTDY
  FROM assessment_course r JOIN adrs bor ON bor.USUBJID = r.USUBJID AND bor.PARAMCD = 'BOR' AND bor.AVALC IN ('CR', 'PR')
),

overall_survival AS (
  SELECT s.USUBJID, 'OS' AS PARAMCD, 'Overall survival' AS PARAM, 1 AS STARTDY,
         CASE WHEN s.DTHFL = 'Y' THEN s.DTHDY ELSE s.LSTALVDY END AS ADY,
         CASE WHEN s.DTHFL = 'Y' THEN 0 ELSE 1 END AS CNSR,
         CASE WHEN s.DTHFL = 'Y' THEN 'DEATH' END AS EVNTDESC,
         CASE WHEN s.DTHFL = 'N' THEN 'LAST CONTACT' END AS CNSDTDSC
  FROM adsl s
),

progression_free_survival AS (
  SELECT s.USUBJID, 'PFS' AS PARAMCD, 'Progression-free survival' AS PARAM, 1 AS STARTDY,
         coalesce(e.EVDY, a.LADY, 1) AS ADY,
         CASE WHEN e.EVDY IS NULL THEN 1 ELSE 0 END AS CNSR,
         e.EVNTDESC,
         CASE WHEN e.EVDY IS NOT NULL THEN NULL
              WHEN a.LADY IS NULL THEN 'NO ADEQUATE ASSESSMENT' ELSE 'LAST ADEQUATE ASSESSMENT' END AS CNSDTDSC
  FROM adsl s LEFT JOIN progression_or_death e USING (USUBJID) LEFT JOIN assessment_course a USING (USUBJID)
),

duration_of_response AS (
  SELECT r.USUBJID, 'DOR' AS PARAMCD, 'Duration of response' AS PARAM, r.STARTDY,
         coalesce(e.EVDY, a.LADY) AS ADY,
         CASE WHEN e.EVDY IS NULL THEN 1 ELSE 0 END AS CNSR,
         e.EVNTDESC,
         CASE WHEN e.EVDY IS NULL THEN 'LAST ADEQUATE ASSESSMENT' END AS CNSDTDSC
  FROM first_response r
  LEFT JOIN progression_or_death e ON e.USUBJID = r.USUBJID AND e.EVDY >= r.STARTDY
  LEFT JOIN assessment_course a ON a.USUBJID = r.USUBJID
)

SELECT USUBJID, PARAMCD, PARAM, STARTDY, ADY, ADY - STARTDY + 1 AS AVAL, 'DAYS' AS AVALU, CNSR, EVNTDESC, CNSDTDSC
FROM (SELECT * FROM overall_survival
      UNION ALL SELECT * FROM progression_free_survival
      UNION ALL SELECT * FROM duration_of_response);
