{# Shown in Dagster as a check of fct_indicator_value. #}
-- No figure read twice: the same text at the same place of the same article, read the same way
-- (measure, indicator, zone, period), is one fact. The fact's natural key; figure_id, its primary
-- key, is article_id#figure_seq and cannot see two readings of one place.
select
    article_id, char_start, char_end, text, sentence, measure, indicator_key, zone_key,
    period_start, period_end, is_derived,
    count(*) as n_figures,
    string_agg(figure_id, ', ' order by figure_id) as figure_ids
from {{ ref('fct_indicator_value') }}
group by all
having count(*) > 1
