{# Shown in Dagster as a check of dim_zone (the test reads more than one model). #}
{{ config(meta={'dagster': {'ref': {'name': 'dim_zone'}}}) }}
-- Every dictionary zone lies, through its parents, in a country (no cycle, no dangling parent);
-- the world (the scope of 世界第一) is none.
select z.code, z.path_zh
from {{ ref('dim_zone') }} as z
where z.is_mapped and z.zone_type <> 'world'  -- the world encloses the countries
    and not exists (
        select 1 from {{ ref('int_zone_closure') }} as c
        inner join {{ ref('zones') }} as a on c.ancestor_code = a.code
        where c.zone_code = z.code and a.zone_type = 'country' and nullif(trim(a.parent_code), '') is null
    )
