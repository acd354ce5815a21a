-- Time to event (ADTTE): overall survival (OS), progression-free survival (PFS) and duration of response (DOR).
-- Per endpoint: the observed times (AVAL, events and censorings alike) as median, min, max, as the paper describes
-- the duration of response; the number of patients and events; the Kaplan–Meier median with its 95% CI
-- (src/sql/lib/kaplan_meier.sql), NULL when not reached; and the Kaplan–Meier table as rows. Months = days/(365.25/12).

WITH
endpoint(PARAMCD, id) AS (VALUES ('OS', 'tte.os'), ('PFS', 'tte.pfs'), ('DOR', 'tte.dor')),

time_to_event AS (SELECT PARAMCD, USUBJID, AVAL, CNSR FROM adtte),

observed AS (
  SELECT PARAMCD, median(AVAL) AS median_days, min(AVAL) AS min_days, max(AVAL) AS max_days,
         count(*) AS n, count(*) FILTER (WHERE CNSR = 0) AS events, list(USUBJID ORDER BY USUBJID) AS patients
  FROM time_to_event GROUP BY PARAMCD
),

km_estimate AS (SELECT * FROM km_median(time_to_event)),

km_table AS (
  SELECT PARAMCD,
         list({'time_days': time_days, 'time': time_days / (365.25 / 12), 'n_risk': n_risk, 'n_event': n_event,
               'n_censor': n_censor, 'surv': surv, 'se': se, 'ci_low': ci_low, 'ci_high': ci_high,
               'event_ids': event_ids, 'censor_ids': censor_ids} ORDER BY time_days) AS rows
  FROM kaplan_meier(time_to_event) GROUP BY PARAMCD
)

SELECT e.id,
       MAP {'median': o.median_days / (365.25 / 12), 'min': o.min_days / (365.25 / 12),
            'max': o.max_days / (365.25 / 12), 'n': coalesce(o.n, 0)::DOUBLE, 'events': coalesce(o.events, 0)::DOUBLE,
            'km_median': k.median_days / (365.25 / 12), 'km_ci_low': k.ci_low_days / (365.25 / 12),
            'km_ci_high': k.ci_high_days / (365.25 / 12)} AS stats,
       coalesce(o.n, 0)::INTEGER AS denominator,
       coalesce(o.patients, []) AS patients,
       coalesce(t.rows, []) AS rows
FROM endpoint e
LEFT JOIN observed o USING (PARAMCD)
LEFT JOIN km_estimate k USING (PARAMCD)
LEFT JOIN km_table t USING (PARAMCD);
