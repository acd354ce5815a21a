-- Source tables: the cohort as validated (src/core/cohort/validate.ts loads each CSV once into cohort_<file>, with
-- the column types of docs/data-dictionary.md), without the validation's bookkeeping (line, ok). These src_* views
-- are the only place calendar dates exist; the ADaM derivations turn them into study days and nothing downstream
-- reads src_* again.
-- Bound by the engine before the ADaM files run: VARIABLE cutoff (DATE, study.json; read by cutoff.sql).

CREATE OR REPLACE VIEW src_patients AS SELECT * EXCLUDE (line, ok) FROM cohort_patients;
CREATE OR REPLACE VIEW src_metastases AS SELECT * EXCLUDE (line, ok) FROM cohort_metastases;
CREATE OR REPLACE VIEW src_treatments AS SELECT * EXCLUDE (line, ok) FROM cohort_treatments;
CREATE OR REPLACE VIEW src_assessments AS SELECT * EXCLUDE (line, ok) FROM cohort_assessments;
CREATE OR REPLACE VIEW src_events AS SELECT * EXCLUDE (line, ok) FROM cohort_events;
CREATE OR REPLACE VIEW src_adverse_events AS SELECT * EXCLUDE (line, ok) FROM cohort_adverse_events;
