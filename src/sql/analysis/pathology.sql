-- Pathology of the resected primary (ADSL, operated patients, SURGFL = 'Y'): resection margin R0 / R1 (UICC
-- residual tumour classification) and complete pathological response of the primary, ypT0 (n (%) of operated).

WITH
category AS (
  SELECT 'table1.resection.r0' AS id, USUBJID, MARGIN = 'R0' AS counted FROM adsl WHERE SURGFL = 'Y'
  UNION ALL SELECT 'table1.resection.r1', USUBJID, MARGIN = 'R1' FROM adsl WHERE SURGFL = 'Y'
  UNION ALL SELECT 'response.ypt0', USUBJID, YPT0FL = 'Y' FROM adsl WHERE SURGFL = 'Y'
)

SELECT * FROM proportion(category);
