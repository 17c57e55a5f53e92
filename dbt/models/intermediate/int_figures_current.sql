-- The figures of current article versions only (当前版本): superseded and deleted versions stay
-- in raw and staging for history but feed no mart. Adds the article's publication date and
-- resolves `part_of` (the text of a 其中 figure's total) to the figure id of that total.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

with versions as (
    select * from {{ ref('stg_articles') }}
    where is_current and {{ article_version_not_built() }}
),

-- Read where it is used, not copied first: DuckDB would materialize a CTE read three times, a
-- copy of every figure (on 10,000 articles: 2.8 s -> 2.0 s).
figures as not materialized (
    select
        f.*,
        v.article_key,
        v.published,
        v.published_inferred,
        v.source_type
    from {{ ref('stg_figures') }} as f
    inner join versions as v
        on f.article_id = v.article_id
        and f.content_hash = v.content_hash
),

-- A total named by text: the same text in the same article, preferably the closest one before.
part_of_by_text as (
    select
        f.figure_id,
        t.figure_id as total_figure_id,
        row_number() over (
            partition by f.figure_id
            order by (t.figure_seq < f.figure_seq) desc, abs(t.figure_seq - f.figure_seq), t.figure_seq
        ) as rn
    from figures as f
    inner join figures as t
        on f.article_id = t.article_id
        and f.part_of = t.text
        and f.figure_seq <> t.figure_seq
    where f.part_of is not null and f.part_of_seq is null
)

select
    f.*,
    coalesce(s.figure_id, p.total_figure_id) as part_of_figure_id
from figures as f
left join figures as s
    on f.article_id = s.article_id
    and f.part_of_seq = s.figure_seq
left join part_of_by_text as p
    on f.figure_id = p.figure_id
    and p.rn = 1
