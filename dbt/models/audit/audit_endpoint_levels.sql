-- Levels that can be the end points of a span (跨期端点): an amount (not a percent, rank or
-- multiple) of one calendar year or one day, of an indicator that is not a rate or a multi-year
-- cumulative total. Multiples, yearly averages and growth rates are checked against these.
{{ config(materialized='view') }}

select *
from {{ ref('audit_figures') }}
where is_comparable
    and measure = 'level'
    and unit not in ('percent', 'pct_point', 'rank', 'times')
    and period_type in ('year', 'day')
    and coalesce(indicator_kind, 'flow') not in ('rate', 'cumulative')
    and value > 0
