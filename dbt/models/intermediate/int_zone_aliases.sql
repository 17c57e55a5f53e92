-- The alias table of the zone dictionary (区域别名表): one row per (alias, zone).
with zones as (
    select * from {{ ref('zones') }}
),

aliases as (
    select code, unnest(string_split(coalesce(aliases, ''), '|')) as alias, 'alias' as alias_source
    from zones
    union all
    select code, name_zh, 'name_zh' from zones
    union all
    select code, code, 'code' from zones
)

select
    code,
    {{ normalize_phrase('alias') }} as alias,
    length({{ normalize_phrase('alias') }}) as alias_length,
    min(alias_source) as alias_source
from aliases
where {{ normalize_phrase('alias') }} <> ''
group by all
