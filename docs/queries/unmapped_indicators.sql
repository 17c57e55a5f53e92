-- For the analyst: indicator phrases the dictionary does not map yet, most frequent first.
-- Add them as aliases (or new rows) in dbt/seeds/indicators.csv; the next run maps them.
select indicator_phrase, n_figures, n_articles, measures, units, example_sentence
from marts.unmapped_indicators
order by n_figures desc, n_articles desc, indicator_phrase;
