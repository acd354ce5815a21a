-- The `fused` step of `npm run bench` (docs/scale.md, "Fifth pass"): what scripts/bench/analyses.R computes (Table 1
-- summaries, Kaplan–Meier OS and PFS with medians, the confirmed ORR with its Clopper–Pearson interval), in as few
-- passes over the cohort as DuckDB allows and with no ADaM dataset: one aggregate per file, then one row per patient.
-- It is not the report's way (that is the `analyses` step, through the ADaM tables the report publishes); it measures
-- how close to the raw scan DuckDB itself gets on these analyses, so that the cost of the ADaM layer can be told
-- from the cost of the analyses. Its output has the R script's shape and must equal it (the bench compares them).
-- Definitions as in analyses.R: Day 1 = start of induction chemotherapy, time = date − Day 1 + 1 days,
-- months = days / (365.25 / 12); first progression = a progression event or a RECIST PD, whichever is first.
-- Inputs: views patients, metastases, treatments, assessments, events (scripts/bench/fused.ts) and the macros of
-- src/sql/lib (kaplan_meier.sql, clopper_pearson.sql).

CREATE TEMP TABLE patient_treatment AS  -- treatments.csv, one pass
SELECT USUBJID,
       min(STDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION') AS day1,
       arg_min(AGENT, STDT) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION') AS regimen,
       sum(CYCLES) FILTER (WHERE TRTCAT = 'CHEMOTHERAPY'
                           AND TRTPHASE IN ('INDUCTION', 'CONCURRENT', 'CONSOLIDATION', 'ADJUVANT')) AS cycles,
       arg_min(RTDOSE, STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS rtdose,
       arg_min(RTFRAC, STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS rtfrac,
       arg_min(RTINTENT, STDT) FILTER (WHERE TRTCAT = 'RADIOTHERAPY' AND TRTPHASE = 'CONCURRENT') AS rtintent,
       bool_or(TRTCAT = 'PRIMARY_SURGERY') AS surgery,
       arg_min(MARGIN, STDT) FILTER (WHERE TRTCAT = 'PRIMARY_SURGERY') AS margin,
       bool_or(TRTCAT = 'LIVER_RFA') AS liver_rfa,
       bool_or(TRTCAT = 'LIVER_RESECTION') AS liver_resection
FROM treatments
GROUP BY USUBJID;

CREATE TEMP TABLE patient_event AS  -- events.csv, one pass
SELECT USUBJID,
       min(EVDTC) FILTER (WHERE EVENT = 'PROGRESSION') AS progression_dt,
       max(EVDTC) FILTER (WHERE EVENT IN ('DEATH', 'LAST_CONTACT')) AS end_dt,
       bool_or(EVENT = 'DEATH') AS died
FROM events
GROUP BY USUBJID;

CREATE TEMP TABLE patient_metastasis AS  -- metastases.csv, one pass
SELECT USUBJID, bool_or(METSITE = 'LIVER') AS liver, bool_or(METSITE = 'PERITONEUM') AS peritoneum
FROM metastases
GROUP BY USUBJID;

CREATE TEMP TABLE overall_response AS  -- assessments.csv, one pass: the assessments with a RECIST response
SELECT USUBJID, RSDTC, RSORRES FROM assessments WHERE RSORRES IS NOT NULL;

CREATE TEMP TABLE patient_assessment AS  -- first PD, last adequate assessment (response other than NE)
SELECT USUBJID, min(RSDTC) FILTER (WHERE RSORRES = 'PD') AS pd_dt,
       max(RSDTC) FILTER (WHERE RSORRES <> 'NE') AS last_adequate_dt
FROM overall_response
GROUP BY USUBJID;

CREATE TEMP TABLE patient_response AS  -- CR and PR up to the first progression (RECIST 1.1 confirmation, 28 days)
SELECT r.USUBJID,
       min(r.RSDTC) FILTER (WHERE r.RSORRES = 'CR') AS first_cr, max(r.RSDTC) FILTER (WHERE r.RSORRES = 'CR') AS last_cr,
       min(r.RSDTC) FILTER (WHERE r.RSORRES = 'PR') AS first_pr, max(r.RSDTC) AS last_cr_pr
FROM overall_response r
LEFT JOIN patient_event e USING (USUBJID)
LEFT JOIN patient_assessment a USING (USUBJID)
WHERE r.RSORRES IN ('CR', 'PR') AND (least(e.progression_dt, a.pd_dt) IS NULL OR r.RSDTC <= least(e.progression_dt, a.pd_dt))
GROUP BY r.USUBJID;

CREATE TEMP TABLE patient AS  -- one row per patient
SELECT p.USUBJID, p.SEX, p.AGE, p.ECOG, p.KI67, p.MORPH, p.CMSTAGE,
       coalesce(m.liver, false) AS liver, coalesce(m.peritoneum, false) AS peritoneum,
       t.day1, t.regimen, coalesce(t.cycles, 0) AS cycles, t.rtdose, t.rtfrac, t.rtintent, coalesce(t.surgery, false) AS surgery,
       t.margin, coalesce(t.liver_rfa, false) AS liver_rfa, coalesce(t.liver_resection, false) AS liver_resection,
       e.end_dt, e.died, least(e.progression_dt, a.pd_dt) AS first_progression_dt, a.last_adequate_dt,
       coalesce(r.last_cr - r.first_cr >= 28 OR r.last_cr_pr - r.first_pr >= 28, false) AS responder
FROM patients p
LEFT JOIN patient_metastasis m USING (USUBJID)
LEFT JOIN patient_treatment t USING (USUBJID)
LEFT JOIN patient_event e USING (USUBJID)
LEFT JOIN patient_assessment a USING (USUBJID)
LEFT JOIN patient_response r USING (USUBJID);

CREATE TEMP TABLE time_to_event AS  -- PARAMCD, USUBJID, AVAL (days), CNSR, as kaplan_meier.sql reads them
SELECT 'OS' AS PARAMCD, USUBJID, end_dt - day1 + 1 AS AVAL, CASE WHEN died THEN 0 ELSE 1 END AS CNSR
FROM patient
UNION ALL
SELECT 'PFS', USUBJID,
       coalesce(least(first_progression_dt, CASE WHEN died THEN end_dt END), last_adequate_dt, day1) - day1 + 1,
       CASE WHEN least(first_progression_dt, CASE WHEN died THEN end_dt END) IS NULL THEN 1 ELSE 0 END
FROM patient;

CREATE TEMP TABLE objective_response AS
SELECT 'orr' AS id, count(*) FILTER (WHERE responder) AS x, count(*) AS n FROM patient;

CREATE TEMP MACRO share(k, d) AS {'n': k, 'pct': 100 * k / d};
CREATE TEMP MACRO spread(x) AS {'mean': avg(x), 'median': median(x), 'min': min(x), 'max': max(x)};

WITH
table_1 AS (
  SELECT count(*) AS n, {
    'female': share(count(*) FILTER (WHERE SEX = 'F'), count(*)),
    'age': spread(AGE),
    'ps01': share(count(*) FILTER (WHERE ECOG <= 1), count(*)),
    'ki67': spread(KI67),
    'morph_lcnec': share(count(*) FILTER (WHERE MORPH = 'LCNEC'), count(*)),
    'morph_scnec': share(count(*) FILTER (WHERE MORPH = 'SCNEC'), count(*)),
    'morph_minen': share(count(*) FILTER (WHERE MORPH = 'MINEN'), count(*)),
    'stage_metastatic': share(count(*) FILTER (WHERE CMSTAGE = 'M1'), count(*)),
    'mets_liver': share(count(*) FILTER (WHERE liver), count(*)),
    'mets_peritoneum': share(count(*) FILTER (WHERE peritoneum), count(*)),
    'chemo_cis_etop': share(count(*) FILTER (WHERE regimen = 'CISPLATIN_ETOPOSIDE'), count(*)),
    'chemo_cycles': spread(cycles),
    'rt_neoadjuvant': share(count(*) FILTER (WHERE rtintent = 'NEOADJUVANT'), count(*)),
    'rt_50gy28f': share(count(*) FILTER (WHERE rtdose = 50.4 AND rtfrac = 28), count(*)),
    'rt_25gy5f': share(count(*) FILTER (WHERE rtdose = 25 AND rtfrac = 5), count(*)),
    'surgery_yes': share(count(*) FILTER (WHERE surgery), count(*)),
    'resection_r0': share(count(*) FILTER (WHERE margin = 'R0'), count(*) FILTER (WHERE surgery)),
    'liver_rfa': share(count(*) FILTER (WHERE liver AND liver_rfa), count(*) FILTER (WHERE liver)),
    'liver_resection': share(count(*) FILTER (WHERE liver AND liver_resection), count(*) FILTER (WHERE liver))
  } AS summary
  FROM patient
),

survival AS (
  SELECT t.PARAMCD, count(*) AS n, count(*) FILTER (WHERE t.CNSR = 0) AS events,
         any_value(k.median_days) / (365.25 / 12) AS km_median,
         any_value(k.ci_low_days) / (365.25 / 12) AS km_ci_low,
         any_value(k.ci_high_days) / (365.25 / 12) AS km_ci_high
  FROM time_to_event t JOIN km_median(time_to_event) k USING (PARAMCD)
  GROUP BY t.PARAMCD
),

survival_json AS (
  SELECT map_from_entries(list({'k': PARAMCD, 'v': {'n': n, 'events': events, 'km_median': km_median,
                                                    'km_ci_low': km_ci_low, 'km_ci_high': km_ci_high}})) AS by_endpoint
  FROM survival
)

SELECT to_json({
  'n': t.n,
  'table1': t.summary,
  'os': s.by_endpoint['OS'],
  'pfs': s.by_endpoint['PFS'],
  'orr': {'n': o.x, 'pct': 100 * o.x / o.n, 'ci_low': 100 * c.ci_low, 'ci_high': 100 * c.ci_high}
})::VARCHAR AS json
FROM table_1 t, survival_json s, objective_response o, clopper_pearson(objective_response, 0.05) c;
