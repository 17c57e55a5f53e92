-- The reported figures the consistency audits compare (审核用数值): facts of current articles that
-- were read from the text (obs_status reported or inferred_period), never the derived ones (they
-- are computed from these and would agree by construction) nor planned ones (届时…, future).
-- Adds the indicator's kind (flow/stock/rate/cumulative), the years its period starts and ends.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

select
    f.*,
    i.kind as indicator_kind,
    cast(year(f.period_start) as integer) as start_year,
    cast(year(f.period_end) as integer) as end_year,
    -- a figure names what it measures and where (a code or at least a phrase): only such figures
    -- are lined up with others (all figures without an indicator share one indicator_key)
    (f.indicator_code is not null or f.indicator is not null)
        and (f.zone_code is not null or f.zone is not null) as is_comparable
from {{ ref('fct_indicator_value') }} as f
left join {{ ref('dim_indicator') }} as i on f.indicator_key = i.indicator_key
where not f.is_derived
    and {{ article_version_not_built('f') }}
    and f.obs_status in ('reported', 'inferred_period')
