-- Multiples and yearly averages lined up with their end point levels (倍数、年均增速与两端数值).
-- One row per stated multiple (扩大N倍) or cagr_pct (年均增长r%) over a span A-01-01..B-12-31,
-- with the level of the same zone, indicator and unit at the end (period ending in year B) and at
-- the start: the level of year A, else of year A − 1 (a span "2003-2022" often starts from the
-- 2002 level). Levels of the same article are preferred, then the latest published article.
-- End points missing: the row stays, with null ratios (the suites skip nulls).
-- Incremental by series (macros/incremental_by_scope.sql): only figures of one zone and indicator meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('series') }}") }}
with spans as (
    select *
    from {{ ref('audit_figures') }}
    where is_comparable and measure in ('multiple', 'cagr_pct') and start_year < end_year and {{ in_changed_scope('series') }}
),

levels as (
    select * from {{ ref('audit_endpoint_levels') }} where {{ in_changed_scope('series') }}
),

starts as (
    select
        s.figure_id as span_figure_id,
        l.*,
        row_number() over (
            partition by s.figure_id
            order by l.end_year = s.start_year desc, l.article_id = s.article_id desc, l.published desc, l.figure_seq
        ) as pick
    from spans as s
    inner join levels as l
        on l.zone_key = s.zone_key
        and l.indicator_key = s.indicator_key
        and l.end_year in (s.start_year, s.start_year - 1)
),

ends as (
    select
        s.figure_id as span_figure_id,
        l.*,
        row_number() over (
            partition by s.figure_id
            order by l.article_id = s.article_id desc, l.published desc, l.figure_seq
        ) as pick
    from spans as s
    inner join levels as l
        on l.zone_key = s.zone_key
        and l.indicator_key = s.indicator_key
        and l.end_year = s.end_year
),

lined_up as (
    select
        s.*,
        b.figure_id as start_figure_id,
        b.article_id as start_article_id,
        b.sentence as start_sentence,
        b.text as start_text,
        b.value as start_value,
        b.end_year as start_level_year,
        e.figure_id as end_figure_id,
        e.article_id as end_article_id,
        e.sentence as end_sentence,
        e.text as end_text,
        e.value as end_value,
        case when b.unit = e.unit then e.value / b.value end as computed_multiple,
        case when b.unit = e.unit then s.end_year - b.end_year end as years
    from spans as s
    left join starts as b on b.span_figure_id = s.figure_id and b.pick = 1
    left join ends as e on e.span_figure_id = s.figure_id and e.pick = 1
)

select
    figure_id,
    zone_key,
    indicator_key,
    measure,
    list_filter([figure_id, start_figure_id, end_figure_id], lambda x: x is not null) as figure_ids,
    list_filter([article_id, start_article_id, end_article_id], lambda x, i: x is not null and list_position([article_id, start_article_id, end_article_id], x) = i) as article_ids,
    list_filter([sentence, start_sentence, end_sentence], lambda x, i: x is not null and list_position([sentence, start_sentence, end_sentence], x) = i) as sentences,
    indicator_code,
    indicator,
    zone_code,
    period_label,
    value as stated,
    start_value,
    end_value,
    start_level_year,
    years,
    computed_multiple,
    -- multiple: 增长/扩大N倍 read as N times (end = N × start) or N + 1 times (end = start + N × start)
    case when measure = 'multiple' then abs(computed_multiple / value - 1) end as relative_error_n,
    case when measure = 'multiple' then abs(computed_multiple / (value + 1) - 1) end as relative_error_n_plus_1,
    case when measure = 'multiple' then least(
        abs(computed_multiple / value - 1), abs(computed_multiple / (value + 1) - 1)
    ) end as multiple_relative_error,
    case when measure = 'multiple' and computed_multiple is not null then
        case when abs(computed_multiple / value - 1) <= abs(computed_multiple / (value + 1) - 1) then 'N' else 'N+1' end
    end as multiple_reading,
    -- cagr: ((end / start) ^ (1 / years) − 1) × 100, in percent
    case when measure = 'cagr_pct' and years > 0 then (power(computed_multiple, 1.0 / years) - 1) * 100 end
        as computed_cagr_pct,
    case when measure = 'cagr_pct' and years > 0 then abs((power(computed_multiple, 1.0 / years) - 1) * 100 - value) end
        as cagr_gap_pp,
    case
        when computed_multiple is null then null
        when measure = 'multiple' then format('{:.2f}× from {} ({}) to {} ({})',
            computed_multiple, start_text, start_level_year, end_text, end_year)
        else format('{:.2f}% a year from {} ({}) to {} ({}), {} years',
            (power(computed_multiple, 1.0 / years) - 1) * 100, start_text, start_level_year, end_text, end_year, years)
    end as expected,
    text as observed,
    case
        when start_figure_id is null and end_figure_id is null then 'no level at either end in the warehouse'
        when start_figure_id is null then 'no start level (year ' || start_year || ' or ' || (start_year - 1) || ') in the warehouse'
        when end_figure_id is null then 'no end level (year ' || end_year || ') in the warehouse'
        when computed_multiple is null then 'the end levels have different units'
        when measure = 'multiple' then format('stated {}, end/start = {:.2f}: the {} reading is closest ({:.1f}% off)',
            value, computed_multiple,
            case when abs(computed_multiple / value - 1) <= abs(computed_multiple / (value + 1) - 1) then 'N' else 'N+1' end,
            100 * least(abs(computed_multiple / value - 1), abs(computed_multiple / (value + 1) - 1)))
        else format('stated {}%, the end levels give {:.2f}% a year ({:.2f} points apart)',
            value, (power(computed_multiple, 1.0 / years) - 1) * 100,
            abs((power(computed_multiple, 1.0 / years) - 1) * 100 - value))
    end as detail
from lined_up
