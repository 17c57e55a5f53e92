-- Corrections of dbt/seeds/corrections.csv that change no figure (未生效的更正), with why: the article
-- is not current (deleted, or never staged), its version is not the one content_hash names, or no
-- figure of it starts at char_start (an edit moved the text, or the extractor no longer finds it). A
-- line with a problem is listed too (the build has failed on it first: assert_corrections_are_valid).
with corrections as (
    select * from {{ ref('int_corrections') }}
),

current_versions as (
    select article_id, content_hash, title from {{ ref('stg_articles') }} where is_current
),

figures as (
    select article_id, content_hash, char_start, figure_id from {{ ref('int_figures_mapped') }}
)

select
    c.line,
    c.article_id,
    v.title as article_title,
    c.char_start,
    c.field,
    c.new_value,
    c.reason,
    c.content_hash,
    v.content_hash as current_content_hash,
    case
        when c.problem is not null then 'invalid: ' || c.problem
        when v.article_id is null then 'the article is not current (deleted, renamed or never staged)'
        when c.content_hash is not null and c.content_hash <> v.content_hash
            then 'the article was edited: its current version is ' || v.content_hash
        else 'no figure of the current version starts at char_start ' || cast(c.char_start as varchar)
    end as why_unapplied
from corrections as c
left join current_versions as v on c.article_id = v.article_id
where c.problem is not null
    or not exists (
        select 1 from figures as f
        where f.article_id = c.article_id
            and f.char_start = c.char_start
            and (c.content_hash is null or f.content_hash = c.content_hash)
    )
