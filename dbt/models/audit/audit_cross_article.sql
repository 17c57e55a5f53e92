-- The same figure in two articles (同一数值多篇报道): one row per figure that another article also
-- reports (same zone, indicator, period, measure and unit) with another value, paired with the figure the
-- cell believes (the rule of fct_indicator_latest: authority of the source, a stated publication date
-- before an inferred one, the later date). Pairing with one reference (not every other article)
-- keeps the audit linear in the articles.
-- `relative_difference` = |a − b| / max(|a|, |b|); `unexplained_difference` is the same but 0
-- when the qualifiers explain it (逾 3000 vs 3050); `beyond_tolerance` is how far it exceeds the
-- tolerance the marts' values_disagree uses too (macros/disagreement_tolerance.sql),
-- which the suite growth_cross_article_agreement bounds by 0. Only figures with a stated period compare.
-- Incremental by cell (macros/incremental_by_scope.sql): only figures of one zone, indicator and period meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell') }}") }}
with figures as (
    select
        f.*,
        row_number() over (
            partition by f.zone_key, f.indicator_key, f.period_start, f.period_end, f.measure, f.unit
            order by s.authority, f.published_inferred, f.published desc, f.article_id desc, f.figure_seq
        ) as recency
    from {{ ref('audit_figures') }} as f
    left join {{ ref('source_types') }} as s on f.source_type = s.source_type
    where f.is_comparable and f.obs_status = 'reported' and {{ in_changed_scope('cell', 'f') }}
),

compared as (

select
    b.figure_id,
    b.zone_key,
    b.indicator_key,
    b.period_start,
    b.period_end,
    [a.figure_id, b.figure_id] as figure_ids,
    [a.article_id, b.article_id] as article_ids,
    list_filter([a.sentence, b.sentence], lambda x, i: list_position([a.sentence, b.sentence], x) = i) as sentences,
    a.indicator_code,
    a.indicator,
    a.zone_code,
    a.period_label,
    a.measure,
    a.unit,
    a.value as value_a,
    b.value as value_b,
    abs(a.value - b.value) / nullif(greatest(abs(a.value), abs(b.value)), 0) as relative_difference,
    case
        when a.value = b.value then 0.0
        when a.qualifier = 'more_than' and b.value >= a.value then 0.0
        when b.qualifier = 'more_than' and a.value >= b.value then 0.0
        when a.qualifier = 'less_than' and b.value <= a.value then 0.0
        when b.qualifier = 'less_than' and a.value <= b.value then 0.0
        else abs(a.value - b.value) / nullif(greatest(abs(a.value), abs(b.value)), 0)
    end as unexplained_difference,
    {{ disagreement_tolerance() }} as tolerance,
    a.text || ' (' || a.article_id || ')' as expected,
    b.text || ' (' || b.article_id || ')' as observed,
    format('{} {} {} {}: {} says {}, {} says {}', coalesce(a.indicator_code, a.indicator), a.zone_code,
        a.period_label, a.measure, a.article_id, a.text, b.article_id, b.text) as detail
from figures as a
inner join figures as b
    on a.recency = 1
    and b.article_id <> a.article_id
    and b.value <> a.value  -- equal values agree: only differing ones need a look
    and a.zone_key = b.zone_key
    and a.indicator_key = b.indicator_key
    and a.period_start = b.period_start
    and a.period_end = b.period_end
    and a.measure = b.measure
    and a.unit = b.unit
)

select
    *,
    greatest(unexplained_difference - tolerance, 0) as beyond_tolerance
from compared
