{# The tolerance of "values disagree" (数据不一致), shared by fct_indicator_latest.values_disagree and
   the check growth_cross_article_agreement (audit.audit_cross_article.tolerance): two values
   disagree when |a − b| > tolerance × max(|a|, |b|). #}
{% macro disagreement_tolerance() -%}
    0.005
{%- endmacro %}
