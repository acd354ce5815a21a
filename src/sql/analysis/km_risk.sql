-- Number at risk under each Kaplan–Meier curve (ADTTE: OS, PFS, DOR), the table survminer prints under the plot:
-- at each tick of the figure's time axis, the patients still at risk (AVAL ≥ t: followed at least to t), and the
-- events (CNSR = 0) and censorings (CNSR = 1) up to and including t. The axis runs from month 0 to the first tick at
-- or after the last observed time, every 3 months up to a year, every 6 up to three years, else every 12. The figure
-- draws its axis and thins its Kaplan–Meier table around these times. Months = days/(365.25/12).

WITH
endpoint(PARAMCD, id) AS (VALUES ('OS', 'tte.os.risk'), ('PFS', 'tte.pfs.risk'), ('DOR', 'tte.dor.risk')),

time_to_event AS (SELECT PARAMCD, USUBJID, AVAL / (365.25 / 12) AS months, CNSR FROM adtte),

followed AS (
  SELECT e.PARAMCD, e.id, coalesce(max(t.months), 0) AS last_month, count(t.USUBJID)::INTEGER AS n,
         coalesce(list(t.USUBJID ORDER BY t.USUBJID) FILTER (WHERE t.USUBJID IS NOT NULL), []) AS patients
  FROM endpoint e LEFT JOIN time_to_event t USING (PARAMCD) GROUP BY e.PARAMCD, e.id
),

axis AS (
  SELECT *, greatest(step, ceil(last_month / step) * step) AS last_tick
  FROM (SELECT *, CASE WHEN last_month <= 12 THEN 3 WHEN last_month <= 36 THEN 6 ELSE 12 END AS step FROM followed)
),

tick AS (SELECT PARAMCD, unnest(range(0, last_tick::INTEGER + 1, step)) AS month FROM axis),

at_risk AS (
  SELECT k.PARAMCD, k.month,
         count(t.USUBJID) FILTER (WHERE t.months >= k.month) AS n_risk,
         count(t.USUBJID) FILTER (WHERE t.months <= k.month AND t.CNSR = 0) AS events,
         count(t.USUBJID) FILTER (WHERE t.months <= k.month AND t.CNSR = 1) AS censored
  FROM tick k LEFT JOIN time_to_event t USING (PARAMCD)
  GROUP BY k.PARAMCD, k.month
)

SELECT a.id, a.n AS denominator, a.patients,
       list({'time': r.month::DOUBLE, 'n_risk': r.n_risk::INTEGER, 'events': r.events::INTEGER,
             'censored': r.censored::INTEGER} ORDER BY r.month) AS rows
FROM axis a JOIN at_risk r USING (PARAMCD)
GROUP BY a.id, a.n, a.patients;
