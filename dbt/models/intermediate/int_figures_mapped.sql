-- Figures of current articles mapped to the canonical indicator and zone (映射到指标和区域).
--
-- Indicator precedence (the dictionary in dbt is authoritative, so an alias added to
-- indicators.csv takes effect on the next `dbt build` without re-extraction):
--   1. `alias`: the indicator whose alias (or Chinese name, or code) is the LONGEST one contained
--      in the figure's indicator phrase, among the indicators the figure can belong to: a `level`
--      or `change` must have a unit of the indicator's unit family (money: CNY/USD; count/person;
--      else equal), and a phrase with a modifier of indicator_phrase_modifiers (新增 ...) only
--      matches aliases that contain the modifier too. Ties: the extractor's own code, then code.
--   2. `extractor`: the extractor's indicator_code, when it is a code of the dictionary and either
--      no alias matches, or the extractor's indicator is a more specific one of the match: one of
--      its aliases contains the matched alias (the extractor saw the context the phrase lacks:
--      其中进口额 of 跨境电商进出口 is cross_border_ecommerce_imports, not imports).
--   3. `unmapped`: neither; the figure keeps its phrase and is listed in marts.unmapped_indicators.
-- Figures of the extractor this pipeline runs (var `extractor_fingerprint`, which covers the
-- dictionaries) keep its code, or its null: it read the words around the phrase, which the phrase
-- alone lacks (对欧盟出口, 机电产品出口, 单位GDP能耗 and 新增… contain an alias and are no such total).
-- Figures from elsewhere (another extractor, a hand-made load) are mapped by 1-3.
-- Zone precedence: the figure's zone when it is a dictionary code (`code`), else the zone whose
-- alias is the longest one contained in it (`alias`), else `missing` (no zone) or `unmapped`.
-- A one-character alias (省, 甬) only matches a phrase that is exactly that character.
{{ config(materialized='incremental', pre_hook="{{ delete_rows_of_old_article_versions() }}") }}

with figures as (
    select
        *,
        {{ normalize_phrase('indicator') }} as indicator_norm,
        {{ normalize_phrase('zone') }} as zone_norm
    from {{ ref('int_figures_current') }}
    where {{ article_version_not_built() }}
),

indicator_aliases as (
    select * from {{ ref('int_indicator_aliases') }}
),

modifiers as (
    select {{ normalize_phrase('modifier') }} as modifier from {{ ref('indicator_phrase_modifiers') }}
),

-- Matching is done once per distinct phrase (far fewer than figures), then joined back to them.
phrases as (
    select distinct
        indicator_norm,
        case when measure in ('level', 'change') then {{ unit_family('unit') }} end as unit_family,
        extractor_indicator_code
    from figures
    where indicator_norm is not null
),

phrase_matches as (
    select p.indicator_norm, p.unit_family, p.extractor_indicator_code, a.code, a.alias
    from phrases as p
    inner join indicator_aliases as a
        on strpos(p.indicator_norm, a.alias) > 0
        and (a.alias_length > 1 or a.alias = p.indicator_norm)
    where (p.unit_family is null or p.unit_family = {{ unit_family('a.unit') }})
        and not exists (
            select 1 from modifiers as m
            where strpos(p.indicator_norm, m.modifier) > 0 and strpos(a.alias, m.modifier) = 0
        )
    qualify row_number() over (
        partition by p.indicator_norm, p.unit_family, p.extractor_indicator_code
        order by a.alias_length desc, (a.code = p.extractor_indicator_code) desc nulls last, a.code
    ) = 1
),

indicator_candidates as (
    select f.figure_id, m.code, m.alias, 1 as rn
    from figures as f
    inner join phrase_matches as m
        on m.indicator_norm = f.indicator_norm
        and m.unit_family is not distinct from (
            case when f.measure in ('level', 'change') then {{ unit_family('f.unit') }} end
        )
        and m.extractor_indicator_code is not distinct from f.extractor_indicator_code
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

-- the extractor's code names a more specific indicator than the alias match
more_specific as (
    select distinct ic.figure_id
    from indicator_candidates as ic
    inner join figures as f on ic.figure_id = f.figure_id
    inner join indicator_aliases as x
        on x.code = f.extractor_indicator_code
        and x.code <> ic.code
        and x.alias_length > length(ic.alias)
        and strpos(x.alias, ic.alias) > 0
    where ic.rn = 1
),

mapped as (
    select
        f.*,
        case
            when f.extractor_version = '{{ var("extractor_fingerprint", "") }}' then dc.code
            when ms.figure_id is null then coalesce(ic.code, dc.code)
            else dc.code
        end as indicator_code,
        case
            when f.extractor_version = '{{ var("extractor_fingerprint", "") }}' then
                case when dc.code is not null then 'extractor' else 'unmapped' end
            when ic.code is not null and ms.figure_id is null then 'alias'
            when dc.code is not null then 'extractor'
            else 'unmapped'
        end as indicator_mapping,
        zc.code as zone_code,
        case
            when zc.code is not null and zc.code = f.zone_norm then 'code'
            when zc.code is not null then 'alias'
            when f.zone is null then 'missing'
            else 'unmapped'
        end as zone_mapping
    from figures as f
    left join indicator_candidates as ic
        on f.figure_id = ic.figure_id and ic.rn = 1
    left join dictionary_codes as dc
        on f.extractor_indicator_code = dc.code
    left join more_specific as ms
        on f.figure_id = ms.figure_id
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
