-- The QC sub-cohort of a large cohort (docs/scale.md, "QC"): VARIABLE sample_size validated patients in the sample
-- order of VARIABLE sample_seed, whose rows the build product writes out for the independent QC to read
-- (src/core/adam/product.ts). Drawn from the validated cohort, before any ADaM derivation.

CREATE OR REPLACE TEMP TABLE qc_sample AS
SELECT USUBJID
FROM sample_patients(cohort_patients, getvariable('sample_size'), getvariable('sample_seed'));
