{{ config(materialized='view') }}  -- read by the Great Expectations suites only: computed as they read it

-- Every fact against every dimension (事实与维度的关联): one row per fact of
-- marts.fct_indicator_value, derived ones included, saying whether its article, indicator, zone
-- and year keys find their row in dim_article, dim_indicator, dim_zone and dim_year.
with facts as (
    select * from {{ ref('fct_indicator_value') }}
)

select
    f.figure_id,
    f.article_id,  -- the suite has scope `article`: it reads the rows of changed articles only
    [f.figure_id] as figure_ids,
    [f.article_id] as article_ids,
    [f.sentence] as sentences,
    f.article_key,
    f.indicator_key,
    f.zone_key,
    f.year,
    exists (select 1 from {{ ref('dim_article') }} as d where d.article_key = f.article_key) as joins_article,
    exists (select 1 from {{ ref('dim_indicator') }} as d where d.indicator_key = f.indicator_key) as joins_indicator,
    exists (select 1 from {{ ref('dim_zone') }} as d where d.zone_key = f.zone_key) as joins_zone,
    exists (select 1 from {{ ref('dim_year') }} as d where d.year = f.year) as joins_year,
    'a row in each of dim_article, dim_indicator, dim_zone, dim_year' as expected,
    f.text || ' (' || f.figure_id || ')' as observed,
    cast(null as varchar) as detail
from facts as f
