-- The mapped figures with the corrections of dbt/seeds/corrections.csv applied (更正后的数值), and
-- `left_out` saying why a figure is no figure of the facts (null for those that are):
--   a correction `drop` (its reason), or
--   the size of the group a rank is taken in: a count right before the rank in its sentence
--   (居全国4个试点地区首位: 4个 is the rank's rank_of, int_rank_scopes, not a level of its own).
-- A correction applies to every figure of the article whose text starts at char_start, in the
-- current version (or the version content_hash names): re-extracting the same version keeps it
-- while a figure still starts there. Corrected fields replace the figure's; the keys, the year and
-- the period's label, type and status follow them; indicator_mapping / zone_mapping become
-- `correction`. Lines with a problem (int_corrections.problem) are applied to nothing.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

with figures as (
    select * from {{ ref('int_figures_mapped') }}
    where {{ article_version_not_built() }}
),

matched as (
    select f.figure_id, c.*
    from figures as f
    inner join {{ ref('int_corrections') }} as c
        on c.problem is null
        and f.article_id = c.article_id
        and f.char_start = c.char_start
        and (c.content_hash is null or c.content_hash = f.content_hash)
),

per_figure as (
    select
        figure_id,
        bool_or(field = 'drop') as dropped,
        string_agg(reason, '; ' order by line) filter (where field = 'drop') as drop_reason,
        any_value(new_value) filter (where field = 'indicator_code') as indicator_code,
        any_value(new_value) filter (where field = 'zone_code') as zone_code,
        any_value(new_value) filter (where field = 'measure') as measure,
        any_value(new_value) filter (where field = 'unit') as unit,
        any_value(new_value) filter (where field = 'qualifier') as qualifier,
        any_value(new_number) filter (where field = 'value') as value,
        any_value(new_date) filter (where field = 'period_start') as period_start,
        any_value(new_date) filter (where field = 'period_end') as period_end,
        string_agg(reason, '; ' order by line) as correction_reason
    from matched
    group by figure_id
),

corrected as (
    select
        f.* replace (
            coalesce(c.indicator_code, f.indicator_code) as indicator_code,
            case when c.indicator_code is not null then 'correction' else f.indicator_mapping end as indicator_mapping,
            case when c.indicator_code is not null then md5('indicator:' || c.indicator_code) else f.indicator_key end as indicator_key,
            coalesce(c.zone_code, f.zone_code) as zone_code,
            case when c.zone_code is not null then 'correction' else f.zone_mapping end as zone_mapping,
            case when c.zone_code is not null then md5('zone:' || c.zone_code) else f.zone_key end as zone_key,
            coalesce(c.measure, f.measure) as measure,
            coalesce(c.unit, f.unit) as unit,
            coalesce(c.qualifier, f.qualifier) as qualifier,
            coalesce(c.value, f.value) as value,
            coalesce(c.period_start, f.period_start) as period_start,
            coalesce(c.period_end, f.period_end) as period_end,
            f.period_inferred and c.period_start is null and c.period_end is null as period_inferred
        ),
        c.figure_id is not null as corrected,
        c.correction_reason,
        case when c.dropped then 'correction: ' || c.drop_reason end as left_out
    from figures as f
    left join per_figure as c on f.figure_id = c.figure_id
),

-- A count of places (N个, 家, 座, 所) right after the group's name or 居 / 在 / 列 and right before a
-- rank of the same sentence, nothing but words between them: 居全国4个试点地区首位 (4个, then 首位).
-- The rank's text may also hold it (居全国4个试点地区首位). 10项总量指标保持宁波市第一 is no group size.
group_sizes as (
    select g.figure_id, any_value(r.figure_id) as rank_figure_id
    from corrected as g
    inner join corrected as r
        on g.article_id = r.article_id
        and g.sentence = r.sentence
        and r.measure = 'rank'
        and g.figure_id <> r.figure_id
    where g.measure = 'level' and g.unit = 'count' and g.left_out is null
        and regexp_matches(g.text, '[0-9一二两三四五六七八九十百]+[个家座所]$')
        and regexp_matches(g.sentence, '(全国|全省|全市|全区|世界|全球|国内|[居在列市省国区])' || regexp_escape(g.text))
        and (
            strpos(r.text, g.text) > 0
            or regexp_matches(
                g.sentence,
                '(^|[^0-9.])' || regexp_escape(g.text) || '[^，。；,;、0-9]{0,12}' || regexp_escape(r.text)
            )
        )
    group by g.figure_id
)

select
    c.* replace (
        year(c.period_end)::integer as year,
        {{ period_label('c.period_start', 'c.period_end') }} as period_label,
        {{ period_type('c.period_start', 'c.period_end') }} as period_type,
        case
            when c.period_start > c.published then 'planned'
            when c.period_inferred then 'inferred_period'
            else 'reported'
        end as obs_status,
        coalesce(c.left_out, 'group size of the rank ' || g.rank_figure_id || ' (its rank_of)') as left_out
    )
from corrected as c
left join group_sizes as g on c.figure_id = g.figure_id
