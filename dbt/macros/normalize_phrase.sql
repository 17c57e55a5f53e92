{# Text used for alias matching: lower case, full-width brackets and spaces folded to ASCII. #}
{% macro normalize_phrase(expr) -%}
    lower(replace(replace(replace(replace(trim({{ expr }}), '（', '('), '）', ')'), '　', ''), ' ', ''))
{%- endmacro %}

{# The family a unit belongs to when deciding whether a figure's level can be an indicator's level. #}
{% macro unit_family(expr) -%}
    case when {{ expr }} in ('CNY', 'USD') then 'money' when {{ expr }} in ('count', 'person') then 'count' else {{ expr }} end
{%- endmacro %}
