-- Source tables: the cohort CSVs as written (data dictionary: docs/data-dictionary.md), with explicit column types
-- so nothing depends on type sniffing. These src_* tables are the only place calendar dates exist; the ADaM
-- derivations turn them into study days and nothing downstream reads src_* again.
-- Bound by the engine before this file runs: VARIABLE cohort_dir (directory), VARIABLE cutoff (DATE, study.json).

CREATE OR REPLACE TABLE src_study AS
SELECT getvariable('cutoff')::DATE AS CUTOFFDT;

CREATE OR REPLACE TABLE src_patients AS
SELECT * FROM read_csv(getvariable('cohort_dir') || '/patients.csv', header = true, auto_detect = false, columns = {
  'USUBJID': 'INTEGER', 'SEX': 'VARCHAR', 'AGE': 'INTEGER', 'DIAGDT': 'DATE', 'ECOG': 'INTEGER', 'KI67': 'DOUBLE',
  'MORPH': 'VARCHAR', 'PRIMSITE': 'VARCHAR', 'AVDIST_CM': 'DOUBLE', 'CTSTAGE': 'VARCHAR', 'CNSTAGE': 'VARCHAR',
  'CMSTAGE': 'VARCHAR', 'COMORB': 'VARCHAR', 'COMORBTX': 'VARCHAR'});

CREATE OR REPLACE TABLE src_metastases AS
SELECT * FROM read_csv(getvariable('cohort_dir') || '/metastases.csv', header = true, auto_detect = false, columns = {
  'USUBJID': 'INTEGER', 'METSITE': 'VARCHAR', 'METNUM': 'INTEGER'});

CREATE OR REPLACE TABLE src_treatments AS
SELECT * FROM read_csv(getvariable('cohort_dir') || '/treatments.csv', header = true, auto_detect = false, columns = {
  'EPISODEID': 'VARCHAR', 'USUBJID': 'INTEGER', 'TRTCAT': 'VARCHAR', 'TRTPHASE': 'VARCHAR', 'STDT': 'DATE',
  'ENDT': 'DATE', 'AGENT': 'VARCHAR', 'PLATDOSE': 'DOUBLE', 'PLATDOSU': 'VARCHAR', 'ETOPDOSE': 'DOUBLE',
  'CYCLES': 'INTEGER', 'RTDOSE': 'DOUBLE', 'RTFRAC': 'INTEGER', 'RTTECH': 'VARCHAR', 'RTINTENT': 'VARCHAR',
  'PROCEDURE': 'VARCHAR', 'MARGIN': 'VARCHAR', 'YPT': 'VARCHAR'});

CREATE OR REPLACE TABLE src_assessments AS
SELECT * FROM read_csv(getvariable('cohort_dir') || '/assessments.csv', header = true, auto_detect = false, columns = {
  'USUBJID': 'INTEGER', 'RSDTC': 'DATE', 'VISIT': 'VARCHAR', 'RSORRES': 'VARCHAR', 'TUSIZE_MM': 'DOUBLE',
  'METHOD': 'VARCHAR'});

CREATE OR REPLACE TABLE src_events AS
SELECT * FROM read_csv(getvariable('cohort_dir') || '/events.csv', header = true, auto_detect = false, columns = {
  'USUBJID': 'INTEGER', 'EVENT': 'VARCHAR', 'EVDTC': 'DATE', 'PROGSITE': 'VARCHAR', 'PROGORG': 'VARCHAR',
  'DTHCAUSE': 'VARCHAR'});

CREATE OR REPLACE TABLE src_adverse_events AS
SELECT * FROM read_csv(getvariable('cohort_dir') || '/adverse_events.csv', header = true, auto_detect = false,
  columns = {'USUBJID': 'INTEGER', 'AETERM': 'VARCHAR', 'AEDECOD': 'VARCHAR', 'AETOXGR': 'INTEGER',
  'AESTDTC': 'DATE', 'AEREL': 'VARCHAR', 'AEACN': 'VARCHAR'});
