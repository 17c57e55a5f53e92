-- Exports plus imports against total trade (进出口平衡): one row per total that its article reports
-- together with its exports and imports for the same zone, period and unit. Within one article,
-- so the audit grows linearly with the articles (figures of different articles are compared by
-- audit_cross_article). `relative_gap` = |exports + imports − total| / total.
-- Incremental by article (macros/incremental_by_scope.sql): only figures of one article meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('article') }}") }}
with components(total_code, exports_code, imports_code) as (
    values
        ('foreign_trade_total', 'exports', 'imports'),
        ('cross_border_ecommerce_total', 'cross_border_ecommerce_exports', 'cross_border_ecommerce_imports')
),

levels as (
    select * from {{ ref('audit_figures') }} where measure = 'level' and indicator_code is not null and {{ in_changed_scope('article') }}
)

select
    t.figure_id,
    t.article_id,
    [t.figure_id, e.figure_id, i.figure_id] as figure_ids,
    list_filter([t.article_id, e.article_id, i.article_id], lambda x, i: list_position([t.article_id, e.article_id, i.article_id], x) = i) as article_ids,
    list_filter([t.sentence, e.sentence, i.sentence], lambda x, i: list_position([t.sentence, e.sentence, i.sentence], x) = i) as sentences,
    t.indicator_code,
    t.zone_code,
    t.period_label,
    t.unit,
    t.value as total_value,
    e.value as exports_value,
    i.value as imports_value,
    abs(e.value + i.value - t.value) / t.value as relative_gap,
    'exports + imports = total ' || t.text as expected,
    e.text || ' + ' || i.text as observed,
    'exports + imports is ' || format('{:.2f}', 100 * (e.value + i.value) / t.value) || '% of the total' as detail
from components as c
inner join levels as t on t.indicator_code = c.total_code
inner join levels as e
    on e.indicator_code = c.exports_code
    and e.article_id = t.article_id
    and e.zone_key = t.zone_key and e.period_start = t.period_start and e.period_end = t.period_end
    and e.unit = t.unit
inner join levels as i
    on i.indicator_code = c.imports_code
    and i.article_id = t.article_id
    and i.zone_key = t.zone_key and i.period_start = t.period_start and i.period_end = t.period_end
    and i.unit = t.unit
where t.value > 0
