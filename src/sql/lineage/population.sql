-- Lineage: the analysis population (the denominator) of every result of docs/results.md, one row per result, with
-- the ADaM dataset and variables a reviewer checks its patients against. The counted patients (the numerator) are
-- the `patients` the analysis file itself returns; src/core/lineage/ pairs the two and fails the build when this
-- population's size is not the result's denominator or a counted patient lies outside it.
-- Populations are the trivial ADaM filters the analysis files use: all patients (ADSL), operated (SURGFL = 'Y'),
-- patients with liver metastases at diagnosis (LIVMETFL = 'Y'), patients with a measured primary before resection
-- (ADRS OVRLRESP, ANL01FL = 'Y'), and the patients of each time-to-event parameter (ADTTE PARAMCD).

WITH
population AS (  -- one row per population and patient
  SELECT 'all' AS population, USUBJID FROM adsl
  UNION ALL SELECT 'operated', USUBJID FROM adsl WHERE SURGFL = 'Y'
  UNION ALL SELECT 'liver_metastases', USUBJID FROM adsl WHERE LIVMETFL = 'Y'
  UNION ALL SELECT DISTINCT 'measured_primary', USUBJID FROM adrs WHERE PARAMCD = 'OVRLRESP' AND ANL01FL = 'Y'
  UNION ALL SELECT 'adtte_' || PARAMCD, USUBJID FROM adtte
),

result_population(id, population, dataset, paramcd, variables) AS (VALUES
  ('cohort.n', 'all', 'adsl', NULL, []::VARCHAR[]),
  ('table1.female', 'all', 'adsl', NULL, ['SEX']),
  ('table1.age', 'all', 'adsl', NULL, ['AGE']),
  ('table1.ps01', 'all', 'adsl', NULL, ['ECOG']),
  ('table1.comorbidity', 'all', 'adsl', NULL, ['COMORB']),
  ('table1.site.rectum', 'all', 'adsl', NULL, ['PRIMSITE']),
  ('table1.site.anus', 'all', 'adsl', NULL, ['PRIMSITE']),
  ('table1.ct.t1', 'all', 'adsl', NULL, ['CTSTAGE']),
  ('table1.ct.t2', 'all', 'adsl', NULL, ['CTSTAGE']),
  ('table1.ct.t3', 'all', 'adsl', NULL, ['CTSTAGE']),
  ('table1.ct.t4', 'all', 'adsl', NULL, ['CTSTAGE']),
  ('table1.cn.n0', 'all', 'adsl', NULL, ['CNSTAGE']),
  ('table1.cn.n1', 'all', 'adsl', NULL, ['CNSTAGE']),
  ('table1.cn.n2', 'all', 'adsl', NULL, ['CNSTAGE']),
  ('table1.ki67', 'all', 'adsl', NULL, ['KI67']),
  ('table1.morph.lcnec', 'all', 'adsl', NULL, ['MORPH']),
  ('table1.morph.scnec', 'all', 'adsl', NULL, ['MORPH']),
  ('table1.morph.minen', 'all', 'adsl', NULL, ['MORPH']),
  ('table1.stage.la', 'all', 'adsl', NULL, ['CMSTAGE', 'STAGE']),
  ('table1.stage.metastatic', 'all', 'adsl', NULL, ['CMSTAGE', 'STAGE']),
  ('table1.mets.liver', 'all', 'adsl', NULL, ['CMSTAGE', 'LIVMETFL']),
  ('table1.mets.peritoneum', 'all', 'adsl', NULL, ['CMSTAGE', 'PERMETFL']),
  ('table1.chemo.cis_etop', 'all', 'adsl', NULL, ['REGIMEN']),
  ('table1.chemo.carbo_etop', 'all', 'adsl', NULL, ['REGIMEN']),
  ('table1.chemo.cycles', 'all', 'adsl', NULL, ['CYCLES1L']),
  ('table1.rt.neoadjuvant', 'all', 'adsl', NULL, ['RTINTENT']),
  ('table1.rt.definitive', 'all', 'adsl', NULL, ['RTINTENT']),
  ('table1.rt.25gy5f', 'all', 'adsl', NULL, ['RTDOSE', 'RTFRAC']),
  ('table1.rt.50gy28f', 'all', 'adsl', NULL, ['RTDOSE', 'RTFRAC']),
  ('table1.surgery.yes', 'all', 'adsl', NULL, ['SURGFL']),
  ('table1.surgery.no', 'all', 'adsl', NULL, ['SURGFL']),
  ('table1.resection.r0', 'operated', 'adsl', NULL, ['SURGFL', 'MARGIN']),
  ('table1.resection.r1', 'operated', 'adsl', NULL, ['SURGFL', 'MARGIN']),
  ('table1.liver.rfa', 'liver_metastases', 'adsl', NULL, ['LIVMETFL', 'LIVRFAFL']),
  ('table1.liver.resection', 'liver_metastases', 'adsl', NULL, ['LIVMETFL', 'LIVRESFL']),
  ('response.bor.cr', 'all', 'adrs', 'BOR', ['PARAMCD', 'AVALC']),
  ('response.bor.pr', 'all', 'adrs', 'BOR', ['PARAMCD', 'AVALC']),
  ('response.bor.sd', 'all', 'adrs', 'BOR', ['PARAMCD', 'AVALC']),
  ('response.bor.pd', 'all', 'adrs', 'BOR', ['PARAMCD', 'AVALC']),
  ('response.bor.ne', 'all', 'adrs', 'BOR', ['PARAMCD', 'AVALC']),
  ('response.orr', 'all', 'adrs', 'BOR', ['PARAMCD', 'AVALC']),
  ('response.shrinkage', 'measured_primary', 'adrs', 'OVRLRESP', ['AVISIT', 'ADY', 'TUSIZE', 'BASE', 'PCHG', 'ANL01FL']),
  ('response.waterfall', 'measured_primary', 'adrs', 'OVRLRESP', ['AVISIT', 'ADY', 'TUSIZE', 'BASE', 'PCHG', 'ANL01FL']),
  ('response.ypt0', 'operated', 'adsl', NULL, ['SURGFL', 'YPT', 'YPT0FL']),
  ('control.lrtc', 'all', 'adsl', NULL, ['LRPFL', 'LRPDY']),
  ('tte.followup', 'adtte_OS', 'adtte', 'OS', ['AVAL', 'CNSR', 'EVNTDESC']),
  ('tte.os', 'adtte_OS', 'adtte', 'OS', ['STARTDY', 'AVAL', 'CNSR', 'EVNTDESC']),
  ('tte.pfs', 'adtte_PFS', 'adtte', 'PFS', ['STARTDY', 'AVAL', 'CNSR', 'EVNTDESC']),
  ('tte.dor', 'adtte_DOR', 'adtte', 'DOR', ['STARTDY', 'AVAL', 'CNSR', 'EVNTDESC']),
  ('tte.os.risk', 'adtte_OS', 'adtte', 'OS', ['AVAL', 'CNSR']),
  ('tte.pfs.risk', 'adtte_PFS', 'adtte', 'PFS', ['AVAL', 'CNSR']),
  ('tte.dor.risk', 'adtte_DOR', 'adtte', 'DOR', ['AVAL', 'CNSR']),
  ('safety.grade34', 'all', 'adae', NULL, ['AEDECOD', 'AETOXGR', 'AEG34FL']),
  ('safety.dose_reduction', 'all', 'adae', NULL, ['AEDECOD', 'AETOXGR', 'AEACN']),
  ('safety.discontinuation', 'all', 'adae', NULL, ['AEDECOD', 'AETOXGR', 'AEACN']),
  ('safety.ae_by_grade', 'all', 'adae', NULL, ['AEDECOD', 'AETOXGR']),
  ('swimmer.lanes', 'all', 'adsl', NULL, ['MORPH', 'LSTALVDY', 'DTHFL']),
  ('swimmer.segments', 'all', 'adsl', NULL, ['INDSTDY', 'INDENDY', 'CRTSTDY', 'CRTENDY', 'SURGDY', 'LRFADY', 'LRESDY', 'ADJSTDY', 'ADJENDY']),
  ('swimmer.markers', 'all', 'adsl', NULL, ['LRPDY', 'DMPDY', 'DTHDY'])
)

SELECT r.id, r.population, r.dataset, r.paramcd, r.variables,
       coalesce(list(p.USUBJID ORDER BY p.USUBJID) FILTER (WHERE p.USUBJID IS NOT NULL), []) AS denominator
FROM result_population r LEFT JOIN population p USING (population)
GROUP BY r.id, r.population, r.dataset, r.paramcd, r.variables
ORDER BY r.id;
