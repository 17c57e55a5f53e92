-- Beilun's fastest-growing indicators (增速最快): the believed growth rate of every dictionary indicator
-- of Beilun and the zones inside it, year on year (同比) and as a yearly average over several years
-- (年均), fastest first within each kind of growth and period. Derived averages (computed from two
-- levels) are marked by obs_status = derived.
select
    l.measure,
    l.period_label,
    rank() over (partition by l.measure, l.period_label order by l.value desc) as growth_rank,
    i.code as indicator_code,
    i.name_zh as indicator,
    z.name_zh as zone,
    l.value as growth_pct,
    l.obs_status,
    l.n_articles,
    l.values_disagree,
    f.sentence
from marts.fct_indicator_latest as l
join marts.fct_indicator_value as f on l.figure_id = f.figure_id
join marts.dim_indicator as i on l.indicator_key = i.indicator_key
join marts.dim_zone as z on l.zone_key = z.zone_key
where l.measure in ('growth_pct', 'cagr_pct')
  and i.is_mapped
  and z.district_code = 'beilun'
order by l.measure desc, l.period_end desc, l.period_start, growth_rank, i.code;
