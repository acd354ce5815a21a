-- Adverse events of any grade (ADAE; CTCAE v4.0) by preferred term (AEDECOD) and grade, n (%) of all patients
-- (the safety population, ADSL) with the exact Clopper–Pearson 95% CI (in %, src/sql/lib/clopper_pearson.sql).
-- As in ICH E3 / FDA safety tables, a patient counts once per term, at the worst grade of that term; "Any grade"
-- counts the patients with the term at all. The row without a term (AEDECOD NULL) is "any adverse event": each
-- patient at the worst grade of all their events. The result's stats are that row's "Any grade" cell.

WITH
population AS (SELECT count(*)::INTEGER AS n FROM adsl),

worst_grade AS (  -- one row per patient and term (NULL: every term), the patient's worst grade of it
  SELECT USUBJID, AEDECOD, max(AETOXGR)::INTEGER AS grade FROM adae GROUP BY GROUPING SETS ((USUBJID, AEDECOD), (USUBJID))
),

ctcae_grade(grade) AS (SELECT unnest(range(1, 6))::VARCHAR),

cell AS (  -- every term by every CTCAE grade 1–5 and "Any grade". worst_grade has one row per patient and term (AEDECOD
  -- is required, so its NULL is only the row of every term): patients are counted without DISTINCT
  SELECT t.AEDECOD, g.grade,
         count(w.USUBJID) FILTER (WHERE g.grade = 'Any' OR w.grade::VARCHAR = g.grade)::INTEGER AS x
  FROM (SELECT DISTINCT AEDECOD FROM worst_grade) t
  CROSS JOIN (SELECT grade FROM ctcae_grade UNION ALL SELECT 'Any') g
  JOIN worst_grade w ON w.AEDECOD IS NOT DISTINCT FROM t.AEDECOD
  GROUP BY t.AEDECOD, g.grade
),

trials AS (SELECT coalesce(AEDECOD, '') || '|' || grade AS id, x, (SELECT n FROM population) AS n FROM cell),

exact_ci AS (SELECT * FROM clopper_pearson(trials, 0.05)),

estimate AS (
  SELECT c.AEDECOD, c.grade, c.x AS n, CASE WHEN ci.n > 0 THEN 100.0 * c.x / ci.n END AS pct,
         100 * ci.ci_low AS ci_low, 100 * ci.ci_high AS ci_high
  FROM cell c JOIN exact_ci ci ON ci.id = coalesce(c.AEDECOD, '') || '|' || c.grade
),

any_event AS (SELECT * FROM estimate WHERE AEDECOD IS NULL AND grade = 'Any')

SELECT 'safety.ae_by_grade' AS id,
       MAP {'n': coalesce((SELECT n FROM any_event), 0)::DOUBLE,
            'pct': (SELECT pct FROM any_event), 'ci_low': (SELECT ci_low FROM any_event),
            'ci_high': (SELECT ci_high FROM any_event)} AS stats,
       (SELECT n FROM population) AS denominator,
       coalesce((SELECT list(USUBJID ORDER BY USUBJID) FROM worst_grade WHERE AEDECOD IS NULL), []) AS patients,
       coalesce((SELECT list({'AEDECOD': AEDECOD, 'grade': grade, 'n': n, 'pct': pct, 'ci_low': ci_low,
                              'ci_high': ci_high}
                             ORDER BY AEDECOD NULLS FIRST, grade) FROM estimate), []) AS rows;
