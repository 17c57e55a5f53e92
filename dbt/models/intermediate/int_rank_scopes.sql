-- The group each rank is taken in (排名范围), one row per rank figure (measure = rank) of the facts.
-- Rule (documented in _intermediate.yml and docs col_rank_scope):
--   the window is the rank's text and the 20 characters before it in its sentence;
--   the candidates are the words of dbt/seeds/rank_scope_words.csv (全国 → china, 全省 / 全市 / 全区 →
--   the province, city or district of the figure's zone, 世界 / 全球 → world) and the zone
--   dictionary's aliases of two or more characters (居宁波市首位 → ningbo);
--   a candidate that is the figure's own zone or a zone inside it is no scope (北仑…位居第19位);
--   the rank_scope is the candidate that ends last in the window (closest to the rank), the longer
--   one on a tie (宁波市 before 宁波).
-- rank_of: a count of places (N个 / 家 / 座 / 所, digits or Chinese numerals) between the scope
-- word and the rank (居全国4个试点地区首位 → 4), else null.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

with ranks as (
    select
        figure_id,
        article_id,
        content_hash,
        zone_code,
        text,
        sentence,
        strpos(sentence, text) as pos
    from {{ ref('int_figures_corrected') }}
    where measure = 'rank' and left_out is null and {{ article_version_not_built() }}
),

windows as (
    select
        *,
        {{ normalize_phrase(
            "case when pos > 0 then substr(sentence, greatest(1, pos - 20), pos - greatest(1, pos - 20) + length(text)) else text end"
        ) }} as window_text
    from ranks
),

scope_words as (
    select {{ normalize_phrase('word') }} as word, nullif(trim(scope_code), '') as scope_code,
        nullif(trim(scope_zone_type), '') as scope_zone_type
    from {{ ref('rank_scope_words') }}
),

words as (
    select * from scope_words
    union all
    select a.alias, a.code, null
    from {{ ref('int_zone_aliases') }} as a
    where a.alias_length > 1 and a.alias not in (select word from scope_words)
),

zone_ancestors as (
    select c.zone_code, c.ancestor_code, z.zone_type
    from {{ ref('int_zone_closure') }} as c
    inner join {{ ref('zones') }} as z on c.ancestor_code = z.code
),

candidates as (
    select
        w.figure_id,
        w.zone_code,
        w.window_text,
        x.word,
        coalesce(x.scope_code, a.ancestor_code) as scope,
        -- where the word's last occurrence in the window ends
        length(w.window_text) - strpos(reverse(w.window_text), reverse(x.word)) + 1 as word_end
    from windows as w
    inner join words as x on strpos(w.window_text, x.word) > 0
    left join zone_ancestors as a
        on x.scope_code is null and a.zone_code = w.zone_code and a.zone_type = x.scope_zone_type
),

scopes as (
    select *
    from candidates as c
    where c.scope is not null
        and not exists (
            select 1 from {{ ref('int_zone_closure') }} as inside
            where inside.zone_code = c.scope and inside.ancestor_code = c.zone_code
        )
    qualify row_number() over (partition by figure_id order by word_end desc, length(word) desc, scope) = 1
)

select
    w.figure_id,
    w.article_id,
    w.content_hash,
    s.scope as rank_scope,
    s.word as rank_scope_word,
    {{ small_number("nullif(regexp_extract(substr(w.window_text, coalesce(s.word_end, 0) + 1), '([0-9]+|[一二两三四五六七八九十]+)[个家座所]', 1), '')") }} as rank_of
from windows as w
left join scopes as s on w.figure_id = s.figure_id
