-- Indicator phrases no dictionary entry maps (未映射的指标): what an analyst should add as aliases
-- to dbt/seeds/indicators.csv (or a new indicator), most frequent first, with the phrases that look
-- like extraction noise rather than a gap of the dictionary marked (looks_like_noise, noise_reason):
--   a single character (作); a word of dbt/seeds/indicator_noise_words.csv alone (a verb 达到, a
--   function word 其中, a level label 国家级); numerals and time words with at most one other
--   character (百地年); a unit that contradicts the phrase (a money word such as 额, 收入, 产值, 投资 with
--   no figure in money; a count word such as 数量, 个数, 家数 with figures in money only).
with figures as (
    select * from {{ ref('int_figures_corrected') }}
    where indicator_mapping = 'unmapped' and left_out is null
),

phrases as (
    select
        coalesce(indicator, '(unspecified)') as indicator_phrase,
        cast(count(*) as integer) as n_figures,
        cast(count(distinct article_id) as integer) as n_articles,
        string_agg(distinct measure, ',' order by measure) as measures,
        string_agg(distinct unit, ',' order by unit) as units,
        bool_or(unit in ('CNY', 'USD')) as any_money,
        bool_and(unit in ('CNY', 'USD')) as all_money,
        string_agg(distinct extractor_indicator_code, ',' order by extractor_indicator_code) as extractor_codes,
        min(figure_id) as example_figure_id,
        arg_min(sentence, figure_id) as example_sentence,
        arg_min(article_id, figure_id) as example_article_id,
        max(published) as last_published
    from figures
    group by all
),

noise_words as (
    select word, kind from {{ ref('indicator_noise_words') }}
),

judged as (
    select
        p.*,
        case
            when p.indicator_phrase = '(unspecified)' then 'no phrase: the extractor found no words for what is measured'
            when length(p.indicator_phrase) = 1 then 'a single character'
            when w.kind = 'verb' then 'a verb, not what is measured'
            when w.kind = 'function' then 'a function word or qualifier, not what is measured'
            when w.kind = 'level' then 'a level label without the thing that has it'
            when length(regexp_replace(p.indicator_phrase, '[0-9一二两三四五六七八九十百千万亿年月日季度第上下半去今前]', '', 'g')) <= 1
                then 'numerals and time words, no indicator'
            when regexp_matches(p.indicator_phrase, '(额|收入|产值|总值|投资|资金|金额|营收|税收)$') and not p.any_money
                then 'unit contradicts the phrase: a sum of money given in ' || p.units
            when regexp_matches(p.indicator_phrase, '(数量|个数|家数|人数|件数|项数)$') and p.all_money
                then 'unit contradicts the phrase: a count given in ' || p.units
        end as noise_reason
    from phrases as p
    left join noise_words as w on p.indicator_phrase = w.word
)

select
    j.indicator_phrase,
    j.n_figures,
    j.n_articles,
    j.measures,
    j.units,
    j.extractor_codes,
    j.noise_reason is not null as looks_like_noise,
    j.noise_reason,
    j.example_figure_id,
    j.example_sentence,
    j.example_article_id,
    a.title as example_article_title,
    j.last_published
from judged as j
left join {{ ref('dim_article') }} as a on j.example_article_id = a.article_id
