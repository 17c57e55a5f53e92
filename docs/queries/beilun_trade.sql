-- Beilun's foreign trade (外贸): the value believed for each trade indicator and period, in 亿元 or
-- 亿美元, with the source it comes from and how many articles and figures report it.
select
    i.code as indicator_code,
    i.name_zh as indicator,
    l.period_label,
    l.measure,
    l.value,
    l.unit,
    case when l.unit in ('CNY', 'USD') then l.value / 1e8 end as value_100m,  -- 亿元 / 亿美元
    l.multiple_basis,
    l.obs_status,
    l.n_articles,
    l.n_figures,
    l.values_disagree,
    a.title as article_title,
    a.source_type,
    l.published
from marts.fct_indicator_latest as l
join marts.dim_indicator as i on l.indicator_key = i.indicator_key
join marts.dim_zone as z on l.zone_key = z.zone_key
join marts.dim_article as a on l.article_key = a.article_key
where i.category = 'trade'
  and z.code = 'beilun'
order by i.code, l.period_end, l.period_start, l.measure;
