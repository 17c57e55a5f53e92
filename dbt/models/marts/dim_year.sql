-- Years (年份维度): every year from the earliest to the latest figure, with its five-year plan
-- period (五年规划), e.g. 2024 → 十四五 2021-2025.
with bounds as (
    select
        least(min(year(period_start)), min(year(period_end))) as first_year,
        max(year(period_end)) as last_year
    from {{ ref('int_indicator_values') }}
),

years as (
    select cast(unnest(generate_series(first_year, last_year)) as integer) as year
    from bounds
    where first_year is not null
)

select
    y.year,
    make_date(y.year, 1, 1) as year_start,
    make_date(y.year, 12, 31) as year_end,
    cast(y.year // 10 * 10 as integer) as decade,
    p.plan_number as five_year_plan_number,
    p.name_zh as five_year_plan,
    p.name_en as five_year_plan_en,
    p.start_year as five_year_plan_start,
    p.end_year as five_year_plan_end,
    case when p.name_zh is not null
        then p.name_zh || ' ' || cast(p.start_year as varchar) || '-' || cast(p.end_year as varchar)
    end as five_year_plan_label,
    cast(y.year - p.start_year + 1 as integer) as year_of_plan
from years as y
left join {{ ref('five_year_plans') }} as p
    on y.year between p.start_year and p.end_year
