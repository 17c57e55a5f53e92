-- The corrections of dbt/seeds/corrections.csv (更正), typed, one row per line of the file, with
-- `problem` saying what is wrong with a line (null for a good one). A line with a problem is
-- applied to nothing; the test assert_corrections_are_valid fails the build and names the line.
-- Fields and what new_value must be:
--   indicator_code, zone_code: a code of indicators.csv / zones.csv;
--   measure, unit, qualifier: a code of measures.csv / units.csv / qualifiers.csv;
--   value: a number in base units; period_start, period_end: a date (YYYY-MM-DD);
--   drop: nothing (the figure is no figure and leaves the facts).
with lines as (
    select
        cast(rowid + 2 as integer) as line,  -- the line in the file, after the header
        nullif(trim(article_id), '') as article_id,
        nullif(trim(char_start), '') as char_start_text,
        try_cast(trim(char_start) as integer) as char_start,
        lower(nullif(trim(field), '')) as field,
        nullif(trim(new_value), '') as new_value,
        nullif(trim(reason), '') as reason,
        nullif(trim(content_hash), '') as content_hash
    from {{ ref('corrections') }}
),

checked as (
    select
        l.*,
        case
            when l.article_id is null then 'article_id is empty'
            when l.char_start is null then format('char_start "{}" is no whole number (the offset of the figure''s text)', coalesce(l.char_start_text, ''))
            when l.field is null or l.field not in (
                'indicator_code', 'zone_code', 'measure', 'unit', 'qualifier', 'value', 'period_start', 'period_end', 'drop'
            ) then format('unknown field "{}": one of indicator_code, zone_code, measure, unit, qualifier, value, period_start, period_end, drop', coalesce(l.field, ''))
            when l.reason is null then 'reason is empty: say why the figure is corrected'
            when l.field <> 'drop' and l.new_value is null then format('new_value is empty: give the corrected {}', l.field)
            when l.field = 'indicator_code' and l.new_value not in (select code from {{ ref('indicators') }})
                then format('unknown indicator_code "{}" (not a code of indicators.csv)', l.new_value)
            when l.field = 'zone_code' and l.new_value not in (select code from {{ ref('zones') }})
                then format('unknown zone_code "{}" (not a code of zones.csv)', l.new_value)
            when l.field = 'measure' and l.new_value not in (select measure from {{ ref('measures') }})
                then format('unknown measure "{}" (not a code of measures.csv)', l.new_value)
            when l.field = 'unit' and l.new_value not in (select unit from {{ ref('units') }})
                then format('unknown unit "{}" (not a code of units.csv)', l.new_value)
            when l.field = 'qualifier' and l.new_value not in (select qualifier from {{ ref('qualifiers') }})
                then format('unknown qualifier "{}" (not a code of qualifiers.csv)', l.new_value)
            when l.field = 'value' and try_cast(l.new_value as double) is null
                then format('value "{}" is no number (write it in base units: 2630亿元 is 263000000000)', l.new_value)
            when l.field in ('period_start', 'period_end') and (
                try_strptime(l.new_value, '%Y-%m-%d') is null or not regexp_full_match(l.new_value, '\d{4}-\d{2}-\d{2}')
            ) then format('{} "{}" is no date (YYYY-MM-DD)', l.field, l.new_value)
            when count(*) over (partition by l.article_id, l.char_start, l.content_hash, l.field) > 1
                then format('another line corrects the same field ({}) of the same figure', l.field)
        end as problem
    from lines as l
)

select
    line,
    article_id,
    char_start,
    field,
    new_value,
    reason,
    content_hash,
    problem,
    -- the corrected value typed, for the fields that are no codes
    case when problem is null and field = 'value' then try_cast(new_value as double) end as new_number,
    case when problem is null and field in ('period_start', 'period_end') then try_cast(new_value as date) end as new_date
from checked
