-- Beilun's latest values of dictionary indicators, by five-year plan period (五年规划) and year;
-- zones inside Beilun (its development zones, parks and areas) are included, named in `zone`.
select
    y.five_year_plan_label,
    l.period_label,
    i.code as indicator_code,
    i.name_zh as indicator,
    z.name_zh as zone,
    l.measure,
    l.value,
    l.unit,
    l.obs_status,
    l.n_articles,
    l.values_disagree
from marts.fct_indicator_latest as l
join marts.dim_indicator as i on l.indicator_key = i.indicator_key
join marts.dim_zone as z on l.zone_key = z.zone_key
join marts.dim_year as y on l.year = y.year
where i.is_mapped
  and z.district_code = 'beilun'
order by y.year, l.period_start, i.code, l.measure;
