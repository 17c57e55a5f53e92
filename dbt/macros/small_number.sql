{# A small whole number written in digits or Chinese numerals (4, 四, 十二, 二十, 两), as an integer;
   null for anything else. Used for group sizes (居全国4个试点地区首位, 全省十一个地市). #}
{% macro small_number(s) -%}
    case
        when regexp_full_match({{ s }}, '[0-9]+') then try_cast({{ s }} as integer)
        when regexp_full_match({{ s }}, '[一二两三四五六七八九]') then
            list_position(['一', '二', '三', '四', '五', '六', '七', '八', '九'], replace({{ s }}, '两', '二'))
        when regexp_full_match({{ s }}, '[一二两三四五六七八九]?十[一二三四五六七八九]?') then
            coalesce(nullif(list_position(['一', '二', '三', '四', '五', '六', '七', '八', '九'], replace(split_part({{ s }}, '十', 1), '两', '二')), 0), 1) * 10
            + coalesce(list_position(['一', '二', '三', '四', '五', '六', '七', '八', '九'], split_part({{ s }}, '十', 2)), 0)
    end
{%- endmacro %}
