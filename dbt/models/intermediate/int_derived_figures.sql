-- Figures derived from reported ones of the same article (推算值), obs_status = 'derived':
--   level_from_multiple / level_from_cagr: the level at one end of a stated multiple (扩大N倍)
--     or yearly average growth (年均增长r%) over year1..year2 when the article reports the level
--     at the other end only. A multiple is read as its multiple_basis (int_multiple_bases) says:
--     `increase` is N+1 times the base; `times`, or no basis the article decides, N times
--     (end = start × N). The row's multiple_basis names the reading used. A cagr compounds over
--     year2 − year1 years.
--   cagr_from_levels: the yearly average growth between two reported levels of consecutive years
--     in the article (no other level between them) when the article states none for that span:
--     ((later / earlier) ^ (1 / years) − 1) × 100.
-- Levels are amounts (not percent, rank, times), of a calendar year or a single day, and of an
-- indicator that is not a rate or a multi-year cumulative total. Derived values are computed from
-- rounded figures, so their qualifier is always `approx`.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

with figures as (
    select
        f.*,
        i.kind
    from {{ ref('int_figures_corrected') }} as f
    left join {{ ref('indicators') }} as i on f.indicator_code = i.code
    where f.obs_status in ('reported', 'inferred_period') and f.left_out is null
        and {{ article_version_not_built('f') }}
),

-- One level per article, indicator, zone, unit and year (the first one written).
levels as (
    select * from (
        select
            *,
            cast(year(period_end) as integer) as level_year,
            row_number() over (
                partition by article_id, indicator_key, zone_key, unit, year(period_end) order by figure_seq
            ) as rn
        from figures
        where measure = 'level'
            and unit not in ('percent', 'pct_point', 'rank', 'times')
            and period_type in ('year', 'day')
            and coalesce(kind, 'flow') not in ('rate', 'cumulative')
    )
    where rn = 1
),

spans as (
    select
        *,
        cast(year(period_start) as integer) as start_year,
        cast(year(period_end) as integer) as end_year
    from figures
    where measure in ('multiple', 'cagr_pct')
        and year(period_start) < year(period_end)
        and value > 0
),

-- A span with the level at exactly one of its ends: the other end is implied.
implied_levels as (
    select
        s.figure_id as span_figure_id,
        s.measure as span_measure,
        s.value as span_value,
        case when s.measure = 'multiple' then coalesce(b.multiple_basis, 'times') end as multiple_basis,
        s.end_year - s.start_year as years,
        l.*,
        case when l.level_year = s.end_year then 'start' else 'end' end as implied_end,
        row_number() over (partition by s.figure_id order by l.level_year desc, l.figure_seq) as pick
    from spans as s
    left join {{ ref('int_multiple_bases') }} as b on s.figure_id = b.figure_id
    inner join levels as l
        on s.article_id = l.article_id
        and s.indicator_key = l.indicator_key
        and s.zone_key = l.zone_key
        and l.level_year in (s.start_year, s.end_year)
    where not exists (
        select 1 from levels as o
        where o.article_id = s.article_id
            and o.indicator_key = s.indicator_key
            and o.zone_key = s.zone_key
            and o.unit = l.unit
            and o.level_year = case when l.level_year = s.end_year then s.start_year else s.end_year end
    )
),

level_rows as (
    select
        article_id,
        content_hash,
        figure_seq,
        article_key,
        indicator_key,
        zone_key,
        'level' as measure,
        case
            when span_measure = 'multiple' and implied_end = 'start'
                then value / (span_value + case when multiple_basis = 'increase' then 1 else 0 end)
            when span_measure = 'multiple' then value * (span_value + case when multiple_basis = 'increase' then 1 else 0 end)
            when implied_end = 'start' then value / power(1 + span_value / 100, years)
            else value * power(1 + span_value / 100, years)
        end as value,
        unit,
        cast(period_start + to_years(case when implied_end = 'start' then -years else years end) as date) as period_start,
        cast(period_end + to_years(case when implied_end = 'start' then -years else years end) as date) as period_end,
        span_figure_id,
        figure_id as level_figure_id,
        case when span_measure = 'multiple' then 'level_from_multiple' else 'level_from_cagr' end as derivation_method,
        multiple_basis,
        indicator, indicator_code, indicator_mapping, extractor_indicator_code, zone, zone_code, zone_mapping,
        published, published_inferred, source_type, extractor_version
    from implied_levels
    where pick = 1
),

-- Consecutive levels of the article (no level of another year between them).
level_pairs as (
    select
        e.figure_id as earlier_figure_id,
        l.*,
        e.value as earlier_value,
        e.period_start as earlier_period_start,
        l.level_year - e.level_year as years
    from levels as l
    inner join levels as e
        on l.article_id = e.article_id
        and l.indicator_key = e.indicator_key
        and l.zone_key = e.zone_key
        and l.unit = e.unit
        and l.period_type = e.period_type
        and e.level_year < l.level_year
    where e.value > 0 and l.value > 0
        and not exists (
            select 1 from levels as m
            where m.article_id = l.article_id and m.indicator_key = l.indicator_key
                and m.zone_key = l.zone_key and m.unit = l.unit and m.period_type = l.period_type
                and m.level_year > e.level_year and m.level_year < l.level_year
        )
        and not exists (
            select 1 from spans as s
            where s.article_id = l.article_id and s.indicator_key = l.indicator_key
                and s.zone_key = l.zone_key and s.measure = 'cagr_pct'
                and s.start_year = e.level_year and s.end_year = l.level_year
        )
),

cagr_rows as (
    select
        article_id,
        content_hash,
        figure_seq,
        article_key,
        indicator_key,
        zone_key,
        'cagr_pct' as measure,
        (power(value / earlier_value, 1.0 / years) - 1) * 100 as value,
        'percent' as unit,
        earlier_period_start as period_start,
        period_end,
        earlier_figure_id as span_figure_id,
        figure_id as level_figure_id,
        'cagr_from_levels' as derivation_method,
        cast(null as varchar) as multiple_basis,
        indicator, indicator_code, indicator_mapping, extractor_indicator_code, zone, zone_code, zone_mapping,
        published, published_inferred, source_type, extractor_version
    from level_pairs
),

derived as (
    select * from level_rows
    union all
    select * from cagr_rows
)

select
    -- e.g. 003_e40ad7c70a5ae01c#62,003_e40ad7c70a5ae01c#63:level
    case when d.derivation_method = 'cagr_from_levels'
        then d.span_figure_id || ',' || d.level_figure_id
        else d.level_figure_id || ',' || d.span_figure_id
    end || ':' || d.measure as figure_id,
    d.article_id,
    d.content_hash,
    d.figure_seq,
    d.article_key,
    d.indicator_key,
    d.zone_key,
    cast(year(d.period_end) as integer) as year,
    d.measure,
    d.value,
    d.unit,
    'approx' as qualifier,
    d.period_start,
    d.period_end,
    {{ period_label('d.period_start', 'd.period_end') }} as period_label,
    {{ period_type('d.period_start', 'd.period_end') }} as period_type,
    'derived' as obs_status,
    src.text,
    src.sentence,
    src.char_start,
    src.char_end,
    d.indicator,
    d.indicator_code,
    d.indicator_mapping,
    d.extractor_indicator_code,
    d.zone,
    d.zone_code,
    d.zone_mapping,
    cast(null as varchar) as classifier,
    cast(null as varchar) as share_of,
    cast(null as varchar) as part_of,
    cast(null as varchar) as part_of_figure_id,
    cast(null as double) as confidence,
    false as period_inferred,
    d.published,
    d.published_inferred,
    d.source_type,
    d.extractor_version,
    d.derivation_method,
    d.multiple_basis,
    false as corrected,
    cast(null as varchar) as correction_reason,
    cast(null as varchar) as rank_scope,
    cast(null as integer) as rank_of,
    -- the figures it was computed from: the level and the multiple/cagr, or the two levels
    case when d.derivation_method = 'cagr_from_levels'
        then d.span_figure_id || ',' || d.level_figure_id
        else d.level_figure_id || ',' || d.span_figure_id
    end as derived_from
from derived as d
-- text, sentence and offsets: the multiple/cagr the level is implied by, or the later level
inner join {{ ref('int_figures_corrected') }} as src
    on {{ article_version_not_built('src') }}
    and src.figure_id = case when d.derivation_method = 'cagr_from_levels' then d.level_figure_id else d.span_figure_id end
