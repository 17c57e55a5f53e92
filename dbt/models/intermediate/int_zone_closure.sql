-- The zone hierarchy as a closure table (区域层级): one row per zone and each of its ancestors,
-- itself included at distance 0. Depth is capped at 12 so that a cycle in zones.csv cannot loop.
with recursive zones as (
    select code, nullif(trim(parent_code), '') as parent_code from {{ ref('zones') }}
),

closure(zone_code, ancestor_code, distance) as (
    select code, code, 0 from zones
    union all
    select c.zone_code, z.parent_code, c.distance + 1
    from closure as c
    inner join zones as z on c.ancestor_code = z.code
    where z.parent_code is not null and c.distance < 12
)

select zone_code, ancestor_code, cast(distance as integer) as distance
from closure
