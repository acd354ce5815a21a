-- ADSL, subject-level analysis dataset: one row per patient (CDISC ADaM IG v1.3, ADSL).
-- Baseline characteristics of Table 1, the first-line treatment (induction chemotherapy, concurrent
-- chemoradiotherapy, consolidation/adjuvant chemotherapy), resection of the primary with its pathology,
-- liver-directed treatment, and the timing of each treatment and progression as study days (Day 1 = TRTSDT,
-- src/sql/adam/day1.sql). No calendar date is kept. Events and assessments are as of the cut-off (cutoff.sql).
-- Stage: cM0 = locally advanced, cM1 = metastatic (UICC TNM 8th ed.).
-- Codelist columns are ENUMs in the source tables (src/core/cohort/rowsql.ts) and VARCHAR here, like every ADaM
-- character variable.

CREATE OR REPLACE TABLE adsl AS
WITH
-- The treatments of each patient in one pass, one group of columns per clinical concept. Dates stay calendar dates
-- here (internal); study_days turns them into study days.
treatment AS (
  SELECT USUBJID,
    -- induction chemotherapy: the regimen, first to last day
    arg_min(AGENT, STDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION') AS REGIMEN,
    min(STDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION') AS INDSTDT,
    max(ENDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION') AS INDENDT,
    -- first-line cycles: induction + concurrent + consolidation + adjuvant chemotherapy
    sum(CYCLES) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY'
                        AND TRTPHASE IN ('INDUCTION', 'CONCURRENT', 'CONSOLIDATION', 'ADJUVANT'))::INTEGER AS CYCLES1L,
    -- the radiotherapy course given concurrently with chemotherapy
    arg_min(RTDOSE, STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS RTDOSE,
    arg_min(RTFRAC, STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS RTFRAC,
    arg_min(RTINTENT, STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS RTINTENT,
    min(STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS CRTSTDT,
    max(ENDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS CRTENDT,
    -- adjuvant chemotherapy
    min(STDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'ADJUVANT') AS ADJSTDT,
    max(ENDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'ADJUVANT') AS ADJENDT,
    -- resection of the primary tumour: margin (R0/R1) and pathological T stage (ypT)
    min(STDT) FILTER (WHERE TRTCAT = 'PRIMARY_SURGERY') AS SURGDT,
    arg_min(MARGIN, STDT) FILTER (WHERE TRTCAT = 'PRIMARY_SURGERY') AS MARGIN,
    arg_min(YPT, STDT) FILTER (WHERE TRTCAT = 'PRIMARY_SURGERY') AS YPT,
    -- radiofrequency ablation or resection of liver metastases
    min(STDT) FILTER (WHERE TRTCAT = 'LIVER_RFA') AS LRFADT,
    min(STDT) FILTER (WHERE TRTCAT = 'LIVER_RESECTION') AS LRESDT
  FROM src_treatments
  GROUP BY USUBJID
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
  SELECT USUBJID, min(dt) AS PROGDT,
         min(dt) FILTER (WHERE PROGSITE = 'LOCOREGIONAL') AS LRPDT,
         min(dt) FILTER (WHERE PROGSITE = 'DISTANT') AS DMPDT
  FROM progression_record
  GROUP BY USUBJID
),

death AS (
  SELECT USUBJID, min(EVDTC) AS DTHDT, arg_min(DTHCAUSE, EVDTC) AS DTHCAUS
  FROM src_events_asof WHERE EVENT = 'DEATH'
  GROUP BY USUBJID
),

last_known_alive AS (  -- end of follow-up: the last contact or death
  SELECT USUBJID, max(EVDTC) AS LSTALVDT
  FROM src_events_asof WHERE EVENT IN ('DEATH', 'LAST_CONTACT')
  GROUP BY USUBJID
),

study_days AS (  -- every date above as a study day (Day 1 = TRTSDT, day1.sql)
  SELECT d.USUBJID,
         study_day(t.INDSTDT, d.TRTSDT) AS INDSTDY, study_day(t.INDENDT, d.TRTSDT) AS INDENDY,
         study_day(t.CRTSTDT, d.TRTSDT) AS CRTSTDY, study_day(t.CRTENDT, d.TRTSDT) AS CRTENDY,
         study_day(t.SURGDT, d.TRTSDT) AS SURGDY,
         study_day(t.LRFADT, d.TRTSDT) AS LRFADY, study_day(t.LRESDT, d.TRTSDT) AS LRESDY,
         study_day(t.ADJSTDT, d.TRTSDT) AS ADJSTDY, study_day(t.ADJENDT, d.TRTSDT) AS ADJENDY,
         study_day(g.PROGDT, d.TRTSDT) AS PROGDY, study_day(g.LRPDT, d.TRTSDT) AS LRPDY,
         study_day(g.DMPDT, d.TRTSDT) AS DMPDY,
         study_day(dth.DTHDT, d.TRTSDT) AS DTHDY, study_day(f.LSTALVDT, d.TRTSDT) AS LSTALVDY
  FROM src_day1 d
  LEFT JOIN treatment t USING (USUBJID)
  LEFT JOIN progression g USING (USUBJID)
  LEFT JOIN death dth USING (USUBJID)
  LEFT JOIN last_known_alive f USING (USUBJID)
)

SELECT
  p.USUBJID, p.AGE, p.SEX::VARCHAR AS SEX, p.ECOG, p.KI67, p.MORPH::VARCHAR AS MORPH,
  p.PRIMSITE::VARCHAR AS PRIMSITE, p.CTSTAGE::VARCHAR AS CTSTAGE, p.CNSTAGE::VARCHAR AS CNSTAGE,
  p.CMSTAGE::VARCHAR AS CMSTAGE,
  CASE p.CMSTAGE WHEN 'M1' THEN 'METASTATIC' ELSE 'LOCALLY ADVANCED' END AS STAGE,
  CASE WHEN coalesce(m.liver, false) THEN 'Y' ELSE 'N' END AS LIVMETFL,
  CASE WHEN coalesce(m.peritoneum, false) THEN 'Y' ELSE 'N' END AS PERMETFL,
  p.COMORB::VARCHAR AS COMORB,
  t.REGIMEN,
  split_part(t.REGIMEN, '_', 1) AS PLATIN,
  coalesce(t.CYCLES1L, 0) AS CYCLES1L,
  t.RTDOSE, t.RTFRAC, t.RTINTENT::VARCHAR AS RTINTENT,
  CASE WHEN t.SURGDT IS NULL THEN 'N' ELSE 'Y' END AS SURGFL,
  t.MARGIN::VARCHAR AS MARGIN, t.YPT::VARCHAR AS YPT,
  CASE WHEN t.YPT = 'ypT0' THEN 'Y' WHEN t.SURGDT IS NOT NULL THEN 'N' END AS YPT0FL,
  CASE WHEN d.LRFADY IS NULL THEN 'N' ELSE 'Y' END AS LIVRFAFL,
  CASE WHEN d.LRESDY IS NULL THEN 'N' ELSE 'Y' END AS LIVRESFL,
  d.INDSTDY, d.INDENDY, d.CRTSTDY, d.CRTENDY, d.SURGDY, d.LRFADY, d.LRESDY, d.ADJSTDY, d.ADJENDY,
  CASE WHEN d.PROGDY IS NULL THEN 'N' ELSE 'Y' END AS PROGFL, d.PROGDY,
  CASE WHEN d.LRPDY IS NULL THEN 'N' ELSE 'Y' END AS LRPFL, d.LRPDY,
  CASE WHEN d.DMPDY IS NULL THEN 'N' ELSE 'Y' END AS DMPFL, d.DMPDY,
  CASE WHEN d.DTHDY IS NULL THEN 'N' ELSE 'Y' END AS DTHFL, d.DTHDY, dth.DTHCAUS::VARCHAR AS DTHCAUS, d.LSTALVDY
FROM src_patients p
LEFT JOIN metastatic_sites m USING (USUBJID)
LEFT JOIN treatment t USING (USUBJID)
LEFT JOIN death dth USING (USUBJID)
LEFT JOIN study_days d USING (USUBJID);
