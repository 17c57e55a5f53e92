-- Zones (区域维度) with their hierarchy: parent, level and full path such as
-- 中国 > 浙江省 > 宁波市 > 北仑区. Besides the dictionary, one row per zone text no entry maps and
-- one `(unknown)` row for figures without a zone (is_mapped = false), so that no fact is orphaned,
-- and a `world` row (the scope of 世界第一) while zones.csv has none. district_code: the district in
-- the hierarchy, else the one dbt/seeds/zone_districts.csv places the zone (or its parent) in.
with zones as (
    select
        code,
        name_zh,
        name_en,
        zone_type,
        nullif(trim(parent_code), '') as parent_code,
        aliases
    from {{ ref('zones') }}
),

closure as (
    select c.*, a.name_zh, a.name_en, a.zone_type
    from {{ ref('int_zone_closure') }} as c
    inner join zones as a on c.ancestor_code = a.code
),

paths as (
    select
        zone_code,
        max(distance) + 1 as hierarchy_level,
        string_agg(name_zh, ' > ' order by distance desc) as path_zh,
        string_agg(name_en, ' > ' order by distance desc) as path_en,
        max(case when zone_type = 'country' then name_zh end) as country_name_zh,
        max(case when zone_type = 'province' then name_zh end) as province_name_zh,
        max(case when zone_type = 'city' then name_zh end) as city_name_zh,
        max(case when zone_type = 'district' then name_zh end) as district_name_zh,
        max(case when zone_type = 'district' then ancestor_code end) as district_code
    from closure
    group by zone_code
),

-- Zones whose parent in zones.csv is no district but that lie in one (穿山港区 of the port, in
-- Beilun): dbt/seeds/zone_districts.csv, and the zones inside them.
districts_by_location as (
    select c.zone_code, zd.district_code, dz.name_zh as district_name_zh
    from {{ ref('int_zone_closure') }} as c
    inner join {{ ref('zone_districts') }} as zd on c.ancestor_code = zd.zone_code
    inner join zones as dz on zd.district_code = dz.code
    qualify row_number() over (partition by c.zone_code order by c.distance) = 1
),

dictionary as (
    select
        md5('zone:' || z.code) as zone_key,
        z.code,
        z.name_zh,
        z.name_en,
        z.zone_type,
        cast(p.hierarchy_level as integer) as hierarchy_level,
        z.parent_code,
        case when z.parent_code is not null then md5('zone:' || z.parent_code) end as parent_zone_key,
        parent.name_zh as parent_name_zh,
        p.path_zh,
        p.path_en,
        p.country_name_zh,
        p.province_name_zh,
        p.city_name_zh,
        coalesce(p.district_name_zh, d.district_name_zh) as district_name_zh,
        coalesce(p.district_code, d.district_code) as district_code,
        z.aliases,
        true as is_mapped,
        cast(null as varchar) as zone_phrase
    from zones as z
    left join paths as p on z.code = p.zone_code
    left join zones as parent on z.parent_code = parent.code
    left join districts_by_location as d on z.code = d.zone_code
),

-- The world (世界, 全球): the scope of a rank such as 世界第一 (fct_indicator_value.rank_scope), until
-- zones.csv has a row for it.
world as (
    select
        md5('zone:world') as zone_key,
        'world' as code,
        '世界' as name_zh,
        'World' as name_en,
        'world' as zone_type,
        cast(null as integer) as hierarchy_level,
        cast(null as varchar) as parent_code,
        cast(null as varchar) as parent_zone_key,
        cast(null as varchar) as parent_name_zh,
        '世界' as path_zh,
        'World' as path_en,
        cast(null as varchar) as country_name_zh,
        cast(null as varchar) as province_name_zh,
        cast(null as varchar) as city_name_zh,
        cast(null as varchar) as district_name_zh,
        cast(null as varchar) as district_code,
        '世界|全球' as aliases,
        true as is_mapped,
        cast(null as varchar) as zone_phrase
    where not exists (select 1 from zones where code = 'world')
),

unmapped as (
    select distinct
        zone_key,
        cast(null as varchar) as code,
        coalesce(zone, '(unknown)') as name_zh,
        case when zone is null then '(unknown)' end as name_en,
        'unknown' as zone_type,
        cast(null as integer) as hierarchy_level,
        cast(null as varchar) as parent_code,
        cast(null as varchar) as parent_zone_key,
        cast(null as varchar) as parent_name_zh,
        coalesce(zone, '(unknown)') as path_zh,
        coalesce(zone, '(unknown)') as path_en,
        cast(null as varchar) as country_name_zh,
        cast(null as varchar) as province_name_zh,
        cast(null as varchar) as city_name_zh,
        cast(null as varchar) as district_name_zh,
        cast(null as varchar) as district_code,
        cast(null as varchar) as aliases,
        false as is_mapped,
        zone as zone_phrase
    from {{ ref('int_indicator_values') }}
    where zone_code is null
)

select * from dictionary
union all
select * from world
union all
select * from unmapped
