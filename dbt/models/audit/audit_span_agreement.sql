-- A stated multiple against a stated yearly average over the same span (倍数与年均增速互证): one
-- row per article, zone, indicator and span that states both (比2002年扩大16.5倍，年均增长15%).
-- The yearly average compounds to (1 + r/100)^n with n = B − A years (or B − A + 1 when the span
-- counts from the year before A); `relative_error` is the smallest gap to N or N + 1 times.
-- Incremental by article (macros/incremental_by_scope.sql): only figures of one article meet.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_in_changed_scope('article') }}") }}
with spans as (
    select *
    from {{ ref('audit_figures') }}
    where is_comparable and measure in ('multiple', 'cagr_pct') and start_year < end_year and {{ in_changed_scope('article') }}
),

pairs as (
    select
        m.*,
        c.figure_id as cagr_figure_id,
        c.article_id as cagr_article_id,
        c.sentence as cagr_sentence,
        c.text as cagr_text,
        c.value as cagr_value,
        m.end_year - m.start_year as years
    from spans as m
    inner join spans as c
        on c.measure = 'cagr_pct'
        and c.article_id = m.article_id
        and c.zone_key = m.zone_key
        and c.indicator_key = m.indicator_key
        and c.period_start = m.period_start
        and c.period_end = m.period_end
    where m.measure = 'multiple' and m.value > 0
),

readings as (
    select
        *,
        power(1 + cagr_value / 100, years) as compounded,
        power(1 + cagr_value / 100, years + 1) as compounded_longer
    from pairs
)

select
    figure_id,
    article_id,
    [figure_id, cagr_figure_id] as figure_ids,
    list_filter([article_id, cagr_article_id], lambda x, i: list_position([article_id, cagr_article_id], x) = i) as article_ids,
    list_filter([sentence, cagr_sentence], lambda x, i: list_position([sentence, cagr_sentence], x) = i) as sentences,
    indicator_code,
    indicator,
    zone_code,
    period_label,
    value as stated_multiple,
    cagr_value as stated_cagr_pct,
    years,
    compounded,
    least(
        abs(compounded / value - 1), abs(compounded / (value + 1) - 1),
        abs(compounded_longer / value - 1), abs(compounded_longer / (value + 1) - 1)
    ) as relative_error,
    format('{:.2f}× ({}% a year over {} years) or {:.2f}× over {} years', compounded, cagr_value, years,
        compounded_longer, years + 1) as expected,
    text || ' / ' || cagr_text as observed,
    format('stated {}× and {}% a year over {}', value, cagr_value, period_label) as detail
from readings
