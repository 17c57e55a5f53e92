-- Every article version ever staged (文章版本历史), current, superseded or deleted.
with figure_counts as (
    select article_id, content_hash, count(*) as n_figures
    from {{ ref('stg_figures') }}
    group by all
)

select
    v.article_version_key,
    v.article_key,
    v.article_id,
    v.content_hash,
    v.status,
    v.is_current,
    v.title,
    v.source,
    v.url,
    v.published,
    v.published_inferred,
    v.source_file,
    v.size_bytes,
    v.char_count,
    cast(coalesce(f.n_figures, 0) as integer) as n_figures,
    v.first_seen_at
from {{ ref('stg_articles') }} as v
left join figure_counts as f
    on v.article_id = f.article_id
    and v.content_hash = f.content_hash
