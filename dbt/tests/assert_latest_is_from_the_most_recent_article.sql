{# Shown in Dagster as a check of fct_indicator_latest (the test reads more than one model). #}
{{ config(meta={'dagster': {'ref': {'name': 'fct_indicator_latest'}}}) }}
-- fct_indicator_latest has one row per cell (zone × indicator × period × measure) of the fact, takes
-- its value from the figure the rule believes (authority of the source type, then a stated date
-- before an inferred one, then the later date, the later article id, the article's first figure),
-- counts the cell's articles and figures, and says whether they disagree with the shared tolerance.
-- Derived figures only count where no reported figure exists. Written apart from the model's SQL:
-- a window and a group by here, ranks and an aggregate there.
with facts as (
    select
        f.*,
        s.authority,
        bool_or(not f.is_derived) over (
            partition by f.zone_key, f.indicator_key, f.period_start, f.period_end, f.measure
        ) as cell_has_reported
    from {{ ref('fct_indicator_value') }} as f
    inner join {{ ref('source_types') }} as s on f.source_type = s.source_type
),

believed as (
    select * from facts where is_derived = not cell_has_reported
),

cells as (
    select
        zone_key, indicator_key, period_start, period_end, measure,
        count(distinct article_id) as n_articles,
        count(*) as n_figures,
        count(distinct unit) > 1
            or max(value) - min(value) > {{ disagreement_tolerance() }} * greatest(abs(max(value)), abs(min(value)))
            as values_disagree
    from believed
    group by all
),

first_choice as (
    select zone_key, indicator_key, period_start, period_end, measure, figure_id
    from believed
    qualify rank() over (
        partition by zone_key, indicator_key, period_start, period_end, measure
        order by authority, published_inferred, published desc, article_id desc, figure_seq, figure_id
    ) = 1
)

select c.*, w.figure_id as expected_figure_id, l.latest_key, l.figure_id, l.n_articles as latest_n_articles
from cells as c
inner join first_choice as w
    on w.zone_key = c.zone_key and w.indicator_key = c.indicator_key
    and w.period_start = c.period_start and w.period_end = c.period_end and w.measure = c.measure
full outer join {{ ref('fct_indicator_latest') }} as l
    on l.zone_key = c.zone_key and l.indicator_key = c.indicator_key
    and l.period_start = c.period_start and l.period_end = c.period_end and l.measure = c.measure
where l.latest_key is null or c.zone_key is null
    or l.figure_id <> w.figure_id or l.n_articles <> c.n_articles or l.n_figures <> c.n_figures
    or l.values_disagree <> c.values_disagree
