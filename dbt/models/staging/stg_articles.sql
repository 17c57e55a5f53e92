-- One row per article version (文章版本): typed and trimmed, without the article text.
select
    article_id,
    content_hash,
    text_hash,
    md5('article_version:' || article_id || ':' || content_hash) as article_version_key,
    md5('article:' || article_id) as article_key,
    nullif(trim(title), '') as title,
    nullif(trim(source), '') as source,
    nullif(trim(url), '') as url,
    cast(published as date) as published,
    coalesce(published_inferred, false) as published_inferred,
    source_file,
    encoding,
    cast(size_bytes as bigint) as size_bytes,
    cast(char_count as integer) as char_count,
    lower(trim(status)) as status,
    lower(trim(status)) = 'current' as is_current,
    cast(first_seen_at as timestamp) as first_seen_at
from {{ source('raw', 'article_versions') }}
