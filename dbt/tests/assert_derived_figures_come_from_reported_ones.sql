{# Shown in Dagster as a check of fct_indicator_value (the test reads more than one model). #}
{{ config(meta={'dagster': {'ref': {'name': 'fct_indicator_value'}}}) }}
-- Every figure a derived figure lists in derived_from is a reported figure of the same article.
with sources as (
    select d.figure_id, d.article_id, unnest(string_split(d.derived_from, ',')) as source_figure_id
    from {{ ref('fct_indicator_value') }} as d
    where d.is_derived
)

select s.*
from sources as s
left join {{ ref('fct_indicator_value') }} as r
    on s.source_figure_id = r.figure_id and not r.is_derived and r.article_id = s.article_id
where r.figure_id is null
