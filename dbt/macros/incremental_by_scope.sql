{#-
  Models that compare figures within one article, or within one series (zone × indicator) across
  articles, are built incrementally by scope (按范围增量构建): a run deletes the rows of the
  articles (or series) it changes and recomputes just those. Which ones changed is recorded by the
  Dagster run before `dbt build` (beilun_etl/changes.py) in raw.changed_articles and
  raw.changed_series, and dropped after it; int_changed_series adds the series of the new versions.
  A build that finds no record (a `--full-refresh`, an analyst's own `dbt build`, a first run)
  recomputes the whole model.

  Usage, in such a model (scope: 'article' needs an article_id column, 'series' zone_key and indicator_key):
      {{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('series') }}") }}
      ... where {{ in_changed_scope('series', 'f') }}
  tests/test_incremental_models.py compares such a build with a full one.
-#}

{% macro changes_recorded() %}
{%- if not execute -%}{{ return(false) }}{%- endif -%}
{{ return(adapter.get_relation(database=target.database, schema='raw', identifier='changed_series') is not none) }}
{% endmacro %}

{% macro in_changed_scope(scope, alias=none) %}
{#- ref outside the condition: dbt records the dependency when it parses the model -#}
{%- set series = ref('int_changed_series') -%}
{%- set prefix = alias ~ '.' if alias else '' -%}
{%- if not (is_incremental() and changes_recorded()) -%}
true
{%- elif scope == 'series' -%}
({{ prefix }}zone_key, {{ prefix }}indicator_key) in (select zone_key, indicator_key from {{ series }})
{%- elif scope == 'article' -%}
{{ prefix }}article_id in (select article_id from raw.changed_articles)
{%- else -%}
{{ exceptions.raise_compiler_error("in_changed_scope: scope is 'article' or 'series', not " ~ scope) }}
{%- endif -%}
{% endmacro %}

{% macro delete_rows_in_changed_scope(scope) %}
{%- set condition = in_changed_scope(scope) -%}
{%- if is_incremental() -%}
delete from {{ this }} where {{ condition }}
{%- endif -%}
{% endmacro %}
