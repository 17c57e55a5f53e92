{#
  Period labels (期间标签) from a figure's first and last day:
    2024 (a calendar year), 2024H1 / 2024H2 (half years), 2024Q1 / 2024Q1-Q3 (quarters),
    2024M08 / 2024M01-M05 (months), 2003-2022 (whole calendar years), 2021-12-31 (one day,
    a point in time such as a year end), else the ISO interval 2020-08-15/2021-03-10.
#}
{% macro period_type(s, e) -%}
    case
        when {{ s }} = {{ e }} then 'day'
        when year({{ s }}) = year({{ e }}) and month({{ s }}) = 1 and day({{ s }}) = 1 and month({{ e }}) = 12 and day({{ e }}) = 31 then 'year'
        when year({{ s }}) = year({{ e }}) and day({{ s }}) = 1 and {{ e }} = last_day({{ e }})
             and ((month({{ s }}) = 1 and month({{ e }}) = 6) or (month({{ s }}) = 7 and month({{ e }}) = 12)) then 'half'
        when year({{ s }}) = year({{ e }}) and day({{ s }}) = 1 and {{ e }} = last_day({{ e }})
             and month({{ s }}) in (1, 4, 7, 10) and month({{ e }}) in (3, 6, 9, 12) then
            case when month({{ e }}) - month({{ s }}) = 2 then 'quarter' else 'quarters' end
        when year({{ s }}) = year({{ e }}) and day({{ s }}) = 1 and {{ e }} = last_day({{ e }}) then
            case when month({{ s }}) = month({{ e }}) then 'month' else 'months' end
        when year({{ s }}) < year({{ e }}) and month({{ s }}) = 1 and day({{ s }}) = 1 and month({{ e }}) = 12 and day({{ e }}) = 31 then 'years'
        else 'other'
    end
{%- endmacro %}

{% macro period_label(s, e) -%}
    case {{ period_type(s, e) }}
        when 'day' then strftime({{ s }}, '%Y-%m-%d')
        when 'year' then cast(year({{ s }}) as varchar)
        when 'half' then cast(year({{ s }}) as varchar) || 'H' || case when month({{ s }}) = 1 then '1' else '2' end
        when 'quarter' then cast(year({{ s }}) as varchar) || 'Q' || cast((month({{ s }}) + 2) // 3 as varchar)
        when 'quarters' then cast(year({{ s }}) as varchar) || 'Q' || cast((month({{ s }}) + 2) // 3 as varchar)
            || '-Q' || cast(month({{ e }}) // 3 as varchar)
        when 'month' then strftime({{ s }}, '%YM%m')
        when 'months' then strftime({{ s }}, '%YM%m') || '-' || strftime({{ e }}, 'M%m')
        when 'years' then cast(year({{ s }}) as varchar) || '-' || cast(year({{ e }}) as varchar)
        else strftime({{ s }}, '%Y-%m-%d') || '/' || strftime({{ e }}, '%Y-%m-%d')
    end
{%- endmacro %}
