-- Zones (区域维度) with their hierarchy: parent, level and full path such as
-- 中国 > 浙江省 > 宁波市 > 北仑区. Besides the dictionary, one row per zone text no entry maps and
-- one `(unknown)` row for figures without a zone (is_mapped = false), so that no fact is orphaned.
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
        p.district_name_zh,
        p.district_code,
        z.aliases,
        true as is_mapped,
        cast(null as varchar) as zone_phrase
    from zones as z
    left join paths as p on z.code = p.zone_code
    left join zones as parent on z.parent_code = parent.code
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
select * from unmapped
