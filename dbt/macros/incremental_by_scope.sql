{#-
  Models that compare figures within one article, one cell (zone × indicator × period) or one
  series (zone × indicator) are built incrementally by scope (按范围增量构建): a run deletes the
  rows of the articles, cells or series it changes and recomputes just those. Which ones changed is
  recorded by the Dagster run before `dbt build` (beilun_etl/pipeline/changes.py) in the source
  raw.changed_scope, and emptied after it; the run passes
  `--vars '{"changes_recorded": true}'`. int_changed_cells adds the cells of the new versions. A
  build without that var (a `--full-refresh`, an analyst's own `dbt build`, a first run)
  recomputes the whole model.

  Usage, in such a model (scope 'article' needs an article_id column, 'cell' zone_key,
  indicator_key, period_start and period_end, 'series' zone_key and indicator_key):
      {{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell') }}") }}
      ... where {{ in_changed_scope('cell', 'f') }}
  A row that also depends on the same cell a year earlier (a growth rate and last year's level)
  takes years_back=[0, 1]: its own cell or the one a year before changed.
  tests/test_incremental_models.py compares such a build with a full one.
-#}

{#- The pipeline says it recorded the run's scope with `--vars '{"changes_recorded": true}'`. -#}
{% macro changes_recorded() %}
{{ return(var('changes_recorded', false)) }}
{% endmacro %}

{% macro in_changed_scope(scope, alias=none, years_back=[0]) %}
{#- ref and source outside the condition: dbt records the dependencies when it parses the model -#}
{%- set cells = ref('int_changed_cells') -%}
{%- set changed_scope = source('raw', 'changed_scope') -%}
{%- set p = alias ~ '.' if alias else '' -%}
{%- if not (is_incremental() and changes_recorded()) -%}
true
{%- elif scope == 'article' -%}
{{ p }}article_id in (select article_id from {{ changed_scope }} where scope = 'article')
{%- elif scope == 'cell' -%}
{%- for years in years_back %}
{%- set start, end = (p ~ 'period_start', p ~ 'period_end') if years == 0 else (
    'cast(' ~ p ~ 'period_start - interval ' ~ years ~ ' year as date)',
    'cast(' ~ p ~ 'period_end - interval ' ~ years ~ ' year as date)') %}
{{ 'or ' if not loop.first else '(' }}({{ p }}zone_key, {{ p }}indicator_key, {{ start }}, {{ end }})
    in (select zone_key, indicator_key, period_start, period_end from {{ cells }})
{%- endfor %})
{%- elif scope == 'series' -%}
({{ p }}zone_key, {{ p }}indicator_key) in (select zone_key, indicator_key from {{ cells }})
{%- else -%}
{{ exceptions.raise_compiler_error("in_changed_scope: scope is 'article', 'cell' or 'series', not " ~ scope) }}
{%- endif -%}
{% endmacro %}

{% macro delete_rows_in_changed_scope(scope, years_back=[0]) %}
{%- set condition = in_changed_scope(scope, years_back=years_back) -%}
{%- if is_incremental() -%}
delete from {{ this }} where {{ condition }}
{%- endif -%}
{% endmacro %}
