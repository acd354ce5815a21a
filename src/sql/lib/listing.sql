-- Whether the USUBJID lists nested in result rows are built (the KM tables' event_ids and censor_ids, the AE rows'
-- patient_ids): VARIABLE list_patients, set by src/core/results/analyses.ts, false for a large cohort, whose results
-- leave those fields out (docs/results.md, "Large cohorts"). Inside the rows no projection can drop them, so each
-- such list filters on listing_patients() instead. Unset, as in the reader's browser: listed.

CREATE OR REPLACE MACRO listing_patients() AS coalesce(getvariable('list_patients'), true);
