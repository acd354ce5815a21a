-- Swimmer plot, lanes: one per patient, from Day 1 to the end of follow-up (last contact or death, ADSL.LSTALVDY),
-- with morphology, best overall response (ADRS BOR) and whether the patient was alive at the last contact.

SELECT 'swimmer.lanes' AS id, count(*)::INTEGER AS denominator, list(s.USUBJID ORDER BY s.USUBJID) AS patients,
       list({'USUBJID': s.USUBJID, 'MORPH': s.MORPH, 'BOR': coalesce(b.AVALC, 'NE'), 'followup_days': s.LSTALVDY,
             'alive': s.DTHFL = 'N'} ORDER BY s.USUBJID) AS rows,
       count(*)::INTEGER AS rows_total
FROM adsl s LEFT JOIN adrs b ON b.USUBJID = s.USUBJID AND b.PARAMCD = 'BOR';
