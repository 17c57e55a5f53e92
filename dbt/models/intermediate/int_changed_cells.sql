-- The cells (zone × indicator × period) a run changes (本次变动的单元): those of the changed
-- articles' old versions (recorded before the build in the source raw.changed_scope) and of their current versions. Models built
-- incrementally by cell or series (macros/incremental_by_scope.sql) recompute only these, or their
-- series. Empty when the run recorded no changes: then those models are recomputed whole.
{#- dependencies even when unused: dbt records them when it parses the model -#}
{%- set values_ = ref('int_indicator_values') -%}
{%- set changed_scope = source('raw', 'changed_scope') -%}
{% if changes_recorded() %}
select zone_key, indicator_key, period_start, period_end from {{ changed_scope }} where scope = 'cell'
union
select zone_key, indicator_key, period_start, period_end
from {{ values_ }}
where article_id in (select article_id from {{ changed_scope }} where scope = 'article')
{% else %}
select
    cast(null as varchar) as zone_key,
    cast(null as varchar) as indicator_key,
    cast(null as date) as period_start,
    cast(null as date) as period_end
where false
{% endif %}
