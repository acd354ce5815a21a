-- Safety (ADAE; CTCAE v4.0), n (%) of all patients with the exact Clopper–Pearson 95% CI (in %,
-- src/sql/lib/clopper_pearson.sql): patients with at least one grade 3–4 adverse event (the only grades the paper
-- reports), with the number of such events and a row per preferred term (AEDECOD); patients whose treatment dose was
-- reduced (AEACN = DOSE REDUCED) or withdrawn (AEACN = DRUG WITHDRAWN) for an adverse event, with a row per term
-- that led to it. A term's row: its worst grade, the patients and the events, and which patients (patient_ids, left
-- out above 1000 patients like every list of patients).

WITH
patient_event AS (  -- per patient: any grade 3–4 event, any dose reduction, any withdrawal
  SELECT s.USUBJID,
         coalesce(bool_or(e.AEG34FL = 'Y'), false) AS grade34,
         coalesce(bool_or(e.AEACN = 'DOSE REDUCED'), false) AS dose_reduced,
         coalesce(bool_or(e.AEACN = 'DRUG WITHDRAWN'), false) AS withdrawn
  FROM adsl s LEFT JOIN adae e USING (USUBJID)
  GROUP BY s.USUBJID
),

category AS (
  SELECT 'safety.grade34' AS id, USUBJID, grade34 AS counted FROM patient_event
  UNION ALL SELECT 'safety.dose_reduction', USUBJID, dose_reduced FROM patient_event
  UNION ALL SELECT 'safety.discontinuation', USUBJID, withdrawn FROM patient_event
),

counted AS (SELECT * FROM proportion(category)),

trials AS (SELECT id, stats['n']::INTEGER AS x, denominator AS n FROM counted),

exact_ci AS (SELECT * FROM clopper_pearson(trials, 0.05)),

severe_by_term AS (
  SELECT AEDECOD, max(AETOXGR)::INTEGER AS AETOXGR, count(DISTINCT USUBJID)::INTEGER AS n_patients,
         count(*)::INTEGER AS n_events,
         coalesce(list(DISTINCT USUBJID ORDER BY USUBJID) FILTER (WHERE listing_patients()), []) AS patient_ids
  FROM adae WHERE AEG34FL = 'Y' GROUP BY AEDECOD
),

action_by_term AS (  -- the events behind a dose reduction or a withdrawal
  SELECT CASE AEACN WHEN 'DOSE REDUCED' THEN 'safety.dose_reduction' ELSE 'safety.discontinuation' END AS id,
         AEDECOD, max(AETOXGR)::INTEGER AS AETOXGR, count(DISTINCT USUBJID)::INTEGER AS n_patients,
         count(*)::INTEGER AS n_events,
         coalesce(list(DISTINCT USUBJID ORDER BY USUBJID) FILTER (WHERE listing_patients()), []) AS patient_ids
  FROM adae WHERE AEACN IN ('DOSE REDUCED', 'DRUG WITHDRAWN')
  GROUP BY ALL
),

events_by_term AS (
  SELECT 'safety.grade34' AS id, * FROM severe_by_term
  UNION ALL
  SELECT * FROM action_by_term
),

rows_by_result AS (
  SELECT id, list({'AEDECOD': AEDECOD, 'AETOXGR': AETOXGR, 'n_patients': n_patients, 'n_events': n_events,
                   'patient_ids': patient_ids}
                  ORDER BY n_patients DESC, AEDECOD) AS rows
  FROM events_by_term GROUP BY id
)

SELECT c.id,
       map_concat(c.stats, MAP {'ci_low': 100 * ci.ci_low, 'ci_high': 100 * ci.ci_high},
                  CASE WHEN c.id = 'safety.grade34'
                       THEN MAP {'events': (SELECT count(*) FROM adae WHERE AEG34FL = 'Y')::DOUBLE}
                       ELSE MAP {}::MAP(VARCHAR, DOUBLE) END) AS stats,
       c.denominator, c.patients,
       coalesce(t.rows, []) AS rows
FROM counted c JOIN exact_ci ci USING (id) LEFT JOIN rows_by_result t USING (id);
