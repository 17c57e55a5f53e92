-- The latest value (最新值) per zone × indicator × period × measure: the value of the most
-- recently published article, how many articles reported it and whether they disagree.
-- Reported figures take precedence; derived ones only fill a cell no article reports.
-- Incremental by cell (macros/incremental_by_scope.sql): a cell depends on its own figures only.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell') }}") }}
with values_ as (
    select * from {{ ref('int_indicator_values') }} where {{ in_changed_scope('cell') }}
),

cells as (
    select
        *,
        bool_or(not is_derived) over (
            partition by zone_key, indicator_key, period_start, period_end, measure
        ) as cell_has_reported
    from values_
),

considered as (
    select * from cells where not (is_derived and cell_has_reported)
),

-- the value one article gives a cell (its first figure when it gives several)
per_article as (
    select * from (
        select
            *,
            row_number() over (
                partition by zone_key, indicator_key, period_start, period_end, measure, article_id
                order by figure_seq, figure_id
            ) as rn
        from considered
    )
    where rn = 1
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
        count(distinct unit) > 1 as units_differ
    from per_article
    group by all
),

latest as (
    select * from (
        select
            *,
            row_number() over (
                partition by zone_key, indicator_key, period_start, period_end, measure
                order by published desc, article_id desc
            ) as pick
        from per_article
    )
    where pick = 1
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
from latest as l
inner join aggregated as a
    on l.zone_key = a.zone_key
    and l.indicator_key = a.indicator_key
    and l.period_start = a.period_start
    and l.period_end = a.period_end
    and l.measure = a.measure
