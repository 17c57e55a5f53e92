{#
  The source type recognised from an article's title, byline and sidecar source (来源类型识别),
  for articles whose sidecar names none: an official statistical release is a 统计公报 (in the
  title), or an article whose source or byline (a short line among the first ones, without
  sentence punctuation) is a statistics bureau (统计局). Anything else is `unspecified`; the
  types are those of dbt/seeds/source_types.csv.
#}
{% macro recognised_source_type(title, source, text) -%}
    case
        when coalesce({{ title }}, '') like '%统计公报%'
            or coalesce({{ source }}, '') like '%统计局%'
            or regexp_matches(left(coalesce({{ text }}, ''), 300), '(^|\n)[^\n。，,；]{0,30}统计局[^\n。，,；]{0,30}(\n|$)')
            then 'statistical_release'
        else 'unspecified'
    end
{%- endmacro %}
