-- Exact (Clopper–Pearson) confidence interval for a binomial proportion (Clopper & Pearson, Biometrika 1934).
-- The lower limit p_L solves P(X ≥ x | n, p_L) = α/2 and the upper limit p_U solves P(X ≤ x | n, p_U) = α/2,
-- with p_L = 0 when x = 0 and p_U = 1 when x = n. DuckDB has no beta quantile, so each limit is found by
-- bisection on the binomial CDF, summed from log-gamma terms: 50 halvings (width 2^-50 < 1e-15), few enough that
-- the midpoints stay strictly inside (0, 1) in double precision.
-- clopper_pearson(tbl, alpha): tbl names a table or CTE with columns id, x, n; returns id, x, n, ci_low, ci_high
-- as proportions (0–1).

-- P(X ≤ x) for X ~ Binomial(n, p), 0 < p < 1, summed over the terms within t = 5·√n + 50 of the mean np only:
-- by Hoeffding's inequality each tail beyond t holds less than exp(−2t²/n) < exp(−50) ≈ 2e-22 of the probability,
-- far below double precision, while 10^6 patients need 10^4 terms instead of up to 10^6. Below about 60 patients
-- the window holds every term 0…x.
CREATE OR REPLACE MACRO binomial_cdf(x, n, p) AS
  coalesce(list_sum(list_transform(
    range(CAST(greatest(0, ceil(n * p - 5 * sqrt(n) - 50)) AS BIGINT),
          CAST(least(x, floor(n * p + 5 * sqrt(n) + 50)) AS BIGINT) + 1),
    lambda k: exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * ln(p) + (n - k) * ln(1 - p)))), 0);

CREATE OR REPLACE MACRO clopper_pearson(tbl, alpha) AS TABLE
WITH RECURSIVE bisection(id, x, n, step, low_lo, low_hi, high_lo, high_hi) AS (
  SELECT id, x, n, 0, 0.0::DOUBLE, 1.0::DOUBLE, 0.0::DOUBLE, 1.0::DOUBLE FROM query_table(tbl)
  UNION ALL
  SELECT id, x, n, step + 1,
         CASE WHEN low_up THEN low_mid ELSE low_lo END, CASE WHEN low_up THEN low_hi ELSE low_mid END,
         CASE WHEN high_up THEN high_mid ELSE high_lo END, CASE WHEN high_up THEN high_hi ELSE high_mid END
  FROM (  -- each step evaluates the CDF once per limit, at the midpoints
    SELECT *,
           1 - binomial_cdf(x - 1, n, low_mid) < alpha / 2 AS low_up,  -- P(X ≥ x | p) = 1 − P(X ≤ x − 1 | p) increases with p
           binomial_cdf(x, n, high_mid) > alpha / 2 AS high_up           -- P(X ≤ x | p) decreases with p
    FROM (SELECT *, (low_lo + low_hi) / 2 AS low_mid, (high_lo + high_hi) / 2 AS high_mid FROM bisection WHERE step < 50)
  )
)
SELECT id, x, n,
       CASE WHEN x = 0 THEN 0.0 ELSE (low_lo + low_hi) / 2 END AS ci_low,
       CASE WHEN x = n THEN 1.0 ELSE (high_lo + high_hi) / 2 END AS ci_high
FROM bisection
WHERE step = 50;
