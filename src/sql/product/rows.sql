-- The rows of each ADaM table, for the build product's manifest: what the site publishes of a table (Parquet only,
-- or CSV and XPT too) depends on them (src/core/adam/publication.ts).
SELECT 'adsl' AS dataset, count(*)::BIGINT AS n FROM adsl
UNION ALL SELECT 'adrs', count(*) FROM adrs
UNION ALL SELECT 'adtte', count(*) FROM adtte
UNION ALL SELECT 'adae', count(*) FROM adae;
