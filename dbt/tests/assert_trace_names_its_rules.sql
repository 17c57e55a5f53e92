-- A figure's trace (the extractor rules that decided it, docs/extraction.md) is a JSON object naming
-- a rule for each of indicator, zone, period, period_scope and measure; null only for figures the
-- extractor did not make (derived figures, figures loaded from elsewhere).
select figure_id, trace
from {{ ref('fct_indicator_value') }}
where trace is not null
    and (
        not json_valid(trace)
        or json_extract_string(trace, '$.indicator') is null
        or json_extract_string(trace, '$.zone') is null
        or json_extract_string(trace, '$.period') is null
        or json_extract_string(trace, '$.period_scope') not in ('sentence', 'paragraph', 'document', 'table')
        or json_extract_string(trace, '$.measure') is null
    )
