-- Three-sector structures (三次产业结构 a:b:c): one row per article, zone and period that gives the
-- share of all three sectors. `share_sum` is a + b + c; the suite expects 100 ± 0.2.
-- Incremental by article (macros/incremental_by_scope.sql): only figures of one article meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('article') }}") }}
with shares as (
    select *
    from {{ ref('audit_figures') }}
    where measure = 'share_pct' and {{ in_changed_scope('article') }}
        and indicator_code in ('value_added_primary', 'value_added_secondary', 'value_added_tertiary')
),

grouped as (
    select
        article_id,
        zone_key,
        period_start,
        period_end,
        any_value(zone_code) as zone_code,
        any_value(period_label) as period_label,
        list(figure_id order by indicator_code) as figure_ids,
        list_distinct(list(sentence order by indicator_code)) as sentences,
        string_agg(text, ' : ' order by indicator_code) as observed,
        count(distinct indicator_code) as n_sectors,
        count(*) as n_figures,
        sum(value) as share_sum
    from shares
    group by article_id, zone_key, period_start, period_end
)

select
    figure_ids[1] as figure_id,
    article_id,
    figure_ids,
    [article_id] as article_ids,
    sentences,
    zone_code,
    period_label,
    share_sum,
    '100 ± 0.2' as expected,
    observed || ' = ' || format('{:.1f}', share_sum) as observed,
    'the shares of the three sectors sum to ' || format('{:.1f}', share_sum) as detail
from grouped
where n_sectors = 3 and n_figures = 3
