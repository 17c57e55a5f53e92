"""Lists under a lead-in: the indicator named before a colon holds for the items after it.

分区县（市）看，上半年主要区县（市）地区生产总值及增速如下：北仑区1421.6亿元，同比增长6.3%；
鄞州区1453.2亿元…。 Each item names only its zone; its level takes the lead-in's indicator of a
matching unit, its growth rate (and anything else without a noun) the lead-in's first indicator.
The list runs from the colon to the next full stop, across line breaks (one item a line).
"""

from __future__ import annotations

import bisect
import re

from beilun_etl.extraction.indicators import Attribution, IndicatorResolver
from beilun_etl.extraction.segments import Segments
from beilun_etl.extraction.units import unit_compatible

# A colon after a Chinese character or a closing bracket; matched from the colon (then looking back)
# so that the engine skips to the next colon instead of trying every position.
_LEAD_COLON = re.compile(r"[:：](?<=[\u4e00-\u9fff）)][:：])")
_MAX_LIST = 800  # characters a list may run after its lead-in


class LeadIns:
    def __init__(self, view: str, seg: Segments, resolver: IndicatorResolver):
        self.resolver = resolver
        self.spans: list[tuple[int, int, list[tuple[int, int, str]]]] = []
        for m in _LEAD_COLON.finditer(view):
            start = seg.full.span(m.start())[0]
            aliases = resolver.aliases_between(start, m.start())
            if not aliases:
                continue
            stop = view.find("。", m.end(), m.end() + _MAX_LIST)
            self.spans.append((m.end(), stop if stop >= 0 else min(len(view), m.end() + _MAX_LIST), aliases))
        self.starts = [s[0] for s in self.spans]

    def attribution(self, pos: int, unit: str | None) -> Attribution | None:
        """The lead-in indicator for a figure at `pos` (of `unit` for a level, any for the rest)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or not self.spans[i][0] <= pos < self.spans[i][1]:
            return None
        aliases = self.spans[i][2]
        for a_start, _e, alias in aliases if unit is None else reversed(aliases):
            code = self.resolver.code_of(alias)
            ind = self.resolver.dicts.indicators.get(code or "")
            if unit is None or (ind is not None and unit_compatible(unit, ind.unit)):
                # 新增国家级高新技术企业：126家: the new ones, not the indicator's stock
                return Attribution(alias, None if self.resolver.modified(a_start) else code, inherited=True)
        return None
