-- One row per article version (文章版本): typed and trimmed, without the article text.
-- source_type: the sidecar's when it is one of dbt/seeds/source_types.csv, else recognised from the
-- title, the byline and the source (macros/source_type.sql); the sidecar's own word is kept in
-- source_type_declared (a word the seed lacks warns in the build, test on dim_article).
with versions as (
    select * from {{ source('raw', 'article_versions') }}
),

source_types as (
    select source_type from {{ ref('source_types') }}
)

select
    v.article_id,
    v.content_hash,
    v.text_hash,
    md5('article_version:' || v.article_id || ':' || v.content_hash) as article_version_key,
    md5('article:' || v.article_id) as article_key,
    nullif(trim(v.title), '') as title,
    nullif(trim(v.source), '') as source,
    nullif(trim(v.url), '') as url,
    cast(v.published as date) as published,
    coalesce(v.published_inferred, false) as published_inferred,
    nullif(lower(trim(v.source_type)), '') as source_type_declared,
    coalesce(
        t.source_type,
        {{ recognised_source_type('nullif(trim(v.title), \'\')', 'nullif(trim(v.source), \'\')', 'v.cleaned_text') }}
    ) as source_type,
    v.source_file,
    v.encoding,
    cast(v.size_bytes as bigint) as size_bytes,
    cast(v.char_count as integer) as char_count,
    lower(trim(v.status)) as status,
    lower(trim(v.status)) = 'current' as is_current,
    cast(v.first_seen_at as timestamp) as first_seen_at
from versions as v
left join source_types as t on t.source_type = nullif(lower(trim(v.source_type)), '')
