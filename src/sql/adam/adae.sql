-- ADAE, adverse events analysis dataset (CDISC ADaM ADAE structure v1.0). Grades per CTCAE v4.0 (AETOXGR).
-- ADY is the study day of onset (Day 1 = TRTSDT); TRTEMFL = 'Y' for onset on or after Day 1.
-- AEG34FL = 'Y' for grade 3 or 4 (the paper reports only these as severe). AEACN is the action taken with the
-- treatment (DOSE REDUCED, DRUG WITHDRAWN, DOSE NOT CHANGED, …).

CREATE OR REPLACE TABLE adae AS
WITH
adverse_event AS (  -- as of the cut-off (cutoff.sql)
  SELECT e.*, study_day(e.AESTDTC, d.TRTSDT) AS ADY
  FROM src_adverse_events_asof e JOIN src_day1 d USING (USUBJID)
)

SELECT USUBJID, AETERM, AEDECOD, AETOXGR, AEREL::VARCHAR AS AEREL, AEACN::VARCHAR AS AEACN, ADY,
       CASE WHEN ADY >= 1 THEN 'Y' ELSE 'N' END AS TRTEMFL,
       CASE WHEN AETOXGR IN (3, 4) THEN 'Y' ELSE 'N' END AS AEG34FL
FROM adverse_event;
