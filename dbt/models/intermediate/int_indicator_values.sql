-- Reported and derived figures together (所有数值): the rows of marts.fct_indicator_value. The
-- figures a correction drops or that are a rank's group size (int_figures_corrected.left_out) are
-- left out; ranks get their scope (int_rank_scopes), multiples their basis (int_multiple_bases).
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

select
    f.* exclude (left_out),
    r.rank_scope,
    r.rank_of,
    b.multiple_basis,
    false as is_derived,
    cast(null as varchar) as derivation_method,
    cast(null as varchar) as derived_from
from {{ ref('int_figures_corrected') }} as f
left join {{ ref('int_rank_scopes') }} as r on f.figure_id = r.figure_id
left join {{ ref('int_multiple_bases') }} as b on f.figure_id = b.figure_id
where f.left_out is null and {{ article_version_not_built('f') }}
union all by name
select *, true as is_derived
from {{ ref('int_derived_figures') }}
where {{ article_version_not_built() }}
