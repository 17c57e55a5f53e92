-- Reported and derived figures together (所有数值): the rows of marts.fct_indicator_value.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

select *, false as is_derived, cast(null as varchar) as derivation_method, cast(null as varchar) as derived_from
from {{ ref('int_figures_mapped') }}
where {{ article_version_not_built() }}
union all by name
select *, true as is_derived
from {{ ref('int_derived_figures') }}
where {{ article_version_not_built() }}
