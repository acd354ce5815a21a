-- Exact (Clopper–Pearson) confidence interval for a binomial proportion (Clopper & Pearson, Biometrika 1934).
-- The lower limit p_L solves P(X ≥ x | n, p_L) = α/2 and the upper limit p_U solves P(X ≤ x | n, p_U) = α/2,
-- with p_L = 0 when x = 0 and p_U = 1 when x = n. DuckDB has no beta quantile, so each limit is found by Newton's
-- method on the binomial CDF (summed from log-gamma terms), safeguarded by bisection: a few CDF sums per limit
-- instead of the 50 of plain bisection.
-- clopper_pearson(tbl, alpha): tbl names a table or CTE with columns id, x, n; returns id, x, n, ci_low, ci_high
-- as proportions (0–1).

-- ln(1 − p) to full precision also for small p, where 1 − p rounds away digits of p that n·ln(1 − p) then
-- multiplies (a relative error of 7e-9 in the lower limit of 1/10^6): ln(u)·(−p)/(u − 1) with u = 1 − p as rounded,
-- the log1p of Goldberg (1991), "What every computer scientist should know about floating-point arithmetic".
CREATE OR REPLACE MACRO ln_1m(p) AS CASE WHEN 1 - p = 1 THEN -p ELSE ln(1 - p) * -p / ((1 - p) - 1) END;

-- P(X ≤ x) for X ~ Binomial(n, p), 0 < p < 1, summed over the terms within t = 5·√n + 50 of the mean np only:
-- by Hoeffding's inequality each tail beyond t holds less than exp(−2t²/n) < exp(−50) ≈ 2e-22 of the probability,
-- far below double precision, while 10^6 patients need 10^4 terms instead of up to 10^6. Below about 60 patients
-- the window holds every term 0…x.
CREATE OR REPLACE MACRO binomial_cdf(x, n, p) AS
  coalesce(list_sum(list_transform(
    range(CAST(greatest(0, ceil(n * p - 5 * sqrt(n) - 50)) AS BIGINT),
          CAST(least(x, floor(n * p + 5 * sqrt(n) + 50)) AS BIGINT) + 1),
    lambda k: exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * ln(p) + (n - k) * ln_1m(p)))), 0);

-- Both limits are roots of one increasing function of p, h(p) = target − P(X ≤ k | n, p), whose derivative is
-- the density (n − k)·C(n, k)·p^k·(1 − p)^(n−k−1): k = x − 1 with target 1 − α/2 for p_L, k = x with target α/2
-- for p_U. The root lies within ε = √(ln(2/α) / 2n) of x/n (Hoeffding: beyond it the tail holds less than α/2), on
-- the side of x/n away from the other limit (p_L < x/n < p_U, as x is the median of Binomial(n, x/n)), which brackets
-- it. Each step evaluates h once, halves the bracket where the Newton step would leave it, and stops when the step
-- moves p by less than 1e-14 of itself (bisection alone would stop within 60 steps; 200 is a guard).
CREATE OR REPLACE MACRO clopper_pearson(tbl, alpha) AS TABLE
WITH RECURSIVE
limit_bracket AS (  -- one row per limit to find; x = 0 (p_L) and x = n (p_U) are known
  SELECT id, x, n, 'low' AS side, x - 1 AS k, 1 - alpha / 2 AS target,
         greatest(0.0, x::DOUBLE / n - sqrt(ln(2 / alpha) / (2 * n))) AS lo, x::DOUBLE / n AS hi
  FROM query_table(tbl) WHERE x > 0
  UNION ALL
  SELECT id, x, n, 'high', x, alpha / 2, x::DOUBLE / n, least(1.0, x::DOUBLE / n + sqrt(ln(2 / alpha) / (2 * n)))
  FROM query_table(tbl) WHERE x < n
),
newton(id, side, k, n, target, step, lo, hi, p, done) AS (
  SELECT id, side, k, n, target, 0, lo, hi, (lo + hi) / 2, false FROM limit_bracket
  UNION ALL
  SELECT id, side, k, n, target, step + 1, lo, hi, p_next,
         h = 0 OR abs(p_next - p) <= 1e-14 * p OR step + 1 >= 200
  FROM (
    SELECT *, CASE WHEN h = 0 THEN p
                   WHEN p - h / slope > lo AND p - h / slope < hi THEN p - h / slope
                   ELSE (lo + hi) / 2 END AS p_next
    FROM (  -- the bracket narrowed by the sign of h at p: above the root when h > 0
      SELECT id, side, k, n, target, step, p, h, slope,
             CASE WHEN h > 0 THEN lo ELSE p END AS lo, CASE WHEN h > 0 THEN p ELSE hi END AS hi
      FROM (
        SELECT *, target - binomial_cdf(k, n, p) AS h,
               exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k) + k * ln(p) + (n - k - 1) * ln_1m(p)) AS slope
        FROM newton WHERE NOT done
      )
    )
  )
),
found AS (SELECT id, side, p FROM newton WHERE done)
SELECT t.id, t.x, t.n,
       CASE WHEN t.x = 0 THEN 0.0 ELSE l.p END AS ci_low,
       CASE WHEN t.x = t.n THEN 1.0 ELSE u.p END AS ci_high
FROM query_table(tbl) t
LEFT JOIN found l ON l.id = t.id AND l.side = 'low'
LEFT JOIN found u ON u.id = t.id AND u.side = 'high';
