-- Value added of the three sectors against GDP (三次产业增加值之和): one row per GDP figure whose
-- article also reports all three sectors for the same zone, period and unit (within one article,
-- so the audit grows linearly with the articles). `relative_gap` = |sum − GDP| / GDP.
-- Incremental by article (macros/incremental_by_scope.sql): only figures of one article meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('article') }}") }}
with levels as (
    select * from {{ ref('audit_figures') }} where measure = 'level' and indicator_code is not null and {{ in_changed_scope('article') }}
),

gdp as (select * from levels where indicator_code = 'gdp'),
primary_sector as (select * from levels where indicator_code = 'value_added_primary'),
secondary_sector as (select * from levels where indicator_code = 'value_added_secondary'),
tertiary_sector as (select * from levels where indicator_code = 'value_added_tertiary')

select
    g.figure_id,
    g.article_id,
    [g.figure_id, a.figure_id, b.figure_id, c.figure_id] as figure_ids,
    list_filter([g.article_id, a.article_id, b.article_id, c.article_id], lambda x, i: list_position([g.article_id, a.article_id, b.article_id, c.article_id], x) = i) as article_ids,
    list_filter([g.sentence, a.sentence, b.sentence, c.sentence], lambda x, i: list_position([g.sentence, a.sentence, b.sentence, c.sentence], x) = i) as sentences,
    g.zone_code,
    g.period_label,
    g.unit,
    g.value as gdp_value,
    a.value + b.value + c.value as sector_sum,
    abs(a.value + b.value + c.value - g.value) / g.value as relative_gap,
    'primary + secondary + tertiary = GDP ' || g.text as expected,
    a.text || ' + ' || b.text || ' + ' || c.text as observed,
    'the sectors sum to ' || format('{:.2f}', 100 * (a.value + b.value + c.value) / g.value) || '% of GDP' as detail
from gdp as g
inner join primary_sector as a
    on a.article_id = g.article_id and a.zone_key = g.zone_key and a.period_start = g.period_start and a.period_end = g.period_end and a.unit = g.unit
inner join secondary_sector as b
    on b.article_id = g.article_id and b.zone_key = g.zone_key and b.period_start = g.period_start and b.period_end = g.period_end and b.unit = g.unit
inner join tertiary_sector as c
    on c.article_id = g.article_id and c.zone_key = g.zone_key and c.period_start = g.period_start and c.period_end = g.period_end and c.unit = g.unit
where g.value > 0
