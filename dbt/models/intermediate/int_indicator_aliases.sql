-- The alias table of the indicator dictionary (指标别名表): one row per (alias, indicator).
-- Every indicator is also matched by its code and its Chinese name.
with indicators as (
    select * from {{ ref('indicators') }}
),

aliases as (
    select code, unnest(string_split(coalesce(aliases, ''), '|')) as alias, 'alias' as alias_source
    from indicators
    union all
    select code, name_zh, 'name_zh' from indicators
    union all
    select code, code, 'code' from indicators
)

select
    a.code,
    {{ normalize_phrase('a.alias') }} as alias,
    length({{ normalize_phrase('a.alias') }}) as alias_length,
    min(a.alias_source) as alias_source,
    i.unit,
    i.kind
from aliases as a
inner join indicators as i on a.code = i.code
where {{ normalize_phrase('a.alias') }} <> ''
group by all
