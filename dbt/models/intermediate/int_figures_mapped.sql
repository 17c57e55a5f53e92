-- Figures of current articles mapped to the canonical indicator and zone (映射到指标和区域).
--
-- Indicator: the extractor's code (beilun_etl/extraction/indicators.py, IndicatorResolver), the one
-- indicator mapper. It reads the words around the phrase, which the phrase alone lacks (其中进口额 of
-- 跨境电商进出口 is cross_border_ecommerce_imports; 对欧盟出口, 机电产品出口, 新增… are no totals), and
-- it reads the same dictionary (dbt/seeds/indicators.csv): a changed alias changes the extractor's
-- fingerprint, so the pipeline extracts every article again. Here the code is only checked:
--   `extractor`: the extractor's indicator_code is a code of the dictionary;
--   `unmapped`: it is not, or there is none; the figure keeps its phrase and is listed in
--   marts.unmapped_indicators (a correction, int_figures_corrected, may still set one).
-- Zone precedence: the figure's zone when it is a dictionary code (`code`), else the zone whose
-- alias is the longest one contained in it (`alias`), else `missing` (no zone) or `unmapped`.
-- A one-character alias (省, 甬) only matches a phrase that is exactly that character.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

with figures as (
    select
        *,
        {{ normalize_phrase('zone') }} as zone_norm
    from {{ ref('int_figures_current') }}
    where {{ article_version_not_built() }}
),

dictionary_codes as (
    select code from {{ ref('indicators') }}
),

zone_aliases as (
    select * from {{ ref('int_zone_aliases') }}
),

zone_matches as (
    select z.zone_norm, a.code
    from (select distinct zone_norm from figures where zone_norm is not null) as z
    inner join zone_aliases as a
        on strpos(z.zone_norm, a.alias) > 0
        and (a.alias_length > 1 or a.alias = z.zone_norm)
    qualify row_number() over (
        partition by z.zone_norm
        order by (a.alias = z.zone_norm and a.alias_source = 'code') desc, a.alias_length desc, a.code
    ) = 1
),

zone_candidates as (
    select f.figure_id, m.code, 1 as rn
    from figures as f
    inner join zone_matches as m on m.zone_norm = f.zone_norm
),

mapped as (
    select
        f.*,
        dc.code as indicator_code,
        case when dc.code is not null then 'extractor' else 'unmapped' end as indicator_mapping,
        zc.code as zone_code,
        case
            when zc.code is not null and zc.code = f.zone_norm then 'code'
            when zc.code is not null then 'alias'
            when f.zone is null then 'missing'
            else 'unmapped'
        end as zone_mapping
    from figures as f
    left join dictionary_codes as dc
        on f.extractor_indicator_code = dc.code
    left join zone_candidates as zc
        on f.figure_id = zc.figure_id and zc.rn = 1
)

select
    figure_id,
    article_id,
    content_hash,
    figure_seq,
    article_key,
    case
        when indicator_code is not null then md5('indicator:' || indicator_code)
        else md5('indicator-phrase:' || coalesce(indicator, ''))
    end as indicator_key,
    case
        when zone_code is not null then md5('zone:' || zone_code)
        else md5('zone-phrase:' || coalesce(zone, ''))
    end as zone_key,
    cast(year(period_end) as integer) as year,
    measure,
    value,
    unit,
    qualifier,
    period_start,
    period_end,
    {{ period_label('period_start', 'period_end') }} as period_label,
    {{ period_type('period_start', 'period_end') }} as period_type,
    case
        when period_start > published then 'planned'
        when period_inferred then 'inferred_period'
        else 'reported'
    end as obs_status,
    text,
    sentence,
    char_start,
    char_end,
    indicator,
    indicator_code,
    indicator_mapping,
    extractor_indicator_code,
    zone,
    zone_code,
    zone_mapping,
    classifier,
    share_of,
    part_of,
    part_of_figure_id,
    confidence,
    period_inferred,
    published,
    published_inferred,
    source_type,
    extractor_version,
    trace
from mapped
