-- Follow-up: time from the start of treatment (Day 1) to the last contact or death (ADTTE OS AVAL, whatever the
-- status), summarised as the paper does: median (range), in months = days/(365.25/12). Also the median potential
-- follow-up by the reverse Kaplan–Meier method (Schemper & Smith 1996): Kaplan–Meier with the censoring as the event.

WITH
follow_up AS (SELECT 'FOLLOWUP' AS PARAMCD, USUBJID, AVAL, 1 - CNSR AS CNSR FROM adtte WHERE PARAMCD = 'OS'),

reverse_km AS (SELECT * FROM km_median(follow_up))

SELECT 'tte.followup' AS id,
       MAP {'median': median(f.AVAL) / (365.25 / 12), 'min': min(f.AVAL) / (365.25 / 12),
            'max': max(f.AVAL) / (365.25 / 12), 'n': count(*)::DOUBLE,
            'km_median': any_value(k.median_days) / (365.25 / 12), 'km_ci_low': any_value(k.ci_low_days) / (365.25 / 12),
            'km_ci_high': any_value(k.ci_high_days) / (365.25 / 12)} AS stats,
       count(*)::INTEGER AS denominator,
       coalesce(list(f.USUBJID ORDER BY f.USUBJID), []) AS patients
FROM follow_up f LEFT JOIN reverse_km k USING (PARAMCD);
