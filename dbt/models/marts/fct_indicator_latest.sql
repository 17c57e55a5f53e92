-- The latest value (最新值) per zone × indicator × period × measure: the value of the most
-- recently published article, how many articles reported it and whether they disagree.
-- Reported figures take precedence; derived ones only fill a cell no article reports.
-- Incremental by cell (macros/incremental_by_scope.sql): a cell depends on its own figures only.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell') }}") }}
with values_ as (
    select * from {{ ref('int_indicator_values') }} where {{ in_changed_scope('cell') }}
),

-- The cells are ranked on the columns that decide them only; the chosen figures' other columns
-- are joined back at the end (on 10,000 articles: 9 s -> 4 s).
cells as (
    select
        figure_id, zone_key, indicator_key, period_start, period_end, measure, article_id, figure_seq,
        published, value, unit, is_derived,
        bool_or(not is_derived) over (
            partition by zone_key, indicator_key, period_start, period_end, measure
        ) as cell_has_reported
    from values_
),

-- the value one article gives a cell (its first figure when it gives several)
per_article as (
    select *
    from cells
    where not (is_derived and cell_has_reported)
    qualify row_number() over (
        partition by zone_key, indicator_key, period_start, period_end, measure, article_id
        order by figure_seq, figure_id
    ) = 1
),

aggregated as (
    select
        zone_key,
        indicator_key,
        period_start,
        period_end,
        measure,
        cast(count(*) as integer) as n_articles,
        min(value) as min_value,
        max(value) as max_value,
        min(published) as first_published,
        string_agg(article_id, ',' order by published desc, article_id desc) as article_ids,
        count(distinct unit) > 1 as units_differ,
        -- the most recently published article's figure (one per article here, so no ties)
        arg_max(figure_id, (published, article_id)) as latest_figure_id
    from per_article
    group by all
)

select
    md5(
        l.zone_key || '|' || l.indicator_key || '|' || cast(l.period_start as varchar) || '|'
        || cast(l.period_end as varchar) || '|' || l.measure
    ) as latest_key,
    l.indicator_key,
    l.zone_key,
    l.year,
    l.article_key,
    l.measure,
    l.value,
    l.unit,
    l.qualifier,
    l.period_start,
    l.period_end,
    l.period_label,
    l.period_type,
    l.obs_status,
    l.figure_id,
    l.indicator_code,
    l.zone_code,
    l.article_id,
    l.published,
    a.first_published,
    a.n_articles,
    a.min_value,
    a.max_value,
    -- values of different articles differ by more than 0.1 % (the tolerance of FACTS.md's evaluation)
    a.units_differ or (a.max_value - a.min_value) > 0.001 * greatest(abs(a.max_value), abs(a.min_value)) as values_disagree,
    a.article_ids
from aggregated as a
inner join values_ as l on l.figure_id = a.latest_figure_id
