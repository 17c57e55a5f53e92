-- Beilun's GDP (北仑区 地区生产总值) over the years, with the article each figure comes from.
select
    f.period_label,
    y.year,
    y.five_year_plan_label,
    f.measure,
    f.value,
    f.unit,
    case when f.unit = 'CNY' then f.value / 1e8 end as value_100m_cny,  -- 亿元
    f.qualifier,
    f.obs_status,
    a.title as article_title,
    a.published as article_published,
    f.sentence
from marts.fct_indicator_value as f
join marts.dim_indicator as i on f.indicator_key = i.indicator_key
join marts.dim_zone as z on f.zone_key = z.zone_key
join marts.dim_year as y on f.year = y.year
join marts.dim_article as a on f.article_key = a.article_key
where i.code = 'gdp'
  and z.code = 'beilun'
order by f.period_end, f.period_start, f.measure, a.published desc;
