-- The data as of the cut-off (study.json, src_study.CUTOFFDT). Records dated after it are not part of the analysis,
-- except that a death or a contact after the cut-off shows the patient was alive at it: such a record becomes a
-- LAST_CONTACT on the cut-off date. The *_asof views are internal (calendar dates) like every src_ table.

CREATE OR REPLACE VIEW src_events_asof AS
SELECT e.USUBJID,
       CASE WHEN e.EVDTC > s.CUTOFFDT THEN 'LAST_CONTACT' ELSE e.EVENT END AS EVENT,
       least(e.EVDTC, s.CUTOFFDT) AS EVDTC,
       e.PROGSITE, e.PROGORG,
       CASE WHEN e.EVDTC > s.CUTOFFDT THEN NULL ELSE e.DTHCAUSE END AS DTHCAUSE
FROM src_events e, src_study s
WHERE e.EVDTC <= s.CUTOFFDT OR e.EVENT IN ('DEATH', 'LAST_CONTACT');

CREATE OR REPLACE VIEW src_assessments_asof AS
SELECT a.* FROM src_assessments a, src_study s WHERE a.RSDTC <= s.CUTOFFDT;

CREATE OR REPLACE VIEW src_adverse_events_asof AS
SELECT e.* FROM src_adverse_events e, src_study s WHERE e.AESTDTC <= s.CUTOFFDT;
