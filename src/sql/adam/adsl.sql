-- ADSL, subject-level analysis dataset: one row per patient (CDISC ADaM IG v1.3, ADSL).
-- Baseline characteristics of Table 1, the first-line treatment (induction chemotherapy, concurrent
-- chemoradiotherapy, consolidation/adjuvant chemotherapy), resection of the primary with its pathology,
-- liver-directed treatment, and the timing of each treatment and progression as study days (Day 1 = TRTSDT,
-- src/sql/adam/day1.sql). No calendar date is kept. Events and assessments are as of the cut-off (cutoff.sql).
-- Stage: cM0 = locally advanced, cM1 = metastatic (UICC TNM 8th ed.).

CREATE OR REPLACE TABLE adsl AS
WITH
treatment AS (
  SELECT t.*, d.TRTSDT FROM src_treatments t JOIN src_day1 d USING (USUBJID)
),

induction AS (
  SELECT USUBJID, arg_min(AGENT, STDT) AS REGIMEN,
         study_day(min(STDT), TRTSDT) AS INDSTDY, study_day(max(ENDT), TRTSDT) AS INDENDY
  FROM treatment WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION'
  GROUP BY USUBJID, TRTSDT
),

first_line_cycles AS (  -- cycles of induction + concurrent + consolidation + adjuvant chemotherapy
  SELECT USUBJID, sum(CYCLES)::INTEGER AS CYCLES1L
  FROM treatment
  WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE IN ('INDUCTION', 'CONCURRENT', 'CONSOLIDATION', 'ADJUVANT')
  GROUP BY USUBJID
),

chemoradiotherapy AS (  -- the radiotherapy course given concurrently with chemotherapy
  SELECT USUBJID, arg_min(RTDOSE, STDT) AS RTDOSE, arg_min(RTFRAC, STDT) AS RTFRAC,
         arg_min(RTINTENT, STDT) AS RTINTENT,
         study_day(min(STDT), TRTSDT) AS CRTSTDY, study_day(max(ENDT), TRTSDT) AS CRTENDY
  FROM treatment WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT'
  GROUP BY USUBJID, TRTSDT
),

adjuvant AS (
  SELECT USUBJID, study_day(min(STDT), TRTSDT) AS ADJSTDY, study_day(max(ENDT), TRTSDT) AS ADJENDY
  FROM treatment WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'ADJUVANT'
  GROUP BY USUBJID, TRTSDT
),

primary_resection AS (  -- resection of the primary tumour: margin (R0/R1) and pathological T stage (ypT)
  SELECT USUBJID, study_day(min(STDT), TRTSDT) AS SURGDY,
         arg_min(MARGIN, STDT) AS MARGIN, arg_min(YPT, STDT) AS YPT
  FROM treatment WHERE TRTCAT = 'PRIMARY_SURGERY'
  GROUP BY USUBJID, TRTSDT
),

liver_directed AS (  -- radiofrequency ablation or resection of liver metastases
  SELECT USUBJID,
         study_day(min(STDT) FILTER (WHERE TRTCAT = 'LIVER_RFA'), TRTSDT) AS LRFADY,
         study_day(min(STDT) FILTER (WHERE TRTCAT = 'LIVER_RESECTION'), TRTSDT) AS LRESDY
  FROM treatment WHERE TRTCAT IN ('LIVER_RFA', 'LIVER_RESECTION')
  GROUP BY USUBJID, TRTSDT
),

metastatic_sites AS (  -- distant metastases at diagnosis
  SELECT USUBJID, bool_or(METSITE = 'LIVER') AS liver, bool_or(METSITE = 'PERITONEUM') AS peritoneum
  FROM src_metastases GROUP BY USUBJID
),

progression_record AS (  -- progression events by site, and RECIST PD assessments
  SELECT USUBJID, EVDTC AS dt, PROGSITE FROM src_events_asof WHERE EVENT = 'PROGRESSION'
  UNION ALL
  SELECT USUBJID, RSDTC, NULL FROM src_assessments_asof WHERE RSORRES = 'PD'
),

progression AS (  -- first progression (any site or PD), first locoregional and first distant progression
  SELECT p.USUBJID, study_day(min(p.dt), d.TRTSDT) AS PROGDY,
         study_day(min(p.dt) FILTER (WHERE p.PROGSITE = 'LOCOREGIONAL'), d.TRTSDT) AS LRPDY,
         study_day(min(p.dt) FILTER (WHERE p.PROGSITE = 'DISTANT'), d.TRTSDT) AS DMPDY
  FROM progression_record p JOIN src_day1 d USING (USUBJID)
  GROUP BY p.USUBJID, d.TRTSDT
),

death AS (
  SELECT e.USUBJID, study_day(min(e.EVDTC), d.TRTSDT) AS DTHDY, arg_min(e.DTHCAUSE, e.EVDTC) AS DTHCAUS
  FROM src_events_asof e JOIN src_day1 d USING (USUBJID)
  WHERE e.EVENT = 'DEATH'
  GROUP BY e.USUBJID, d.TRTSDT
),

last_known_alive AS (  -- end of follow-up: the last contact or death
  SELECT e.USUBJID, study_day(max(e.EVDTC), d.TRTSDT) AS LSTALVDY
  FROM src_events_asof e JOIN src_day1 d USING (USUBJID)
  WHERE e.EVENT IN ('DEATH', 'LAST_CONTACT')
  GROUP BY e.USUBJID, d.TRTSDT
)

SELECT
  p.USUBJID, p.AGE, p.SEX, p.ECOG, p.KI67, p.MORPH, p.PRIMSITE, p.CTSTAGE, p.CNSTAGE, p.CMSTAGE,
  CASE p.CMSTAGE WHEN 'M1' THEN 'METASTATIC' ELSE 'LOCALLY ADVANCED' END AS STAGE,
  CASE WHEN coalesce(m.liver, false) THEN 'Y' ELSE 'N' END AS LIVMETFL,
  CASE WHEN coalesce(m.peritoneum, false) THEN 'Y' ELSE 'N' END AS PERMETFL,
  p.COMORB,
  i.REGIMEN,
  split_part(i.REGIMEN, '_', 1) AS PLATIN,
  coalesce(c.CYCLES1L, 0) AS CYCLES1L,
  crt.RTDOSE, crt.RTFRAC, crt.RTINTENT,
  CASE WHEN s.USUBJID IS NULL THEN 'N' ELSE 'Y' END AS SURGFL,
  s.MARGIN, s.YPT,
  CASE WHEN s.YPT = 'ypT0' THEN 'Y' WHEN s.USUBJID IS NOT NULL THEN 'N' END AS YPT0FL,
  CASE WHEN l.LRFADY IS NULL THEN 'N' ELSE 'Y' END AS LIVRFAFL,
  CASE WHEN l.LRESDY IS NULL THEN 'N' ELSE 'Y' END AS LIVRESFL,
  i.INDSTDY, i.INDENDY, crt.CRTSTDY, crt.CRTENDY, s.SURGDY, l.LRFADY, l.LRESDY, a.ADJSTDY, a.ADJENDY,
  CASE WHEN g.PROGDY IS NULL THEN 'N' ELSE 'Y' END AS PROGFL, g.PROGDY,
  CASE WHEN g.LRPDY IS NULL THEN 'N' ELSE 'Y' END AS LRPFL, g.LRPDY,
  CASE WHEN g.DMPDY IS NULL THEN 'N' ELSE 'Y' END AS DMPFL, g.DMPDY,
  CASE WHEN dth.DTHDY IS NULL THEN 'N' ELSE 'Y' END AS DTHFL, dth.DTHDY, dth.DTHCAUS, f.LSTALVDY
FROM src_patients p
LEFT JOIN metastatic_sites m USING (USUBJID)
LEFT JOIN induction i USING (USUBJID)
LEFT JOIN first_line_cycles c USING (USUBJID)
LEFT JOIN chemoradiotherapy crt USING (USUBJID)
LEFT JOIN adjuvant a USING (USUBJID)
LEFT JOIN primary_resection s USING (USUBJID)
LEFT JOIN liver_directed l USING (USUBJID)
LEFT JOIN progression g USING (USUBJID)
LEFT JOIN death dth USING (USUBJID)
LEFT JOIN last_known_alive f USING (USUBJID)
ORDER BY p.USUBJID;
