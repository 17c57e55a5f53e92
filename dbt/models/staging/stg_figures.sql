-- One row per extracted figure of an article version (数字), typed. Periods are completed here:
-- a figure without a stated period refers to the publication year of its article (FACTS.md).
with figures as (
    select * from {{ source('raw', 'figures') }}
),

versions as (
    select article_id, content_hash, published from {{ ref('stg_articles') }}
)

select
    f.article_id,
    f.content_hash,
    cast(f.figure_seq as integer) as figure_seq,
    f.article_id || '#' || cast(f.figure_seq as varchar) as figure_id,
    f.text,
    f.sentence,
    cast(f.char_start as integer) as char_start,
    cast(f.char_end as integer) as char_end,
    nullif(trim(f.indicator), '') as indicator,
    nullif(trim(f.indicator_code), '') as extractor_indicator_code,
    nullif(trim(f.zone), '') as zone,
    lower(trim(f.measure)) as measure,
    cast(f.value as double) as value,
    trim(f.unit) as unit,
    lower(trim(f.qualifier)) as qualifier,
    cast(coalesce(f.period_start, f.period_end, make_date(year(v.published), 1, 1)) as date) as period_start,
    cast(coalesce(f.period_end, f.period_start, make_date(year(v.published), 12, 31)) as date) as period_end,
    coalesce(f.period_inferred, false) or (f.period_start is null and f.period_end is null) as period_inferred,
    nullif(trim(f.classifier), '') as classifier,
    nullif(trim(f.share_of), '') as share_of,
    nullif(trim(f.part_of), '') as part_of,
    cast(f.part_of_seq as integer) as part_of_seq,
    cast(f.confidence as double) as confidence,
    f.extractor_version,
    f.trace
from figures as f
left join versions as v
    on f.article_id = v.article_id
    and f.content_hash = v.content_hash
