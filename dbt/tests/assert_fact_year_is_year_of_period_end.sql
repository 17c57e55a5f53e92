-- The fact's year is the year of period_end, and the period is not reversed.
select figure_id, year, period_start, period_end
from {{ ref('fct_indicator_value') }}
where year <> year(period_end) or period_start > period_end
