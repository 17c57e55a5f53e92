-- Indicators (指标维度): the dictionary's indicators plus one row per indicator phrase that no
-- dictionary entry maps (is_mapped = false), so that no fact is without its indicator.
with dictionary as (
    select
        md5('indicator:' || code) as indicator_key,
        code,
        name_zh,
        name_en,
        unit,
        category,
        kind,
        aliases,
        true as is_mapped,
        cast(null as varchar) as indicator_phrase
    from {{ ref('indicators') }}
),

unmapped as (
    select distinct
        indicator_key,
        cast(null as varchar) as code,
        coalesce(indicator, '(unspecified)') as name_zh,
        cast(null as varchar) as name_en,
        cast(null as varchar) as unit,
        cast(null as varchar) as category,
        cast(null as varchar) as kind,
        cast(null as varchar) as aliases,
        false as is_mapped,
        indicator as indicator_phrase
    from {{ ref('int_indicator_values') }}
    where indicator_code is null
)

select
    *,
    coalesce(name_en, name_zh) as display_name
from (
    select * from dictionary
    union all
    select * from unmapped
)
