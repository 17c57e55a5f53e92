"""Units as written → the contract's units, with the factor to base units.

Counted things (家, 个, 项 ...) become `count` with the classifier kept; people (人, 名, 位)
`person`; 标准箱 `TEU`; 成 (tenths) is a percent. The list is ordered longest first in the regex.
"""

from __future__ import annotations

from beilun_etl.extraction.lexicon import LEX
from beilun_etl.extraction.numbers import MULTIPLIERS

# surface -> (unit, factor): lexicon/units.yaml, the classifiers of counted things included
UNITS: dict[str, tuple[str, float]] = dict(LEX.units)
COUNT_CLASSIFIERS = LEX.count_classifiers

# Units a figure must carry to be one; the order matters for the regex (longest first).
UNIT_SURFACES = sorted(UNITS, key=len, reverse=True)

# A count classifier followed by a measure word: 1万余个标准箱 is TEU.
CLASSIFIER_MEASURES = LEX.classifier_measures
COMPOUND_UNIT_ENDS = LEX.compound_unit_ends  # 吨公里, 个千分点: units the contract lacks

MONEY_UNITS = frozenset(code for code, family in LEX.unit_family.items() if family == "money")


def unit_compatible(figure_unit: str, indicator_unit: str) -> bool:
    """Whether a level in `figure_unit` can be a level of an indicator reported in `indicator_unit`:
    the same unit, or two currencies (a yuan amount of an indicator kept in dollars)."""
    return figure_unit == indicator_unit or (figure_unit in MONEY_UNITS and indicator_unit in MONEY_UNITS)


def parse_unit(label: str) -> tuple[str, float, str | None] | None:
    """A unit written on its own (单位：万吨, a 单位 column, 增长(%)): (unit, factor to base units, classifier).

    Tables write the unit once for many numbers, so it may carry a multiplier of its own (万吨, 万标准箱)."""
    label = label.strip()
    for mult in ("", *MULTIPLIERS):
        rest = label[len(mult) :]
        if label.startswith(mult) and rest in UNITS:
            unit, factor = UNITS[rest]
            return unit, factor * (MULTIPLIERS[mult] if mult else 1.0), rest if unit == "count" else None
    return None
