{#-
  Models that compare figures within one article, one cell (zone × indicator × period) or one
  series (zone × indicator) are built incrementally by scope (按范围增量构建): a run deletes the
  rows of the articles, cells or series it changes and recomputes just those. Which ones changed is
  recorded by the Dagster run before `dbt build` (beilun_etl/pipeline/changes.py) in raw.changed_articles
  and raw.changed_cells, and dropped after it; int_changed_cells adds the cells of the new
  versions. A build that finds no record (a `--full-refresh`, an analyst's own `dbt build`, a first
  run) recomputes the whole model.

  Usage, in such a model (scope 'article' needs an article_id column, 'cell' zone_key,
  indicator_key, period_start and period_end, 'series' zone_key and indicator_key):
      {{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell') }}") }}
      ... where {{ in_changed_scope('cell', 'f') }}
  A row that also depends on the same cell a year earlier (a growth rate and last year's level)
  takes years_back=[0, 1]: its own cell or the one a year before changed.
  tests/test_incremental_models.py compares such a build with a full one.
-#}

{% macro changes_recorded() %}
{%- if not execute -%}{{ return(false) }}{%- endif -%}
{{ return(adapter.get_relation(database=target.database, schema='raw', identifier='changed_cells') is not none) }}
{% endmacro %}

{% macro in_changed_scope(scope, alias=none, years_back=[0]) %}
{#- ref outside the condition: dbt records the dependency when it parses the model -#}
{%- set cells = ref('int_changed_cells') -%}
{%- set p = alias ~ '.' if alias else '' -%}
{%- if not (is_incremental() and changes_recorded()) -%}
true
{%- elif scope == 'article' -%}
{{ p }}article_id in (select article_id from raw.changed_articles)
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
