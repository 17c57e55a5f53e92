-- Cumulative totals from one article to a later one (累计值不减): one row per cumulative figure and
-- the next article published after it (consecutive pairs suffice: if no total falls from one
-- article to the next, none falls over any longer gap either) that reports a cumulative level of the same zone,
-- indicator and unit, the later one for a period ending no earlier. Cumulative: an indicator of
-- kind `cumulative`, or a level over several years (2003-2022 累计) — then both must start on the
-- same day. `relative_fall` = (earlier − later) / earlier; it must not be positive.
-- Incremental by series (macros/incremental_by_scope.sql): only figures of one zone and indicator meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('series') }}") }}
with cumulative as (
    select *
    from {{ ref('audit_figures') }}
    where is_comparable and measure = 'level' and value > 0 and {{ in_changed_scope('series') }}
        and (indicator_kind = 'cumulative' or period_type = 'years')
)

select
    l.figure_id,
    l.zone_key,
    l.indicator_key,
    [e.figure_id, l.figure_id] as figure_ids,
    [e.article_id, l.article_id] as article_ids,
    list_filter([e.sentence, l.sentence], lambda x, i: list_position([e.sentence, l.sentence], x) = i) as sentences,
    l.indicator_code,
    l.indicator,
    l.zone_code,
    e.period_label as earlier_period_label,
    l.period_label as later_period_label,
    e.published as earlier_published,
    l.published as later_published,
    e.value as earlier_value,
    l.value as later_value,
    (e.value - l.value) / e.value as relative_fall,
    '≥ ' || e.text || ' (' || e.article_id || ', ' || e.period_label || ')' as expected,
    l.text || ' (' || l.article_id || ', ' || l.period_label || ')' as observed,
    format('the later article reports {:.1f}% less', 100 * (e.value - l.value) / e.value) as detail
from cumulative as e
inner join cumulative as l
    on l.zone_key = e.zone_key
    and l.indicator_key = e.indicator_key
    and l.unit = e.unit
    and l.article_id <> e.article_id
    and l.published > e.published
    and l.period_end >= e.period_end
    and (l.indicator_kind = 'cumulative' or l.period_start = e.period_start)
qualify row_number() over (partition by e.figure_id order by l.published, l.article_id, l.figure_seq) = 1
