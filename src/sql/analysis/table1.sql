-- Table 1 of the paper: patient, tumour and treatment characteristics at diagnosis, from ADSL.
-- Categories are n (%) of all patients, except liver-directed treatment (patients with liver metastases at
-- diagnosis). Primary site, clinical T and N categories (every category of the codelist, UICC TNM 8th ed.) and
-- comorbidity are at diagnosis; the platin of the induction regimen. Continuous characteristics: mean, median, min, max.
-- Stage: cM0 = locally advanced, cM1 = metastatic. First-line chemotherapy cycles: induction + concurrent +
-- consolidation + adjuvant. Radiotherapy: the course given concurrently with chemotherapy.

WITH
category AS (  -- one row per result and patient of its population; counted marks the patients in the category
  SELECT 'table1.female' AS id, USUBJID, SEX = 'F' AS counted FROM adsl
  UNION ALL SELECT 'table1.ps01', USUBJID, ECOG <= 1 FROM adsl
  UNION ALL SELECT 'table1.comorbidity', USUBJID, COMORB = 'Y' FROM adsl
  UNION ALL SELECT 'table1.site.rectum', USUBJID, PRIMSITE = 'RECTUM' FROM adsl
  UNION ALL SELECT 'table1.site.anus', USUBJID, PRIMSITE = 'ANUS' FROM adsl
  UNION ALL SELECT 'table1.morph.lcnec', USUBJID, MORPH = 'LCNEC' FROM adsl
  UNION ALL SELECT 'table1.morph.scnec', USUBJID, MORPH = 'SCNEC' FROM adsl
  UNION ALL SELECT 'table1.morph.minen', USUBJID, MORPH = 'MINEN' FROM adsl
  UNION ALL SELECT 'table1.ct.' || lower(t.stage), USUBJID, CTSTAGE = t.stage
            FROM adsl, (VALUES ('T1'), ('T2'), ('T3'), ('T4')) t(stage)  -- every cT category (UICC TNM 8th ed.)
  UNION ALL SELECT 'table1.cn.' || lower(n.stage), USUBJID, CNSTAGE = n.stage
            FROM adsl, (VALUES ('N0'), ('N1'), ('N2')) n(stage)
  UNION ALL SELECT 'table1.stage.la', USUBJID, CMSTAGE = 'M0' FROM adsl
  UNION ALL SELECT 'table1.stage.metastatic', USUBJID, CMSTAGE = 'M1' FROM adsl
  UNION ALL SELECT 'table1.mets.liver', USUBJID, LIVMETFL = 'Y' FROM adsl
  UNION ALL SELECT 'table1.mets.peritoneum', USUBJID, PERMETFL = 'Y' FROM adsl
  UNION ALL SELECT 'table1.chemo.cis_etop', USUBJID, REGIMEN = 'CISPLATIN_ETOPOSIDE' FROM adsl
  UNION ALL SELECT 'table1.chemo.carbo_etop', USUBJID, REGIMEN = 'CARBOPLATIN_ETOPOSIDE' FROM adsl
  UNION ALL SELECT 'table1.rt.neoadjuvant', USUBJID, RTINTENT = 'NEOADJUVANT' FROM adsl
  UNION ALL SELECT 'table1.rt.definitive', USUBJID, RTINTENT = 'DEFINITIVE' FROM adsl
  UNION ALL SELECT 'table1.rt.25gy5f', USUBJID, RTDOSE = 25 AND RTFRAC = 5 FROM adsl
  UNION ALL SELECT 'table1.rt.50gy28f', USUBJID, RTDOSE = 50.4 AND RTFRAC = 28 FROM adsl
  UNION ALL SELECT 'table1.surgery.yes', USUBJID, SURGFL = 'Y' FROM adsl
  UNION ALL SELECT 'table1.surgery.no', USUBJID, SURGFL = 'N' FROM adsl
  UNION ALL SELECT 'table1.liver.rfa', USUBJID, LIVRFAFL = 'Y' FROM adsl WHERE LIVMETFL = 'Y'
  UNION ALL SELECT 'table1.liver.resection', USUBJID, LIVRESFL = 'Y' FROM adsl WHERE LIVMETFL = 'Y'
),

measurement AS (  -- continuous characteristics, one row per result and patient
  SELECT 'table1.age' AS id, USUBJID, AGE::DOUBLE AS value FROM adsl
  UNION ALL SELECT 'table1.ki67', USUBJID, KI67::DOUBLE FROM adsl
  UNION ALL SELECT 'table1.chemo.cycles', USUBJID, CYCLES1L::DOUBLE FROM adsl
),

summary AS (
  SELECT id,
         CASE WHEN id = 'table1.age'  -- docs/results.md: n with the age only
              THEN MAP {'mean': avg(value), 'median': median(value), 'min': min(value), 'max': max(value),
                        'n': count(value)::DOUBLE}
              ELSE MAP {'mean': avg(value), 'median': median(value), 'min': min(value), 'max': max(value)} END AS stats,
         count(*)::INTEGER AS denominator,
         list(USUBJID ORDER BY USUBJID) FILTER (WHERE value IS NOT NULL) AS patients
  FROM measurement
  GROUP BY id
)

SELECT 'cohort.n' AS id, MAP {'n': count(*)::DOUBLE} AS stats, count(*)::INTEGER AS denominator,
       list(USUBJID ORDER BY USUBJID) AS patients
FROM adsl
UNION ALL SELECT * FROM proportion(category)
UNION ALL SELECT * FROM summary;
