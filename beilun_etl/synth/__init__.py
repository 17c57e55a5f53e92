"""Deterministic synthetic articles with exact gold records, for benchmarks at scale.

Why: the hand-made gold covers a handful of articles, while measuring the extraction's speed and accuracy
on the styles it meets (statistical bulletins, quarterly releases, features, multi-zone comparisons) needs
thousands. Every figure of a synthetic article is rendered from the very template data its gold record is
written from, so the gold is exact by construction, and one seed reproduces a corpus byte for byte.

Values are kept self-consistent the way real reports are: parts add up to their whole and stay below it,
a stated share, multiple, average growth or change is computed from the levels printed beside it, a
structure ratio sums to 100, rank claims follow the levels generated for every district of the city.

Only the standard library is used, and the zone and indicator codes come from the dictionaries in
`dbt/seeds` (read with `csv`), so a synthetic gold record never names a code the warehouse lacks.

The package: `vocabulary` and `dictionaries` hold what articles are made of, `numbers_text` prints numbers,
`records` turns figures into gold records, `writer` has the building blocks, `blocks_*` and `extras` the
paragraphs, one module per style writes an article (`bulletin`, `quarterly`, `feature`, `multizone`),
and `corpus` writes files.
"""

from beilun_etl.synth.corpus import STYLES, generate_article, generate_corpus
from beilun_etl.synth.dictionaries import Indicator, Zone, load_dictionaries

__all__ = ["STYLES", "Indicator", "Zone", "generate_article", "generate_corpus", "load_dictionaries"]
