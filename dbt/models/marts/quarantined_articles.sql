-- Files that were not taken in (隔离的文件), with the reason and what to do about it.
select
    md5(
        'quarantine:' || source_file || ':' || coalesce(content_hash, '') || ':' || cast(detected_at as varchar)
    ) as quarantine_key,
    source_file,
    content_hash,
    reason,
    detail,
    size_bytes,
    duplicate_of,
    detected_at,
    run_id
from {{ ref('stg_quarantined_articles') }}
