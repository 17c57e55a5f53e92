-- Indicator phrases no dictionary entry maps (未映射的指标): what an analyst should add as aliases
-- to dbt/seeds/indicators.csv (or a new indicator), most frequent first.
select
    coalesce(indicator, '(unspecified)') as indicator_phrase,
    cast(count(*) as integer) as n_figures,
    cast(count(distinct article_id) as integer) as n_articles,
    string_agg(distinct measure, ',' order by measure) as measures,
    string_agg(distinct unit, ',' order by unit) as units,
    string_agg(distinct extractor_indicator_code, ',' order by extractor_indicator_code) as extractor_codes,
    min(figure_id) as example_figure_id,
    arg_min(sentence, figure_id) as example_sentence,
    max(published) as last_published
from {{ ref('int_figures_mapped') }}
where indicator_mapping = 'unmapped'
group by all
