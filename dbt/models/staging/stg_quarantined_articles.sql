-- Files the ingest could not take in (隔离的文件), typed.
select
    source_file,
    content_hash,
    lower(trim(reason)) as reason,
    detail,
    cast(size_bytes as bigint) as size_bytes,
    duplicate_of,
    cast(detected_at as timestamp) as detected_at,
    run_id
from {{ source('raw', 'quarantined_articles') }}
