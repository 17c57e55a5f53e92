{{ config(materialized='view') }}  -- read by the Great Expectations suites only: computed as they read it

-- Every figure read from an article with its value split by what it must satisfy (数值值域): one
-- row per non-derived fact. Each `*_value` column holds the value only for the figures it applies
-- to (null otherwise, and the suites skip nulls), so a suite can say e.g. "share_pct_value lies
-- within [0, 100]" in one line.
select
    figure_id,
    [figure_id] as figure_ids,
    [article_id] as article_ids,
    [sentence] as sentences,
    article_id,
    indicator_code,
    indicator,
    zone_code,
    period_label,
    measure,
    unit,
    value,
    qualifier,
    text,
    -- totals: shares lie within [0, 100]; counts are whole and non-negative; levels are positive
    case when measure = 'share_pct' then value end as share_pct_value,
    case when measure = 'level' and unit in ('count', 'person') then value end as count_value,
    -- (not a quantity per unit, which may well be a fraction: 每万人发明专利拥有量68.5件)
    case when unit in ('count', 'person') and not regexp_matches(coalesce(indicator, ''), '每|人均|户均|亩均|平均')
        then abs(value - round(value)) end as count_fraction,
    case when measure = 'level' and unit not in ('percent', 'rank', 'times', 'pct_point') then value end as level_value,
    case when measure = 'rank' then value end as rank_value,
    case when measure = 'rank' then abs(value - round(value)) end as rank_fraction,
    -- growth: plausible bounds (warnings)
    case when measure = 'growth_pct' then value end as growth_pct_value,
    case when measure = 'cagr_pct' then value end as cagr_pct_value,
    case when measure = 'multiple' then value end as multiple_value,
    case when measure = 'pct_points' then value end as pct_points_value,
    case when measure = 'level' and unit = 'percent' then value end as rate_level_value,
    -- structure: the unit fits the measure (FACTS.md)
    case measure
        when 'level' then unit not in ('pct_point', 'times', 'rank')
        when 'change' then unit not in ('percent', 'pct_point', 'times', 'rank')
        when 'growth_pct' then unit = 'percent'
        when 'cagr_pct' then unit = 'percent'
        when 'share_pct' then unit = 'percent'
        when 'pct_points' then unit = 'pct_point'
        when 'multiple' then unit = 'times'
        when 'rank' then unit = 'rank'
        else false
    end as measure_unit_ok,
    cast(null as varchar) as expected,
    text || ' (' || measure || ', ' || unit || ' ' || cast(value as varchar) || ')' as observed,
    cast(null as varchar) as detail
from {{ ref('fct_indicator_value') }}
where not is_derived
