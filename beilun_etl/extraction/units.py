"""Units as written → the contract's units, with the factor to base units.

Counted things (家, 个, 项 ...) become `count` with the classifier kept; people (人, 名, 位)
`person`; 标准箱 `TEU`; 成 (tenths) is a percent. The list is ordered longest first in the regex.
"""

from __future__ import annotations

from beilun_etl.extraction.numbers import MULTIPLIERS

# surface -> (unit, factor)
UNITS: dict[str, tuple[str, float]] = {
    "个百分点": ("pct_point", 1.0),
    "百分点": ("pct_point", 1.0),
    "%": ("percent", 1.0),
    "成": ("percent", 10.0),
    "倍": ("times", 1.0),
    "万亿元": ("CNY", 1e12),
    "亿元": ("CNY", 1e8),
    "万元": ("CNY", 1e4),
    "元": ("CNY", 1.0),
    "亿美元": ("USD", 1e8),
    "万美元": ("USD", 1e4),
    "美元": ("USD", 1.0),
    "吨": ("tonne", 1.0),
    "公吨": ("tonne", 1.0),  # Taiwan's 公噸
    "平方公里": ("km2", 1.0),
    "平方千米": ("km2", 1.0),
    "平方米": ("m2", 1.0),
    "平方公尺": ("m2", 1.0),  # Taiwan's square metre
    "亩": ("mu", 1.0),
    "标准箱": ("TEU", 1.0),
    "标箱": ("TEU", 1.0),
    "标准货柜": ("TEU", 1.0),  # Hong Kong's 標準貨櫃
    "TEU": ("TEU", 1.0),
    "箱": ("TEU", 1.0),  # 海铁联运箱量突破180万箱: a port's boxes are its containers
    "人次": ("person", 1.0),
    "人": ("person", 1.0),
    "名": ("person", 1.0),
    "位": ("person", 1.0),
}
COUNT_CLASSIFIERS = "家个件项所座辆批条台艘架套处张例部只间栋幢种款篇支户单场根册棵"
for _c in COUNT_CLASSIFIERS:
    UNITS.setdefault(_c, ("count", 1.0))

# Units a figure must carry to be one; the order matters for the regex (longest first).
UNIT_SURFACES = sorted(UNITS, key=len, reverse=True)

# A count classifier followed by a measure word: 1万余个标准箱 is TEU.
CLASSIFIER_MEASURES = {"标准箱": "TEU", "标箱": "TEU", "标准货柜": "TEU"}

MONEY_UNITS = frozenset({"CNY", "USD"})


def unit_compatible(figure_unit: str, indicator_unit: str) -> bool:
    """Whether a level in `figure_unit` can be a level of an indicator reported in `indicator_unit`."""
    if figure_unit == indicator_unit:
        return True
    if figure_unit in MONEY_UNITS and indicator_unit in MONEY_UNITS:
        return True
    return {figure_unit, indicator_unit} <= {"count", "person"} and False


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
