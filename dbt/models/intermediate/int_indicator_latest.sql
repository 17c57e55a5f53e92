-- The value to believe (最新值) per zone × indicator × period × measure, the rows of
-- marts.fct_indicator_latest. Which figure gives it is one rule (docs/bi.md, "Which value is
-- believed"), in this order:
--   1. authority: an official statistical release (source_type statistical_release, authority 1 in
--      dbt/seeds/source_types.csv) before any other source, whatever the dates;
--   2. a stated publication date before an inferred one (published_inferred: an undated article
--      gets 31 December of its inferred year, which says nothing about its day);
--   3. the later publication date, then the later article id, then the article's first figure.
-- Reported figures take precedence: a derived figure only fills a cell no article reports.
-- n_figures counts every figure of the cell (several of one article included); units_differ and
-- values_disagree are taken over all of them, with the tolerance shared with the check
-- growth_cross_article_agreement (macros/disagreement_tolerance.sql).
-- Incremental by cell (macros/incremental_by_scope.sql): a cell depends on its own figures only.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell') }}") }}
with values_ as (
    select * from {{ ref('int_indicator_values') }} where {{ in_changed_scope('cell') }}
),

authority as (
    select source_type, authority from {{ ref('source_types') }}
),

-- The cells are ranked on the columns that decide them only; the chosen figures' other columns
-- are joined back at the end (on 10,000 articles: 9 s -> 4 s).
cells as (
    select
        v.figure_id, v.zone_key, v.indicator_key, v.period_start, v.period_end, v.measure, v.article_id,
        v.figure_seq, v.published, v.published_inferred, v.value, v.unit, v.is_derived,
        coalesce(a.authority, 99) as authority,
        bool_or(not v.is_derived) over (
            partition by v.zone_key, v.indicator_key, v.period_start, v.period_end, v.measure
        ) as cell_has_reported
    from values_ as v
    left join authority as a on v.source_type = a.source_type
),

-- every figure the cell believes, ranked by the rule (rn = 1 gives the value)
believed as (
    select
        *,
        row_number() over (
            partition by zone_key, indicator_key, period_start, period_end, measure
            order by authority, published_inferred, published desc, article_id desc, figure_seq, figure_id
        ) as rn,
        row_number() over (
            partition by zone_key, indicator_key, period_start, period_end, measure, article_id
            order by figure_seq, figure_id
        ) = 1 as first_of_article
    from cells
    where not (is_derived and cell_has_reported)
),

aggregated as (
    select
        zone_key,
        indicator_key,
        period_start,
        period_end,
        measure,
        cast(count(*) filter (where first_of_article) as integer) as n_articles,
        cast(count(*) as integer) as n_figures,
        min(value) as min_value,
        max(value) as max_value,
        min(published) as first_published,
        string_agg(article_id, ',' order by rn) filter (where first_of_article) as article_ids,
        count(distinct unit) > 1 as units_differ,
        any_value(figure_id) filter (where rn = 1) as latest_figure_id
    from believed
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
    l.source_type,
    l.published,
    l.published_inferred,
    a.first_published,
    a.n_articles,
    a.n_figures,
    a.min_value,
    a.max_value,
    a.units_differ,
    -- values more than the shared tolerance apart (|max − min| > tolerance × max(|max|, |min|)), or in different units
    a.units_differ
        or (a.max_value - a.min_value) > {{ disagreement_tolerance() }} * greatest(abs(a.max_value), abs(a.min_value))
        as values_disagree,
    a.article_ids,
    l.rank_scope,
    l.rank_of,
    l.multiple_basis,
    l.corrected
from aggregated as a
inner join values_ as l on l.figure_id = a.latest_figure_id
