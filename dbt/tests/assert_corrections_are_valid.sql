{# Shown in Dagster as a check of int_corrections. #}
-- Every line of dbt/seeds/corrections.csv is a correction that can be applied: a known field, a
-- code of its dictionary or seed, a number or a date where one is due, a reason. The build stops
-- with a bad line's number and what is wrong (DuckDB's error(), in the filter so that dbt's count
-- of failing rows evaluates it), so the message is in the run log; fix the line and run again.
select line, article_id, char_start, field, new_value, problem
from {{ ref('int_corrections') }}
where problem is not null
    and error(format('dbt/seeds/corrections.csv line {}: {}', line, problem)) is null
