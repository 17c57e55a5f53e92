"""Inferring the publication date from the text when no metadata gives it.

A dateline near the top (发布时间：2025-10-28, 2024年4月18日 来源：…, 北仑区统计局 2025-03-15) gives the
day. Without one, the year is inferred, the latest year the text reports on as past or present:
explicit years (2023年, 2024年上半年) and
years in document titles count; planned or future years (预计2026年, 2025年底完工, 到2035年,
programme spans 2021-2025年) do not, nor the year of a target (2025年，园区力争…) unless the text
names no other. Years without 年 (科创甬江2035, (2024)) are names.
"""

from __future__ import annotations

import datetime as dt
import re

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


# A whole date: 2025-10-28, 2025/10/28, 2025.10.28 or 2025年10月28日, with an optional time after it.
_FULL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日)"
    r"(?!\d)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
# What a dateline holds besides its date: labels, a source or author name, brackets and separators.
_DATELINE_REST = re.compile(r"[^\d。，；！？,;!?%]{0,30}")
_HEAD_LINES = 6  # datelines stand under the title, before the body


def dateline_in(line: str, alone: bool = False) -> dt.date | None:
    """The date of a dateline: a line (of the matching view) holding a whole date and, besides it, at
    most a short label or name (来源：北仑发布, 北仑区统计局, （…）) with no other digit and no sentence
    punctuation, so a body sentence that opens with a date (2025年1月8日，记者从…获悉) is not one.
    `alone`: nothing but the date (and brackets) may stand on the line."""
    match = _FULL_DATE.search(line)
    if match is None:
        return None
    rest = line[: match.start()] + " " + line[match.end() :]
    if (alone and rest.strip(" ()[]【】") != "") or not _DATELINE_REST.fullmatch(rest):
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"] or match["m2"]), int(match["d"] or match["d2"]))
    except ValueError:
        return None  # 2025-02-30


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline among the first lines, before the body starts; the title is one only
    when it is the date alone."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_HEAD_LINES]
    for index, line in enumerate(lines):
        if "。" in line:
            return None  # the body has started
        found = dateline_in(matching_view(line), alone=index == 0)  # the head only, not the whole text
        if found is not None:
            return found
    return None
