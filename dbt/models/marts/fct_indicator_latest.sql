-- The value to believe (最新值) per zone × indicator × period × measure: intermediate.int_indicator_latest
-- (incremental by cell; the rule is there), written whole each run as a table so that its foreign keys
-- to the dimensions can be declared (DuckDB lets no table that a foreign key references be replaced
-- while the referencing table keeps its rows: dbt-duckdb drops and rebuilds these tables after their dimensions).
select * from {{ ref('int_indicator_latest') }}
