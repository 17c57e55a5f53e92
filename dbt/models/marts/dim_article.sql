-- Articles (文章维度): one row per article whose file is current, with its current version.
with versions as (
    select * from {{ ref('stg_articles') }}
),

version_counts as (
    select article_id, count(*) as n_versions from versions group by article_id
),

figure_counts as (
    select article_id, count(*) as n_figures
    from {{ ref('int_figures_mapped') }}
    group by article_id
)

select
    v.article_key,
    v.article_id,
    v.title,
    v.source,
    v.url,
    v.published,
    v.published_inferred,
    cast(year(v.published) as integer) as published_year,
    v.source_type,
    v.source_type_declared,
    v.content_hash,
    v.source_file,
    v.encoding,
    v.size_bytes,
    v.char_count,
    cast(coalesce(f.n_figures, 0) as integer) as n_figures,
    cast(c.n_versions as integer) as n_versions,
    v.first_seen_at
from versions as v
inner join version_counts as c on v.article_id = c.article_id
left join figure_counts as f on v.article_id = f.article_id
where v.is_current
