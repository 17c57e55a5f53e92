{# Shown in Dagster as a check of fct_indicator_value (the test reads more than one model). #}
{{ config(meta={'dagster': {'ref': {'name': 'fct_indicator_value'}}}) }}
-- Every figure of a current article version is a row of fct_indicator_value (none lost in mapping)
-- unless int_figures_corrected leaves it out and says why (a correction `drop`, a rank's group size),
-- and no figure of a superseded or deleted version is.
with expected as (
    select f.article_id || '#' || cast(f.figure_seq as varchar) as figure_id
    from {{ source('raw', 'figures') }} as f
    inner join {{ source('raw', 'article_versions') }} as v
        on f.article_id = v.article_id and f.content_hash = v.content_hash
    where lower(v.status) = 'current'
    except
    select figure_id from {{ ref('int_figures_corrected') }} where left_out is not null
),

actual as (
    select figure_id from {{ ref('fct_indicator_value') }} where not is_derived
)

select coalesce(e.figure_id, a.figure_id) as figure_id,
    case when a.figure_id is null then 'missing from the fact' else 'not a current figure' end as problem
from expected as e
full outer join actual as a on e.figure_id = a.figure_id
where e.figure_id is null or a.figure_id is null
