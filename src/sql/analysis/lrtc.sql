-- Local–regional tumour control (LRTC), as the paper defines it: absence of locoregional failure at the time of
-- the analysis, i.e. no progression with site LOCOREGIONAL up to the data cut-off (ADSL.LRPFL), n (%) of all.

WITH
category AS (
  SELECT 'control.lrtc' AS id, USUBJID, LRPFL = 'N' AS counted FROM adsl
)

SELECT * FROM proportion(category);
