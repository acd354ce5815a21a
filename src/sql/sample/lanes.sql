-- The lane sample of a large cohort (docs/results.md, "Large cohorts"): the patients whose per-patient rows
-- (waterfall, swimmer lanes, segments, markers) the results carry, VARIABLE sample_size of them in the sample order
-- of VARIABLE sample_seed. The analysis files then read the ADaM tables restricted to them (src/core/results/analyses.ts).

CREATE OR REPLACE TEMP TABLE lane_sample AS
SELECT USUBJID
FROM sample_patients(adsl, getvariable('sample_size'), getvariable('sample_seed'));
