"""Inferring the publication year from the text when no metadata gives it.

The latest year the text reports on as past or present: explicit years (2023年, 2024年上半年) and
years in document titles count; planned or future years (预计2026年, 2025年底完工, 到2035年,
programme spans 2021-2025年) do not, nor the year of a target (2025年，园区力争…) unless the text
names no other. Years without 年 (科创甬江2035, (2024)) are names.
"""

from __future__ import annotations

from beilun_etl.extraction.textnorm import matching_view
from beilun_etl.extraction.timeexpr import find_time_expressions


def infer_publication_year(text: str) -> int | None:
    view = matching_view(text)
    exprs = [
        e
        for e in find_time_expressions(view, pub_year=2000, base_year=2000)
        if e.year
        and (
            (e.kind == "explicit" and not e.relative and not e.future and 1949 <= e.year <= 2100)
            or (e.kind == "since" and view[e.start].isdigit())  # 2020年以来, not “十四五”以来
        )
    ]
    # The year of a target (2025年，园区力争…) only when the text reports on no other year.
    reported = [e.year for e in exprs if not e.aim] or [e.year for e in exprs]
    return max(reported) if reported else None
