-- Loads the published ADaM datasets (adsl.csv, adrs.csv, adtte.csv, adae.csv, as src/sql/export/adam.sql writes
-- them) with the column types the derivations give them, so that the analysis files run on them unchanged: in
-- DuckDB-wasm in a reader's browser (the CSVs registered under these file names) or in node (VARIABLE adam_dir set
-- to their directory). A test checks these types against the derived tables.

CREATE OR REPLACE TABLE adsl AS
SELECT * FROM read_csv(coalesce(getvariable('adam_dir') || '/', '') || 'adsl.csv', header = true, auto_detect = false, quote = '"', escape = '"',
  columns = {
  'USUBJID': 'INTEGER', 'AGE': 'INTEGER', 'SEX': 'VARCHAR', 'ECOG': 'INTEGER', 'KI67': 'DOUBLE', 'MORPH': 'VARCHAR',
  'PRIMSITE': 'VARCHAR', 'CTSTAGE': 'VARCHAR', 'CNSTAGE': 'VARCHAR', 'CMSTAGE': 'VARCHAR', 'STAGE': 'VARCHAR',
  'LIVMETFL': 'VARCHAR', 'PERMETFL': 'VARCHAR', 'COMORB': 'VARCHAR', 'REGIMEN': 'VARCHAR', 'PLATIN': 'VARCHAR',
  'CYCLES1L': 'INTEGER', 'RTDOSE': 'DOUBLE', 'RTFRAC': 'INTEGER', 'RTINTENT': 'VARCHAR', 'SURGFL': 'VARCHAR',
  'MARGIN': 'VARCHAR', 'YPT': 'VARCHAR', 'YPT0FL': 'VARCHAR', 'LIVRFAFL': 'VARCHAR', 'LIVRESFL': 'VARCHAR',
  'INDSTDY': 'INTEGER', 'INDENDY': 'INTEGER', 'CRTSTDY': 'INTEGER', 'CRTENDY': 'INTEGER', 'SURGDY': 'INTEGER',
  'LRFADY': 'INTEGER', 'LRESDY': 'INTEGER', 'ADJSTDY': 'INTEGER', 'ADJENDY': 'INTEGER', 'PROGFL': 'VARCHAR',
  'PROGDY': 'INTEGER', 'LRPFL': 'VARCHAR', 'LRPDY': 'INTEGER', 'DMPFL': 'VARCHAR', 'DMPDY': 'INTEGER',
  'DTHFL': 'VARCHAR', 'DTHDY': 'INTEGER', 'DTHCAUS': 'VARCHAR', 'LSTALVDY': 'INTEGER'});

CREATE OR REPLACE TABLE adrs AS
SELECT * FROM read_csv(coalesce(getvariable('adam_dir') || '/', '') || 'adrs.csv', header = true, auto_detect = false, quote = '"', escape = '"',
  columns = {
  'USUBJID': 'INTEGER', 'PARAMCD': 'VARCHAR', 'PARAM': 'VARCHAR', 'AVISIT': 'VARCHAR', 'ADY': 'INTEGER',
  'AVALC': 'VARCHAR', 'TUSIZE': 'DOUBLE', 'BASE': 'DOUBLE', 'PCHG': 'DOUBLE', 'ANL01FL': 'VARCHAR',
  'METHOD': 'VARCHAR', 'PROGORG': 'VARCHAR'});

CREATE OR REPLACE TABLE adtte AS
SELECT * FROM read_csv(coalesce(getvariable('adam_dir') || '/', '') || 'adtte.csv', header = true, auto_detect = false, quote = '"', escape = '"',
  columns = {
  'USUBJID': 'INTEGER', 'PARAMCD': 'VARCHAR', 'PARAM': 'VARCHAR', 'STARTDY': 'INTEGER', 'ADY': 'INTEGER',
  'AVAL': 'INTEGER', 'AVALU': 'VARCHAR', 'CNSR': 'INTEGER', 'EVNTDESC': 'VARCHAR', 'CNSDTDSC': 'VARCHAR'});

-- adae.csv writes free text that starts like a formula with a leading apostrophe (src/sql/export/adam.sql): one is
-- taken off again.
CREATE OR REPLACE TEMP MACRO plain_text(x) AS CASE WHEN starts_with(x, '''') THEN x[2:] ELSE x END;
CREATE OR REPLACE TABLE adae AS
SELECT * REPLACE (plain_text(AETERM) AS AETERM, plain_text(AEDECOD) AS AEDECOD) FROM read_csv(coalesce(getvariable('adam_dir') || '/', '') || 'adae.csv', header = true, auto_detect = false, quote = '"', escape = '"',
  columns = {
  'USUBJID': 'INTEGER', 'AETERM': 'VARCHAR', 'AEDECOD': 'VARCHAR', 'AETOXGR': 'INTEGER', 'AEREL': 'VARCHAR',
  'AEACN': 'VARCHAR', 'ADY': 'INTEGER', 'TRTEMFL': 'VARCHAR', 'AEG34FL': 'VARCHAR'});
