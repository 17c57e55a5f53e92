-- Each part (其中) lined up with its whole (部分与总体): one row per figure whose `part_of` points
-- at another figure. `part_to_whole` is part / whole when both are amounts in the same unit
-- (null otherwise: nothing to compare); the suite totals_part_whole expects it to be at most 1.
-- Incremental by article (macros/incremental_by_scope.sql): only figures of one article meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('article') }}") }}
with facts as (
    select * from {{ ref('fct_indicator_value') }} where not is_derived and {{ in_changed_scope('article') }}
)

select
    p.figure_id,
    p.article_id,
    w.figure_id as whole_figure_id,
    [p.figure_id, w.figure_id] as figure_ids,
    list_filter([p.article_id, w.article_id], lambda x, i: list_position([p.article_id, w.article_id], x) = i) as article_ids,
    list_filter([p.sentence, w.sentence], lambda x, i: list_position([p.sentence, w.sentence], x) = i) as sentences,
    p.indicator as part_indicator,
    w.indicator as whole_indicator,
    p.zone_code,
    p.period_label,
    p.value as part_value,
    w.value as whole_value,
    p.unit,
    case
        when p.unit = w.unit and p.measure = w.measure and p.measure in ('level', 'change') and w.value > 0
            then p.value / w.value
    end as part_to_whole,
    'part ≤ whole: ' || coalesce(w.indicator, '') || ' ' || w.text as expected,
    coalesce(p.indicator, '') || ' ' || p.text as observed,
    case
        when p.unit <> w.unit or p.measure <> w.measure then 'not comparable: ' || p.measure || '/' || p.unit
            || ' of ' || w.measure || '/' || w.unit
        else 'part is ' || format('{:.1f}', 100 * p.value / nullif(w.value, 0)) || '% of its whole'
    end as detail
from facts as p
inner join facts as w on p.part_of_figure_id = w.figure_id
