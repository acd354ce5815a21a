-- Kaplan–Meier product-limit estimate (Kaplan & Meier 1958) with Greenwood's variance (Greenwood 1926) and the
-- log-log ("complementary log-log") pointwise 95% confidence interval, as R survival's survfit(conf.type =
-- "log-log"): with v(t) = Σ d/(n(n − d)) over event times ≤ t,
--   se(t) = S(t)·√v(t)  (Greenwood standard error of S),
--   CI(t) = exp(−exp(log(−log S) ∓ z·√v / log S)), undefined (NULL) where S = 1 or S = 0, as R's NA.
-- kaplan_meier(tbl): tbl names a table or CTE with PARAMCD, USUBJID, AVAL (days), CNSR (0 event, 1 censored);
--   returns one row per PARAMCD and distinct AVAL, plus time 0, with n_risk (AVAL ≥ t), n_event, n_censor, surv,
--   se, ci_low, ci_high and the USUBJIDs of the events and censorings at t. Those lists are empty unless
--   listing_patients() (src/sql/lib/listing.sql); at 10^6 patients they were half the time of km.sql.
-- km_median(tbl): median survival and its 95% CI as R prints them (print.survfit, survival 3.5): the first time the
--   curve is ≤ 0.5, except that when it equals 0.5 exactly (within √ε) and drops below later, the midpoint of that
--   time and the time of the drop. The CI (Brookmeyer & Crowley 1982, as R computes it) applies the same rule to the
--   lower and the upper log-log bands; undefined band values are skipped. NULL when not reached. Days.

CREATE OR REPLACE MACRO kaplan_meier(tbl) AS TABLE
WITH
observation AS (
  SELECT PARAMCD, USUBJID, AVAL, CNSR FROM query_table(tbl)
),

distinct_time AS (
  SELECT PARAMCD, AVAL AS time_days,
         count(*) FILTER (WHERE CNSR = 0) AS n_event,
         count(*) FILTER (WHERE CNSR = 1) AS n_censor,
         coalesce(list(USUBJID ORDER BY USUBJID) FILTER (WHERE CNSR = 0 AND listing_patients()), []) AS event_ids,
         coalesce(list(USUBJID ORDER BY USUBJID) FILTER (WHERE CNSR = 1 AND listing_patients()), []) AS censor_ids
  FROM observation
  GROUP BY PARAMCD, AVAL
  UNION ALL
  SELECT DISTINCT PARAMCD, 0, 0, 0, [], [] FROM observation  -- time 0: everyone at risk, S = 1
),

risk_set AS (
  SELECT *, sum(n_event + n_censor) OVER (PARTITION BY PARAMCD ORDER BY time_days DESC) AS n_risk
  FROM distinct_time
),

product_limit AS (
  SELECT *,
         product(1 - n_event::DOUBLE / n_risk) OVER w AS surv,
         sum(CASE WHEN n_event = 0 THEN 0.0
                  WHEN n_event = n_risk THEN 'infinity'::DOUBLE
                  ELSE n_event::DOUBLE / (n_risk * (n_risk - n_event)) END) OVER w AS greenwood
  FROM risk_set
  WINDOW w AS (PARTITION BY PARAMCD ORDER BY time_days)
)

SELECT PARAMCD, time_days, n_risk::INTEGER AS n_risk, n_event::INTEGER AS n_event, n_censor::INTEGER AS n_censor,
       surv,
       CASE WHEN surv > 0 THEN surv * sqrt(greenwood) END AS se,
       CASE WHEN surv > 0 AND surv < 1
            THEN exp(-exp(ln(-ln(surv)) - 1.959963984540054 * sqrt(greenwood) / ln(surv))) END AS ci_low,
       CASE WHEN surv > 0 AND surv < 1
            THEN exp(-exp(ln(-ln(surv)) + 1.959963984540054 * sqrt(greenwood) / ln(surv))) END AS ci_high,
       event_ids, censor_ids
FROM product_limit
ORDER BY PARAMCD, time_days;

CREATE OR REPLACE MACRO km_median(tbl) AS TABLE
WITH
curve_point AS (  -- the survival curve and its two confidence bands, as (curve, time, value) points
  UNPIVOT (SELECT PARAMCD, time_days, surv, ci_low, ci_high FROM kaplan_meier(tbl))
  ON surv, ci_low, ci_high INTO NAME curve VALUE value
),

first_half AS (  -- the first point at or below 0.5
  SELECT PARAMCD, curve, arg_min(time_days, time_days) AS t_half, arg_min(value, time_days) AS v_half
  FROM curve_point WHERE value < 0.5 + 1.4901161193847656e-08
  GROUP BY PARAMCD, curve
),

crossing AS (  -- R's midpoint rule when the curve sits exactly at 0.5 until a later drop
  SELECT h.PARAMCD, h.curve,
         CASE WHEN abs(h.v_half - 0.5) < 1.4901161193847656e-08 AND min(p.time_days) IS NOT NULL
              THEN (h.t_half + min(p.time_days)) / 2 ELSE h.t_half END AS time_days
  FROM first_half h
  LEFT JOIN curve_point p ON p.PARAMCD = h.PARAMCD AND p.curve = h.curve AND p.time_days > h.t_half
                         AND p.value < h.v_half
  GROUP BY h.PARAMCD, h.curve, h.t_half, h.v_half
)

SELECT c.PARAMCD,
       any_value(x.time_days) FILTER (WHERE x.curve = 'surv')::DOUBLE AS median_days,
       any_value(x.time_days) FILTER (WHERE x.curve = 'ci_low')::DOUBLE AS ci_low_days,
       any_value(x.time_days) FILTER (WHERE x.curve = 'ci_high')::DOUBLE AS ci_high_days
FROM (SELECT DISTINCT PARAMCD FROM query_table(tbl)) c
LEFT JOIN crossing x USING (PARAMCD)
GROUP BY c.PARAMCD;
