-- Safety (ADAE; CTCAE v4.0), n (%) of all patients: patients with at least one grade 3–4 adverse event (the only
-- grades the paper reports), with the number of such events and a row per preferred term (AEDECOD); patients whose
-- treatment dose was reduced (AEACN = DOSE REDUCED) or withdrawn (AEACN = DRUG WITHDRAWN) for an adverse event.

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

severe_by_term AS (
  SELECT AEDECOD, count(DISTINCT USUBJID)::INTEGER AS n_patients, count(*)::INTEGER AS n_events
  FROM adae WHERE AEG34FL = 'Y' GROUP BY AEDECOD
),

severe AS (
  SELECT (SELECT count(*) FROM adae WHERE AEG34FL = 'Y')::DOUBLE AS events,
         coalesce(list({'AEDECOD': AEDECOD, 'n_patients': n_patients, 'n_events': n_events}
                       ORDER BY n_patients DESC, AEDECOD), []) AS rows
  FROM severe_by_term
)

SELECT p.id,
       CASE WHEN p.id = 'safety.grade34' THEN map_concat(p.stats, MAP {'events': severe.events}) ELSE p.stats END AS stats,
       p.denominator, p.patients,
       CASE WHEN p.id = 'safety.grade34' THEN severe.rows END AS rows
FROM proportion(category) p, severe;
