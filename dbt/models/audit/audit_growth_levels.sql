-- Growth rates lined up with the levels of two consecutive periods (同比增速与两期数值): one row per
-- stated growth_pct over a period within one year (a year, half, quarter(s), month(s)) with the
-- level of the same zone, indicator and unit for that period and for the same period one year
-- earlier, when both are in the warehouse (same article preferred, then the latest published).
-- `growth_gap_pp` = |(current / previous − 1) × 100 − stated|; null when a level is missing.
-- Caveat: official growth rates are often at comparable prices while levels are at current
-- prices, so a gap of a point or two can be the price change, not an error.
-- Incremental by cell (macros/incremental_by_scope.sql): a growth rate depends on its own cell and
-- the same cell a year earlier, whose levels come from the same series.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('cell', years_back=[0, 1]) }}") }}
with growth as (
    select *
    from {{ ref('audit_figures') }}
    where is_comparable and measure = 'growth_pct' and start_year = end_year
        and {{ in_changed_scope('cell', years_back=[0, 1]) }}
),

levels as (
    select
        *,
        row_number() over (
            partition by article_id, zone_key, indicator_key, period_start, period_end order by figure_seq
        ) as rank_in_article,
        row_number() over (
            partition by zone_key, indicator_key, period_start, period_end
            order by published desc, article_id desc, figure_seq
        ) as rank_in_cell
    from {{ ref('audit_figures') }}
    where is_comparable and measure = 'level' and unit not in ('percent', 'pct_point', 'rank', 'times') and value > 0
        and {{ in_changed_scope('series') }}
),

-- Each growth rate looks at no more than two candidate levels per period: its own article's, and
-- the latest article's. That keeps the audit linear in the number of articles.
{% for period, years_back in [('current', 0), ('previous', 1)] %}
{{ period }}_candidates as (
    select g.figure_id as growth_figure_id, 0 as preference, l.*
    from growth as g
    inner join levels as l
        on l.rank_in_article = 1 and l.article_id = g.article_id
        and l.zone_key = g.zone_key and l.indicator_key = g.indicator_key
        and l.period_start = cast(g.period_start - interval {{ years_back }} year as date)
        and l.period_end = cast(g.period_end - interval {{ years_back }} year as date)
    union all
    select g.figure_id as growth_figure_id, 1 as preference, l.*
    from growth as g
    inner join levels as l
        on l.rank_in_cell = 1
        and l.zone_key = g.zone_key and l.indicator_key = g.indicator_key
        and l.period_start = cast(g.period_start - interval {{ years_back }} year as date)
        and l.period_end = cast(g.period_end - interval {{ years_back }} year as date)
),

{{ period }}_levels as (
    select *, row_number() over (partition by growth_figure_id order by preference) as pick
    from {{ period }}_candidates
),
{% endfor %}

lined_up as (
    select
        g.*,
        c.figure_id as current_figure_id,
        c.article_id as current_article_id,
        c.sentence as current_sentence,
        c.text as current_text,
        c.value as current_value,
        p.figure_id as previous_figure_id,
        p.article_id as previous_article_id,
        p.sentence as previous_sentence,
        p.text as previous_text,
        p.value as previous_value,
        case when c.unit = p.unit then (c.value / p.value - 1) * 100 end as computed_growth_pct
    from growth as g
    inner join current_levels as c on c.growth_figure_id = g.figure_id and c.pick = 1
    inner join previous_levels as p on p.growth_figure_id = g.figure_id and p.pick = 1
)

select
    figure_id,
    zone_key,
    indicator_key,
    period_start,
    period_end,
    [figure_id, current_figure_id, previous_figure_id] as figure_ids,
    list_filter([article_id, current_article_id, previous_article_id], lambda x, i: list_position([article_id, current_article_id, previous_article_id], x) = i) as article_ids,
    list_filter([sentence, current_sentence, previous_sentence], lambda x, i: list_position([sentence, current_sentence, previous_sentence], x) = i) as sentences,
    indicator_code,
    indicator,
    zone_code,
    period_label,
    value as stated,
    current_value,
    previous_value,
    computed_growth_pct,
    abs(computed_growth_pct - value) as growth_gap_pp,
    format('{:.2f}% from {} to {}', computed_growth_pct, previous_text, current_text) as expected,
    text as observed,
    format('stated {}%, the levels give {:.2f}% ({:.2f} points apart)',
        value, computed_growth_pct, abs(computed_growth_pct - value)) as detail
from lined_up
