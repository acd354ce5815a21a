-- Day 1 and study days (docs/architecture.md, conventions; CDISC ADaM IG v1.3 §3.3.4 "--DY" variables).
-- TRTSDT, Day 1, is the first day of induction chemotherapy, the first treatment every patient received.
-- ADY = date − TRTSDT + 1 on or after Day 1 and date − TRTSDT before it: there is no Day 0.
-- src_day1 keeps the calendar date internally (src_ prefix); only study days go into the ADaM tables.

CREATE OR REPLACE TABLE src_day1 AS
SELECT USUBJID, min(STDT) AS TRTSDT
FROM src_treatments
WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION'
GROUP BY USUBJID;

CREATE OR REPLACE MACRO study_day(dt, trtsdt) AS
  CAST(CASE WHEN dt >= trtsdt THEN dt - trtsdt + 1 ELSE dt - trtsdt END AS INTEGER);
