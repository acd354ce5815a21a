-- Swimmer plot, treatment segments in study days (ADSL): induction chemotherapy, chemoradiotherapy (the
-- radiotherapy course given concurrently with chemotherapy), resection of the primary, liver RFA, liver resection
-- and adjuvant chemotherapy. One-day procedures start and end on the same day.

WITH
segment AS (
  SELECT USUBJID, 'induction' AS kind, INDSTDY AS start_day, INDENDY AS end_day FROM adsl
  UNION ALL SELECT USUBJID, 'crt', CRTSTDY, CRTENDY FROM adsl
  UNION ALL SELECT USUBJID, 'surgery', SURGDY, SURGDY FROM adsl
  UNION ALL SELECT USUBJID, 'liver_rfa', LRFADY, LRFADY FROM adsl
  UNION ALL SELECT USUBJID, 'liver_resection', LRESDY, LRESDY FROM adsl
  UNION ALL SELECT USUBJID, 'adjuvant', ADJSTDY, ADJENDY FROM adsl
)

SELECT 'swimmer.segments' AS id, (SELECT count(*) FROM adsl)::INTEGER AS denominator,
       coalesce(list(DISTINCT USUBJID ORDER BY USUBJID), []) AS patients,
       coalesce(list({'USUBJID': USUBJID, 'kind': kind, 'start_day': start_day, 'end_day': end_day}
                     ORDER BY USUBJID, start_day, kind), []) AS rows,
       count(*)::INTEGER AS rows_total
FROM segment
WHERE start_day IS NOT NULL;
