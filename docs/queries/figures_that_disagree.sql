-- Figures that disagree (数据不一致): every figure of each zone × indicator × period × measure
-- whose figures give values more than 0.5 % apart or in different units (fct_indicator_latest.values_disagree,
-- the tolerance the quality checks use), two figures of one article included; `is_believed` marks
-- the one fct_indicator_latest keeps (an official statistical release first, then a stated date, then the later date).
select
    i.display_name as indicator,
    z.name_zh as zone,
    l.period_label,
    l.measure,
    f.value,
    f.unit,
    f.qualifier,
    f.figure_id = l.figure_id as is_believed,
    a.title as article_title,
    a.source_type,
    a.published as article_published,
    a.published_inferred,
    f.sentence
from marts.fct_indicator_latest as l
join marts.fct_indicator_value as f
  on f.zone_key = l.zone_key
 and f.indicator_key = l.indicator_key
 and f.period_start = l.period_start
 and f.period_end = l.period_end
 and f.measure = l.measure
 and not f.is_derived
join marts.dim_indicator as i on l.indicator_key = i.indicator_key
join marts.dim_zone as z on l.zone_key = z.zone_key
join marts.dim_article as a on f.article_key = a.article_key
where l.values_disagree
order by indicator, zone, l.period_end, l.measure, is_believed desc, a.published desc, f.figure_id;
