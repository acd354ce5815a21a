-- Rules across rows and files (docs/data-dictionary.md): references between files, and the clinical and temporal
-- consistency of each patient's record (each file's own key: src/core/cohort/keys.ts). Day 1 is the start of induction chemotherapy (docs/architecture.md).
-- Inputs (src/core/cohort/validate.ts): cohort_<file> tables from the row rules (line, ok, typed columns; USUBJID
-- is set wherever it is well-formed, also on rows that are not ok) and VARIABLE cutoff (study.json).
-- Output: one row per problem (file, line, column, value, rule, message), in no particular order.
-- Per-patient rules skip a patient with any row that failed its row rules (no follow-on noise), and the first row
-- of a duplicated USUBJID stands for the patient. Where a patient must have one row of a kind, the first counts
-- and later ones are reported.

CREATE OR REPLACE TEMP MACRO js_number(x) AS
  CASE WHEN x = trunc(x) AND abs(x) < 1e15 THEN CAST(CAST(x AS BIGINT) AS VARCHAR) ELSE CAST(x AS VARCHAR) END;
CREATE OR REPLACE TEMP MACRO iso(d) AS strftime(d, '%Y-%m-%d');
CREATE OR REPLACE TEMP MACRO day1_is(day1, line) AS
  'Day 1, the start of induction chemotherapy on ' || iso(day1) || ' (treatments.csv line ' || line || ')';
CREATE OR REPLACE TEMP MACRO end_is(event, date, line) AS
  CASE WHEN event = 'DEATH' THEN 'death' ELSE 'last contact' END || ' on ' || iso(date) || ' (events.csv line ' || line || ')';

-- subjects and treatment are NOT MATERIALIZED: copied once into a CTE they cost more than each reader scanning the
-- tables with only its own columns and filters (10^6 patients: the whole file 9.9 → 5.5 s).
WITH
subjects AS NOT MATERIALIZED (
  SELECT 'patients.csv' AS file, line, USUBJID, ok FROM cohort_patients WHERE USUBJID IS NOT NULL
  UNION ALL SELECT 'metastases.csv', line, USUBJID, ok FROM cohort_metastases WHERE USUBJID IS NOT NULL
  UNION ALL SELECT 'treatments.csv', line, USUBJID, ok FROM cohort_treatments WHERE USUBJID IS NOT NULL
  UNION ALL SELECT 'assessments.csv', line, USUBJID, ok FROM cohort_assessments WHERE USUBJID IS NOT NULL
  UNION ALL SELECT 'events.csv', line, USUBJID, ok FROM cohort_events WHERE USUBJID IS NOT NULL
  UNION ALL SELECT 'adverse_events.csv', line, USUBJID, ok FROM cohort_adverse_events WHERE USUBJID IS NOT NULL
),
patient_line AS (
  SELECT USUBJID, min(line) AS line FROM subjects WHERE file = 'patients.csv' GROUP BY USUBJID
),
known_usubjid AS (
  SELECT file, line, 'USUBJID' AS "column", CAST(USUBJID AS VARCHAR) AS value, 'known-usubjid' AS rule,
    'no patient ' || USUBJID || ' in patients.csv' AS message
  FROM subjects ANTI JOIN patient_line USING (USUBJID)
  WHERE file <> 'patients.csv'
),
treatment AS NOT MATERIALIZED (SELECT * FROM cohort_treatments WHERE ok),
episodeid_usubjid AS (
  SELECT 'treatments.csv', line, 'EPISODEID', EPISODEID, 'episodeid-usubjid',
    'EPISODEID must start with USUBJID ' || USUBJID || ' (' || USUBJID || '-NN)'
  FROM treatment WHERE NOT starts_with(EPISODEID, USUBJID || '-')
),
end_after_start AS (
  SELECT 'treatments.csv', line, 'ENDT', iso(ENDT), 'end-after-start', 'ENDT is before STDT ' || iso(STDT)
  FROM treatment WHERE ENDT < STDT
),
-- A known schedule delivers 1.5–5.5 Gy per fraction.
rt_dose_per_fraction AS (
  SELECT 'treatments.csv', line, 'RTDOSE', js_number(RTDOSE), 'rt-dose-per-fraction',
    js_number(RTDOSE) || ' Gy in ' || RTFRAC || ' fractions is ' || js_number(round(RTDOSE / RTFRAC, 2)) ||
    ' Gy per fraction; a schedule needs 1.5–5.5 Gy per fraction'
  FROM treatment WHERE RTDOSE / RTFRAC < 1.5 OR RTDOSE / RTFRAC > 5.5
),
-- Patients whose rows all passed the row rules, by their first patients.csv row.
patient AS (
  SELECT p.* FROM cohort_patients p JOIN patient_line f ON p.USUBJID = f.USUBJID AND p.line = f.line
  WHERE p.ok AND p.USUBJID NOT IN (SELECT USUBJID FROM subjects WHERE NOT ok)
),
-- Rows of which a patient must have exactly one (at most one for surgery): kind, file, line, and the cell
-- reported on later rows.
single AS (
  SELECT 'induction' AS kind, USUBJID, line, 'treatments.csv' AS file, 'TRTPHASE' AS "column", 'INDUCTION' AS value,
    STDT AS date, NULL AS event
  FROM treatment WHERE TRTCAT = 'CHEMOTHERAPY' AND TRTPHASE = 'INDUCTION'
  UNION ALL SELECT 'end', USUBJID, line, 'events.csv', 'EVENT', EVENT, EVDTC, EVENT
  FROM cohort_events WHERE ok AND EVENT <> 'PROGRESSION'
  UNION ALL SELECT 'baseline', USUBJID, line, 'assessments.csv', 'VISIT', 'BASELINE', RSDTC, NULL
  FROM cohort_assessments WHERE ok AND VISIT = 'BASELINE'
  UNION ALL SELECT 'surgery', USUBJID, line, 'treatments.csv', 'TRTCAT', 'PRIMARY_SURGERY', STDT, NULL
  FROM treatment WHERE TRTCAT = 'PRIMARY_SURGERY'
),
single_count AS (
  SELECT kind, USUBJID, count(*) AS n, min(line) AS first_line, arg_min(date, line) AS date,
    arg_min(event, line) AS event
  FROM single SEMI JOIN patient USING (USUBJID)
  GROUP BY kind, USUBJID
),
single_kind(kind, rule, what, file, optional) AS (VALUES
  ('induction', 'one-induction', 'induction chemotherapy (CHEMOTHERAPY, INDUCTION)', 'treatments.csv', false),
  ('end', 'one-end-of-follow-up', 'end of follow-up (DEATH or LAST_CONTACT)', 'events.csv', false),
  ('baseline', 'one-baseline', 'BASELINE assessment', 'assessments.csv', false),
  ('surgery', 'one-primary-surgery', 'resection of the primary tumour (PRIMARY_SURGERY)', 'treatments.csv', true)
),
single_missing AS (
  SELECT 'patients.csv', p.line, 'USUBJID', CAST(p.USUBJID AS VARCHAR), k.rule,
    'patient ' || p.USUBJID || ': no ' || k.what || ' in ' || k.file
  FROM patient p CROSS JOIN single_kind k
  WHERE NOT k.optional AND NOT EXISTS (SELECT 1 FROM single_count c WHERE c.kind = k.kind AND c.USUBJID = p.USUBJID)
),
single_extra_rows AS (
  SELECT s.*, c.first_line, row_number() OVER (PARTITION BY s.kind, s.USUBJID ORDER BY s.line) AS k
  FROM single s JOIN single_count c USING (kind, USUBJID)
  WHERE c.n > 1
),
single_extra AS (
  SELECT s.file, s.line, s."column",
    -- The second row's value stands for every later one (as for EVENT, where they may differ).
    CASE WHEN s.kind = 'end' THEN second.value ELSE s.value END, k.rule,
    'patient ' || s.USUBJID || ': a second ' || k.what || '; the first is on line ' || s.first_line
  FROM single_extra_rows s JOIN single_kind k USING (kind)
  JOIN single_extra_rows second ON second.kind = s.kind AND second.USUBJID = s.USUBJID AND second.k = 2
  WHERE s.k > 1
),
the_one AS (SELECT kind, USUBJID, first_line AS line, date, event FROM single_count WHERE n = 1),
metastasis_line AS (
  SELECT USUBJID, min(line) AS line FROM cohort_metastases WHERE ok GROUP BY USUBJID
),
m1_iff_metastases AS (
  SELECT 'patients.csv', p.line, 'CMSTAGE', p.CMSTAGE, 'm1-iff-metastases',
    'patient ' || p.USUBJID || ': ' || CASE WHEN p.CMSTAGE = 'M1'
      THEN 'CMSTAGE M1 needs at least one row in metastases.csv'
      ELSE 'CMSTAGE M0 but metastases.csv lists a metastasis on line ' || m.line END
  FROM patient p LEFT JOIN metastasis_line m USING (USUBJID)
  WHERE (p.CMSTAGE = 'M1' AND m.line IS NULL) OR (p.CMSTAGE = 'M0' AND m.line IS NOT NULL)
),
-- Every date of a checked patient's record, with what it records.
dated AS (
  SELECT 'patients.csv' AS file, line, 'DIAGDT' AS "column", USUBJID, DIAGDT AS date, 'diagnosis' AS kind FROM patient
  UNION ALL SELECT 'treatments.csv', line, 'STDT', USUBJID, STDT, 'treatment' FROM treatment
  UNION ALL SELECT 'treatments.csv', line, 'ENDT', USUBJID, ENDT, 'treatment' FROM treatment
  UNION ALL SELECT 'assessments.csv', line, 'RSDTC', USUBJID, RSDTC,
    CASE WHEN VISIT = 'BASELINE' THEN 'baseline' ELSE 'response' END FROM cohort_assessments WHERE ok
  UNION ALL SELECT 'events.csv', line, 'EVDTC', USUBJID, EVDTC,
    CASE WHEN EVENT = 'DEATH' THEN 'death' ELSE 'event' END FROM cohort_events WHERE ok
  UNION ALL SELECT 'adverse_events.csv', line, 'AESTDTC', USUBJID, AESTDTC, 'adverse-event'
  FROM cohort_adverse_events WHERE ok
),
-- Each checked patient's reference dates: diagnosis, Day 1 and the end of follow-up.
patient_dates AS (
  SELECT p.USUBJID, p.DIAGDT, p.line AS patient_line, day1.date AS day1, day1.line AS day1_line,
    fu.date AS end_date, fu.event AS end_event, fu.line AS end_line
  FROM patient p
  LEFT JOIN the_one day1 ON day1.USUBJID = p.USUBJID AND day1.kind = 'induction'
  LEFT JOIN the_one fu ON fu.USUBJID = p.USUBJID AND fu.kind = 'end'
),
-- The dated records that break a temporal rule, each rule a flag (a registry has 10^7 dated records; only the few
-- that break a rule are kept, and only they get a message).
timeline AS (
  SELECT *, 'patient ' || USUBJID || ': ' AS own FROM (
    SELECT d.*, p.* EXCLUDE (USUBJID),
      -- Baseline imaging may precede the diagnosis: it is part of the diagnostic work-up.
      kind NOT IN ('diagnosis', 'baseline') AND date < DIAGDT AS before_diagnosis,
      day1 IS NOT NULL AND kind <> 'diagnosis' AND "column" <> 'ENDT'
        AND CASE kind WHEN 'baseline' THEN date > day1 WHEN 'response' THEN date <= day1 ELSE date < day1 END
        AS breaks_day1,
      end_date IS NOT NULL AND date > end_date AND kind <> 'death' AS after_end,
      date > getvariable('cutoff') AS after_cutoff
    FROM dated d JOIN patient_dates p USING (USUBJID)
  )
  WHERE before_diagnosis OR breaks_day1 OR after_end OR after_cutoff
),
nothing_before_diagnosis AS (
  SELECT file, line, "column", iso(date), 'nothing-before-diagnosis',
    own || "column" || ' is before the diagnosis on ' || iso(DIAGDT) ||
    ' (patients.csv line ' || patient_line || ')'
  FROM timeline WHERE before_diagnosis
),
day1_rules AS (
  SELECT file, line, "column", iso(date),
    CASE kind WHEN 'baseline' THEN 'baseline-before-start' WHEN 'response' THEN 'response-after-start'
      ELSE 'on-or-after-start' END,
    own || CASE kind WHEN 'baseline' THEN 'baseline imaging must be on or before '
      WHEN 'response' THEN 'a response assessment must come after ' ELSE "column" || ' is before ' END ||
      day1_is(day1, day1_line)
  FROM timeline WHERE breaks_day1
),
nothing_after_end AS (
  SELECT file, line, "column", iso(date),
    CASE WHEN end_event = 'DEATH' THEN 'nothing-after-death' ELSE 'nothing-after-last-contact' END,
    own || "column" || ' is after the ' || end_is(end_event, end_date, end_line)
  FROM timeline WHERE after_end
),
nothing_after_cutoff AS (
  SELECT file, line, "column", iso(date), 'nothing-after-cutoff',
    own || "column" || ' is after the data cutoff ' || iso(getvariable('cutoff')) ||
    ' (study.json)'
  FROM timeline WHERE after_cutoff
)
SELECT * FROM known_usubjid
UNION ALL SELECT * FROM episodeid_usubjid
UNION ALL SELECT * FROM end_after_start
UNION ALL SELECT * FROM rt_dose_per_fraction
UNION ALL SELECT * FROM single_missing
UNION ALL SELECT * FROM single_extra
UNION ALL SELECT * FROM m1_iff_metastases
UNION ALL SELECT * FROM nothing_before_diagnosis
UNION ALL SELECT * FROM day1_rules
UNION ALL SELECT * FROM nothing_after_end
UNION ALL SELECT * FROM nothing_after_cutoff;
