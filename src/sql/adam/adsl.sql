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
-- Each source file aggregated once per patient (the PD assessments apart), and each aggregate joined to the patient
-- once (docs/scale.md).
-- The treatments of each patient in one pass, one group of columns per clinical concept. Dates stay calendar dates
-- here (internal); the final SELECT turns them into study days.
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

follow_up AS (  -- the events of each patient in one pass: progression by site, death, the end of follow-up
  SELECT USUBJID,
    min(EVDTC) FILTER (WHERE EVENT = 'PROGRESSION') AS progression_event_dt,
    -- first locoregional and first distant progression
    min(EVDTC) FILTER (WHERE EVENT = 'PROGRESSION' AND PROGSITE = 'LOCOREGIONAL') AS LRPDT,
    min(EVDTC) FILTER (WHERE EVENT = 'PROGRESSION' AND PROGSITE = 'DISTANT') AS DMPDT,
    min(EVDTC) FILTER (WHERE EVENT = 'DEATH') AS DTHDT,
    arg_min(DTHCAUSE, EVDTC) FILTER (WHERE EVENT = 'DEATH') AS DTHCAUS,
    -- end of follow-up: the last contact or death
    max(EVDTC) FILTER (WHERE EVENT IN ('DEATH', 'LAST_CONTACT')) AS LSTALVDT
  FROM src_events_asof
  GROUP BY USUBJID
),

progressive_disease AS (  -- the first RECIST PD assessment
  SELECT USUBJID, min(RSDTC) AS pd_dt FROM src_assessments_asof WHERE RSORRES = 'PD' GROUP BY USUBJID
),

dates AS (  -- every date of a patient, calendar dates still (internal): the first progression is the first
  -- progression event or PD assessment, whichever comes first (least() skips a missing one)
  SELECT p.*, d.TRTSDT, m.liver, m.peritoneum, t.* EXCLUDE (USUBJID), f.* EXCLUDE (USUBJID),
         least(f.progression_event_dt, pd.pd_dt) AS PROGDT
  FROM src_patients p
  LEFT JOIN src_day1 d USING (USUBJID)
  LEFT JOIN metastatic_sites m USING (USUBJID)
  LEFT JOIN treatment t USING (USUBJID)
  LEFT JOIN follow_up f USING (USUBJID)
  LEFT JOIN progressive_disease pd USING (USUBJID)
)

SELECT
  USUBJID, AGE, SEX::VARCHAR AS SEX, ECOG, KI67, MORPH::VARCHAR AS MORPH,
  PRIMSITE::VARCHAR AS PRIMSITE, CTSTAGE::VARCHAR AS CTSTAGE, CNSTAGE::VARCHAR AS CNSTAGE,
  CMSTAGE::VARCHAR AS CMSTAGE,
  CASE CMSTAGE WHEN 'M1' THEN 'METASTATIC' ELSE 'LOCALLY ADVANCED' END AS STAGE,
  CASE WHEN coalesce(liver, false) THEN 'Y' ELSE 'N' END AS LIVMETFL,
  CASE WHEN coalesce(peritoneum, false) THEN 'Y' ELSE 'N' END AS PERMETFL,
  COMORB::VARCHAR AS COMORB,
  REGIMEN,
  split_part(REGIMEN, '_', 1) AS PLATIN,
  coalesce(CYCLES1L, 0) AS CYCLES1L,
  RTDOSE, RTFRAC, RTINTENT::VARCHAR AS RTINTENT,
  CASE WHEN SURGDT IS NULL THEN 'N' ELSE 'Y' END AS SURGFL,
  MARGIN::VARCHAR AS MARGIN, YPT::VARCHAR AS YPT,
  CASE WHEN YPT = 'ypT0' THEN 'Y' WHEN SURGDT IS NOT NULL THEN 'N' END AS YPT0FL,
  CASE WHEN LRFADT IS NULL THEN 'N' ELSE 'Y' END AS LIVRFAFL,
  CASE WHEN LRESDT IS NULL THEN 'N' ELSE 'Y' END AS LIVRESFL,
  -- each date as a study day (Day 1 = TRTSDT, day1.sql)
  study_day(INDSTDT, TRTSDT) AS INDSTDY, study_day(INDENDT, TRTSDT) AS INDENDY,
  study_day(CRTSTDT, TRTSDT) AS CRTSTDY, study_day(CRTENDT, TRTSDT) AS CRTENDY,
  study_day(SURGDT, TRTSDT) AS SURGDY, study_day(LRFADT, TRTSDT) AS LRFADY, study_day(LRESDT, TRTSDT) AS LRESDY,
  study_day(ADJSTDT, TRTSDT) AS ADJSTDY, study_day(ADJENDT, TRTSDT) AS ADJENDY,
  CASE WHEN PROGDT IS NULL THEN 'N' ELSE 'Y' END AS PROGFL, study_day(PROGDT, TRTSDT) AS PROGDY,
  CASE WHEN LRPDT IS NULL THEN 'N' ELSE 'Y' END AS LRPFL, study_day(LRPDT, TRTSDT) AS LRPDY,
  CASE WHEN DMPDT IS NULL THEN 'N' ELSE 'Y' END AS DMPFL, study_day(DMPDT, TRTSDT) AS DMPDY,
  CASE WHEN DTHDT IS NULL THEN 'N' ELSE 'Y' END AS DTHFL, study_day(DTHDT, TRTSDT) AS DTHDY,
  DTHCAUS::VARCHAR AS DTHCAUS, study_day(LSTALVDT, TRTSDT) AS LSTALVDY
FROM dates;
