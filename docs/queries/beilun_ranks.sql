-- Where Beilun ranks (排名): every rank of Beilun and the zones inside it, with the group it is taken
-- in (rank_scope: 全省 → Zhejiang, 全国 → China, 宁波市 → Ningbo) and, where the text says, the size
-- of that group (rank_of: 居全国4个试点地区首位 → 1 of 4).
select
    f.period_label,
    coalesce(i.display_name, f.indicator) as indicator,
    z.name_zh as zone,
    f.value as rank,
    f.rank_scope,
    s.name_zh as scope,
    s.zone_type as scope_type,
    f.rank_of,
    f.text,
    a.title as article_title,
    f.sentence
from marts.fct_indicator_value as f
join marts.dim_indicator as i on f.indicator_key = i.indicator_key
join marts.dim_zone as z on f.zone_key = z.zone_key
join marts.dim_article as a on f.article_key = a.article_key
left join marts.dim_zone as s on s.code = f.rank_scope
where f.measure = 'rank'
  and z.district_code = 'beilun'
order by f.period_end, s.hierarchy_level nulls last, f.value, indicator, f.figure_id;
