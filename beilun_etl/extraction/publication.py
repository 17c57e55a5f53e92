"""Inferring the publication date from the text when no metadata gives it.

A dateline near the top (发布时间：2025-10-28, 2024年4月18日 来源：…, 北仑区统计局 2025-03-15) gives the
day. Without one, the year is inferred, the latest year the text reports on as past or present:
explicit years (2023年, 2024年上半年) and
years in document titles count; planned or future years (预计2026年, 2025年底完工, 到2035年,
programme spans 2021-2025年) do not, nor the year of a target (2025年，园区力争…) unless the text
names no other. Years without 年 (科创甬江2035, (2024)) are names, but for a title that ends with one
when the text names no year (数说北仑2024).
"""

from __future__ import annotations

import datetime as dt
import re

from beilun_etl.extraction.lexicon import word_alternations
from beilun_etl.extraction.textnorm import matching_view
from beilun_etl.extraction.timeexpr import TimeExpr, find_time_expressions

_W = word_alternations("time_words")  # lexicon/time_words.yaml

# A figure in the sentence, roughly: enough to tell a year reported on from one merely named.
_FIGURE_LIKE = re.compile(
    rf"\d(?:余|多)?(?:万亿|亿|万)?(?:美元|元|%|{_W['figure_like']})|[一二两三四五六七八九]成|首位|第[一二三四五\d]"
)
# A title ending with a year written without 年 (数说北仑2024, 北仑经济年报 2024年度) names the year reported.
TITLE_YEAR = re.compile(r"(?<![\d.\-/])(?P<year>(?:19|20)\d\d)(?:年度)?[\s)）]*$")
_SENTENCE = re.compile(r"[^。！？!?\n]*")
_PROBE_YEAR = 2000  # relative years resolve against it: 去年 is 1999
# 今年 in a sentence that sets a target (今年全省经济增长预期目标为5%左右, 今年将新建…) is no report of
# this year's results: a text reporting last year and setting this year's targets is a January report.
_TARGET_IN_SENTENCE = re.compile(rf"目标|{_W['target_words']}|建议")
# The date in a page's URL (news sites and government portals file pages by it): /2021/0913/,
# /2023/07/20/, /20230130/, /art/2021/5/8/, /202403/01/, t20221123_
URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/_.-])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)(?P<d>\d\d)(?=/)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>\d\d)/(?P<d>\d\d)(?=/)"),
    re.compile(r"(?:/|\bt)(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?=[/_.])"),
)


def infer_publication_year(text: str) -> int | None:
    view = matching_view(text)
    found = find_time_expressions(view, pub_year=_PROBE_YEAR, base_year=_PROBE_YEAR)
    exprs = [
        e
        for e in found
        if e.year
        and (
            (e.kind == "explicit" and not e.relative and not e.future and 1949 <= e.year <= 2100)
            or (e.kind == "since" and view[e.start].isdigit())  # 2020年以来, not “十四五”以来
        )
    ]
    # The year of a target (2025年，园区力争…) only when the text reports on no other year.
    reported = [e.year for e in exprs if not e.aim] or [e.year for e in exprs]
    if not reported:
        title = next((line for line in view.splitlines() if line.strip()), "")
        trailing = TITLE_YEAR.search(title)  # 数说北仑2024: the title names the year and nothing else does
        year = int(trailing["year"]) if trailing else None
        return year if year is not None and year <= dt.date.today().year else None  # 科创甬江2035: a plan
    return max(max(reported), _year_after_last_year(view, found, exprs) or 0)


def _sentence_of(view: str, e: TimeExpr) -> str:
    start = max(view.rfind(c, 0, e.start) for c in "。！？!?\n") + 1
    return view[start : e.start] + _SENTENCE.match(view, e.end).group()


# A path segment that is a MongoDB ObjectId (/a/5fa0ade0ef4ff1d65f03841c): its first 8 hex digits are the
# second it was made, in Unix time
_OBJECT_ID = re.compile(r"/(?P<seconds>[0-9a-f]{8})[0-9a-f]{16}(?=[/?#.]|$)")
_FIRST_OBJECT_ID_DAY = dt.date(2009, 1, 1)  # MongoDB came out in 2009: an earlier "day" is no ObjectId


def url_date(url: str | None) -> dt.date | None:
    """The date a page's URL files it under (http://…/jj/2021/0913/53188.html → 2021-09-13, or the day
    of an ObjectId in it), when it is a real day no later than today: where a page without metadata or
    dateline was published."""
    for pattern in URL_DATES:
        for m in pattern.finditer(url or ""):
            try:
                day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue  # /2023/1052/: not a day
            if day <= dt.date.today():
                return day
    for m in _OBJECT_ID.finditer(url or ""):
        day = dt.datetime.fromtimestamp(int(m["seconds"], 16), dt.UTC).date()
        if _FIRST_OBJECT_ID_DAY <= day <= dt.date.today():
            return day
    return None


def _is_day(e: TimeExpr) -> bool:
    """1月14日 (中新社杭州1月14日电): the day of an event or of the dispatch, no report on this year."""
    return e.period is not None and e.period[0] == e.period[1]


def _year_after_last_year(view: str, found: list[TimeExpr], exprs: list[TimeExpr]) -> int | None:
    """A text that reports figures for 去年 and for whole years only, never for 今年 (other than the
    targets it sets for it), calls its latest year 去年 (去年GDP增长5.8% over 2024年全区GDP…增长5.8%;
    …今年预期目标为增长5%左右): it was written the year after."""

    def with_figure(e: TimeExpr) -> bool:
        return bool(_FIGURE_LIKE.search(_SENTENCE.match(view, e.end).group()))

    reporting = [
        e for e in found if e.kind == "explicit" and e.relative and not (e.comparison or e.future or e.anchored)
    ]
    if any(
        e.year == _PROBE_YEAR and not _is_day(e) and not _TARGET_IN_SENTENCE.search(_sentence_of(view, e))
        for e in reporting
    ):
        return None  # 今年…, 去年…: written in the year it calls 今年 (not only its targets)
    if not any(e.year == _PROBE_YEAR - 1 and with_figure(e) for e in reporting):
        return None
    reported = [e for e in exprs if e.kind == "explicit" and not e.aim and e.period is not None and with_figure(e)]
    if not reported:
        return None
    latest = max(e.year for e in reported)
    if any(e.year == latest and e.period[1] != dt.date(latest, 12, 31) for e in reported):
        return None  # 2024年上半年…, 去年…: 去年 is the year before
    return latest + 1


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
