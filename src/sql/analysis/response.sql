-- Tumour response (RECIST 1.1): best overall response, confirmed (ADRS PARAMCD BOR, see src/sql/adam/adrs.sql),
-- n (%) of all patients; objective response rate ORR = confirmed CR + PR, with the exact Clopper–Pearson 95% CI
-- (src/sql/lib/clopper_pearson.sql), in %.

WITH
best_response AS (
  SELECT s.USUBJID, coalesce(b.AVALC, 'NE') AS BOR
  FROM adsl s LEFT JOIN adrs b ON b.USUBJID = s.USUBJID AND b.PARAMCD = 'BOR'
),

response_category(id, BOR) AS (
  VALUES ('response.bor.cr', 'CR'), ('response.bor.pr', 'PR'), ('response.bor.sd', 'SD'),
         ('response.bor.pd', 'PD'), ('response.bor.ne', 'NE')
),

category AS (
  SELECT c.id, r.USUBJID, r.BOR = c.BOR AS counted FROM response_category c, best_response r
),

objective_response AS (
  SELECT 'response.orr' AS id, count(*) FILTER (WHERE BOR IN ('CR', 'PR')) AS x, count(*) AS n,
         coalesce(list(USUBJID ORDER BY USUBJID) FILTER (WHERE BOR IN ('CR', 'PR')), []) AS patients
  FROM best_response
),

exact_ci AS (SELECT * FROM clopper_pearson(objective_response, 0.05))

SELECT * FROM proportion(category)
UNION ALL
SELECT o.id,
       MAP {'n': o.x::DOUBLE, 'pct': CASE WHEN o.n > 0 THEN 100.0 * o.x / o.n END,
            'ci_low': 100 * ci.ci_low, 'ci_high': 100 * ci.ci_high},
       o.n::INTEGER, o.patients
FROM objective_response o JOIN exact_ci ci USING (id);
