{# Shown in Dagster as a check of fct_indicator_value (the test reads more than one model). #}
{{ config(meta={'dagster': {'ref': {'name': 'fct_indicator_value'}}}) }}
-- No fact row has a key its dimension lacks (the relationships tests, in one place, for both facts).
with facts as (
    select 'fct_indicator_value' as fact, figure_id as row_id, article_key, indicator_key, zone_key, year
    from {{ ref('fct_indicator_value') }}
    union all
    select 'fct_indicator_latest', latest_key, article_key, indicator_key, zone_key, year
    from {{ ref('fct_indicator_latest') }}
)

select f.*
from facts as f
left join {{ ref('dim_article') }} as a on f.article_key = a.article_key
left join {{ ref('dim_indicator') }} as i on f.indicator_key = i.indicator_key
left join {{ ref('dim_zone') }} as z on f.zone_key = z.zone_key
left join {{ ref('dim_year') }} as y on f.year = y.year
where a.article_key is null or i.indicator_key is null or z.zone_key is null or y.year is null
