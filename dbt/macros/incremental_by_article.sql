{#-
  Models whose every row belongs to one article version (article_id, content_hash) and depends on
  no other article are built incrementally (增量构建): a run keeps the rows of versions that are
  still current, deletes the others (edited or deleted articles) and adds the rows of the current
  versions the model lacks. One new article costs that article, not the warehouse.

  The rows kept are those a full rebuild would give only while the code and the dictionaries stay
  the same: any change to them makes the next run a `--full-refresh` (beilun_etl/defs/transform/assets.py), and
  tests/test_incremental_models.py compares an incremental build with a full one.

  Usage, in such a model:
      {{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}
      ... where {{ article_version_not_built('f') }}
-#}

{% macro delete_rows_of_old_article_versions() %}
{#- ref outside the condition: dbt records the dependency when it parses the hook -#}
{%- set articles = ref('stg_articles') -%}
{%- set changed_scope = source('raw', 'changed_scope') -%}
{%- if is_incremental() -%}
delete from {{ this }}
where (article_id, content_hash) not in (select article_id, content_hash from {{ articles }} where is_current)
{%- endif -%}
{% endmacro %}

{% macro article_version_not_built(alias=none) %}
{%- set prefix = alias ~ '.' if alias else '' -%}
{%- set articles = ref('stg_articles') -%}
{%- set changed_scope = source('raw', 'changed_scope') -%}
{%- if is_incremental() -%}
{#- a semi-join with the few versions to add: far cheaper than an anti-join of every upstream row.
    A version that gives the model no rows (most articles state no multiple to derive a level
    from) never shows in {{ this }}: when the run recorded which articles changed
    (macros/incremental_by_scope.sql), only theirs are looked at, not every such version again. -#}
({{ prefix }}article_id, {{ prefix }}content_hash) in (
    select article_id, content_hash from {{ articles }} where is_current
    {%- if changes_recorded() %}
        and article_id in (select article_id from {{ changed_scope }} where scope = 'article')
    {%- endif %}
    except
    select article_id, content_hash from {{ this }}
)
{%- else -%}
true
{%- endif -%}
{% endmacro %}
