"""Time expressions in the matching view: explicit years, relative years, quarters, spans.

Each expression is resolved to a date range against a base year; flags say whether it is a
comparison base (比上年, 较2002年), a starting point (从2002年的), a planned or future date
(预计2026年, 2025年底完工), a duration span (20年来, 落地4年来, 十年间) or a consecutive run
(连续6年) that applies to a rank.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.numbers import parse_number

_W = word_alternations("time_words")  # lexicon/time_words.yaml

_CN = r"[一二两三四五六七八九十]+"
_YEAR_PARTS = alternation(LEX.periods["year_parts"])  # lexicon/periods.yaml: 上半年, 前三季度 ...
_RELATIVE_YEARS = alternation(LEX.periods["relative_years"])  # 今年, 去年 ...
# the first characters of the lexicon's words, for the lookahead of _TIME_RE
_FIRST_CHARS = "".join(sorted({w[0] for w in (*LEX.periods["year_parts"], *LEX.periods["relative_years"])}))
CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])月(?:份)?(?:末|底)?"  # a month in Chinese numerals
# 一至三季度 (January to September), 二季度末 (a day), 一至十月 and 三月 (months in Chinese numerals);
# 首季, 首三季, 首半年, 第二季 (Hong Kong: the first quarter, three quarters, half, the second quarter)
# a quarter, or the first quarters: 一季度, 第2季度末, 首三季, 第二季 (Hong Kong, Taiwan)
QUARTER = r"首[二两三2-3]?季度?|第?[一二三四1-4]季度末?|第[一二三四1-4]季(?![度节])"
_CN_SUBS = (
    QUARTER + r"|首半年|[一1][至到~-][二三四2-4]季度"
    r"|(?<![A-Za-z])(?:Q1-Q[2-4]|Q[1-4]|H[12])(?![A-Za-z\d])"  # Q1, Q1-Q3, H1 (media)
    r"|[一二三四五六七八九十]{1,2}[至到][一二三四五六七八九十]{1,3}月(?:份)?"
    r"|(?<![一二三四五六七八九十两个])" + CN_MONTH  # 三月, 十一月份, 六月末
)
# 11月10日至16日, 1月1日-3月15日: a range of days
_DAYS = r"(?P<{p}dm1>\d{{1,2}})月(?P<{p}dd1>\d{{1,2}})日?[-~至到](?:(?P<{p}dm2>\d{{1,2}})月)?(?P<{p}dd2>\d{{1,2}})日"
_SUB = (
    r"(?:(?P<{p}m1>\d{{1,2}})(?:月)?[-~至到](?P<{p}m2>\d{{1,2}})月(?:份)?|"
    + _DAYS
    + r"|(?P<{p}mon>\d{{1,2}})月(?:(?P<{p}day>\d{{1,2}})日|份)?(?P<{p}monend>末|底)?"
    r"|(?P<{p}sub>"
    + _YEAR_PARTS
    + "|前2季度|前3季度|"
    + _CN_SUBS.replace("{", "{{").replace("}", "}}")
    + rf"|{_W['year_end_parts']}))"
)
_BARE_SUB = (
    r"(?:(?P<sm1>\d{1,2})(?:月)?[-~至到](?P<sm2>\d{1,2})月(?:份)?|"
    + _DAYS.format(p="s")
    + r"|(?P<smon>\d{1,2})月(?:(?P<sday>\d{1,2})日|份)?(?P<smonend>末|底)?"
    r"|(?P<ssub>" + _YEAR_PARTS + "|" + _CN_SUBS + r"|年末|年底))"
)
# The lookahead on the first character lets the engine skip most positions quickly (10x faster
# than trying every alternative at every character). At a digit, every alternative needs at most
# four digits and then 年, 多, 月 or a range sign: checking that first skips the digits of the
# other numbers of the text at once.
# 成为目前全球唯一…: one lookbehind per word (a lookbehind has a fixed width)
_NOT_AN_EPITHET = "".join(f"(?<!{word})" for word in LEX.word_lists["time_words"]["now_as_epithet_after"])
_TIME_RE = re.compile(
    r"(?=[\d今本当全去上下前明截目至现近日每如连一二两三四五六七八九十第挂设成获开落运建年同过“短仅首QH"
    + _FIRST_CHARS
    + "])"
    r"(?:(?!\d)|(?=\d{1,4}[年多月~至到-]))(?:"
    r"(?P<year>(?:19|20)\d{2})年(?!以来|来|代|起)" + _SUB.format(p="y") + "?"
    r"|(?P<yearsince>(?:19|20)\d{2})年(?:以来|起)"  # 2009年以来, 自2009年起
    r"|(?P<rel>"
    + _RELATIVE_YEARS
    + rf"|过去一年|过去的一年)(?!{_W['not_after_a_relative_year']})"
    + _SUB.format(p="r")
    + "?"
    r"|(?P<same>同期)"
    r"|(?P<agon>\d{1,2}|" + _CN + r")年前"
    rf"|(?P<cur>截至目前|{_NOT_AN_EPITHET}(?:{_W['now_words']}))"
    r"|(?P<cons>连续)(?P<consn>\d{1,2}|" + _CN + r")年"
    r"|(?P<spann>\d{1,2}|" + _CN + r")(?:多)?年(?P<spansuf>来|间|以来|里)"
    r"|(?:短短|仅仅|仅用)(?:的)?(?P<shortn>\d{1,2}|" + _CN + r")(?:多)?年"
    rf"|(?P<event>挂牌|{_W['founding_verbs']})以来"
    r"|(?:近|过去)(?P<nearn>\d{1,2}|" + _CN + r")年"
    r"|“?十(?P<plan>[一二三四五])五”?(?P<plansuf>以来|期间|时期)"
    r"|[前首](?P<firstm>\d{1,2}|" + _CN + r")个?月(?!份)"
    r"|(?<![\d年])" + _BARE_SUB + ")"
)
# 3年，… at the start of a clause. Matched from the clause break before it (a text start counts as
# one): the engine then jumps from break to break instead of trying every number of the text.
_CLAUSE_START_SPAN = re.compile(r"[\n，,。；;](?=(?P<span>(?P<n>\d{1,2}|" + _CN + r")(?:多)?年)[，,])")
_COMPARISON_BEFORE = re.compile(rf"(?:{_W['comparison_before']})$")
_REACH_BEFORE = re.compile(r"(?:达到|相当于|超过|为)$")  # 达到去年全年的2.3倍, 为上年的12.3倍: a base, when 的 follows
_BASE_AFTER = re.compile(r"(?:全年|同期)?(?:的|水平)")
_FROM_BEFORE = re.compile(r"(?:从|由|自)$")
# 至/到 open a target date (到2027年), except in 截至/截止到 (up to a past or present date)
_FUTURE_BEFORE = re.compile(rf"(?:{_W['future_before']}|(?<!截止)(?<!截)到|争取|目标|预期|有望|(?<!截)至|届时)$")
_CHANGE_TO_BEFORE = re.compile(rf"(?:{_W['change_to_before']})(?:到|至)$")
_FUTURE_AFTER = re.compile(
    rf"(?:年底|年末|底|末)?(?:前|之前)?(?:可|将|全面)?(?:{_W['completion_verbs']})|(?:{_W['plan_words']})"
    r"|(?:主要|发展|经济社会发展)?(?:主要)?预期目标"  # 2024年主要预期目标是: this year's targets
)
# 2025年，园区力争…: a year whose clause opens with an aim (after a short subject)
_AIM_AFTER = re.compile(r"[，,]?[^。；;，,：:\n\d]{0,4}?(?:力争|争取|有望)")
_WITHIN_BEFORE = re.compile(r"其中[，,]?$")
_WITHIN_AFTER = re.compile(r"(?:份)?(?:当月|单月|当季|单季)")
_PARAGRAPH_END = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_ARTICLE_END = re.compile(r"(?!)")  # nothing ends the article's scope before the end
# 全年将新增航线10条, 全年力争增长6%: a plan for the year, not a result
_PLAN_AFTER = re.compile(rf"[^。；;！？\n]{{0,12}}?(?:{_W['plan_after']})")
_PLAN_WORD = re.compile(_W["plan_after"])
_SENTENCE_START = re.compile(r"[^。；;！？!?\n]*$")


def _in_plan(view: str, start: int, end: int) -> bool:
    """Whether a plan word stands before the expression in its sentence or soon after it (力争一季度新开工23个项目,
    全年将新建…): the period is one still to come."""
    opening = _SENTENCE_START.search(view, max(0, start - 80), start)
    before = opening is not None and _PLAN_WORD.search(view, opening.start(), start) is not None
    return before or _PLAN_AFTER.match(view, end) is not None


# 较1-9月份和上年同期提高…: a period joined to a comparison base by one of these is a base too
_RANGE_JOINERS = frozenset({"至", "到", "-", "—", "~", "－"})
_BASE_LIST_JOINER = frozenset({"和", "及", "与", "、", "以及", "或"})
# 一年来: the year under review, as a year (not a span ending at the last year reported)
YEAR_UNDER_REVIEW_WORDS = frozenset({"一年来", "一年以来"})
_REVIEW_MONTHS = 3  # a text published by the end of March reviews the year before when it names none
_WORK_REPORT_REVIEW_MONTHS = 6  # a work report delivered by the end of June reviews the year before
_QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}


@dataclass
class TimeExpr:
    start: int
    end: int
    kind: str  # explicit | current | span | consecutive | since
    period: tuple[dt.date, dt.date] | None = None
    year: int | None = None  # the year the expression names (explicit and relative)
    comparison: bool = False
    from_: bool = False
    future: bool = False
    in_title: bool = False  # inside 《》
    n: int = 0  # span / consecutive length
    relative: bool = False
    anchored: bool = False  # 全年/本年/当年: the year the sentence already names, else the base year
    aim: bool = False  # 2025年，园区力争…: the year of a target, which a text may set for this year or a later one
    completed: bool = False  # 过去五年: a span of the years completed before publication
    within: bool = False  # 其中，10月 / 10月当月: a part of the period before it, for its own sentence
    same_period: bool = False  # 去年同期为5.2%: the period before it a year earlier, for its own sentence
    defaulted: bool = False  # 年末, 全年 with no year in the text before it: resolved against a default year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve_sub(year: int, groups: dict[str, str | None], p: str) -> tuple[dt.date, dt.date]:
    """The date range of a year with an optional sub-period (上半年, 1-9月, 年末, 6月, 6月18日 ...)."""
    m1, m2, mon, day, monend, sub = (groups.get(p + k) for k in ("m1", "m2", "mon", "day", "monend", "sub"))
    if m1 and m2 and 1 <= int(m1) <= int(m2) <= 12:
        return dt.date(year, int(m1), 1), _month_end(year, int(m2))
    if groups.get(p + "dd2"):  # 11月10日至16日
        first_month, first_day, last_day = (int(groups[p + k]) for k in ("dm1", "dd1", "dd2"))
        last_month = int(groups.get(p + "dm2") or first_month)
        try:
            first, last = dt.date(year, first_month, first_day), dt.date(year, last_month, last_day)
        except ValueError:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        return (first, last) if first <= last else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    if mon and 1 <= int(mon) <= 12:
        if day and 1 <= int(day) <= _month_end(year, int(mon)).day:
            return dt.date(year, int(mon), int(day)), dt.date(year, int(mon), int(day))  # 6月18日: that day
        if monend:
            return _month_end(year, int(mon)), _month_end(year, int(mon))
        return dt.date(year, int(mon), 1), _month_end(year, int(mon))
    if sub:
        if sub in ("年末", "年底", "末", "底"):
            return dt.date(year, 12, 31), dt.date(year, 12, 31)
        if sub == "初":
            return dt.date(year, 1, 1), dt.date(year, 3, 31)
        if sub in ("上半年", "首半年"):
            return dt.date(year, 1, 1), dt.date(year, 6, 30)
        if sub == "下半年":
            return dt.date(year, 7, 1), dt.date(year, 12, 31)
        if sub.startswith("前"):
            months = 9 if sub[1] in "三3" else 6
            return dt.date(year, 1, 1), _month_end(year, months)
        if sub.rstrip("末底").endswith(("月", "月份")):  # 一至十月, 三月, 六月末
            months = [int(parse_number(n)) for n in re.split("[至到]", sub.rstrip("末底").rstrip("份").rstrip("月"))]
            first, last = months[0], months[-1]
            if not 1 <= first <= last <= 12:
                return dt.date(year, 1, 1), dt.date(year, 12, 31)
            if sub[-1] in "末底":
                return _month_end(year, last), _month_end(year, last)
            return dt.date(year, first, 1), _month_end(year, last)
        if sub.startswith(("Q", "H")):  # Q3, Q1-Q3, H1
            if sub[0] == "H":
                return (
                    (dt.date(year, 1, 1), dt.date(year, 6, 30))
                    if sub == "H1"
                    else (dt.date(year, 7, 1), dt.date(year, 12, 31))
                )
            end_month = 3 * int(sub[-1])
            return dt.date(year, 1 if sub.startswith("Q1") else end_month - 2, 1), _month_end(year, end_month)
        if sub.startswith("首"):  # 首季, 首三季度: from January
            quarters = sub.rstrip("季度")[1:]
            return dt.date(year, 1, 1), _month_end(year, 3 * (int(parse_number(quarters)) if quarters else 1))
        q = sub.rstrip("季度末")[-1]
        end_month = _QUARTER_END.get(q, 12)
        if sub.endswith("末"):  # 二季度末: the quarter's last day
            return _month_end(year, end_month), _month_end(year, end_month)
        first_quarter = sub.startswith(("一", "第一", "1", "第1"))  # 一季度, 一至三季度
        start_month = 1 if first_quarter else end_month - 2
        return dt.date(year, start_month, 1), _month_end(year, end_month)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def review_year(published: dt.date, work_report: bool = False) -> int:
    """The year a text reviews when it names none (一年来, 全年 of a result): the year before for a text
    published in the first quarter (a January work report, a February release of last year's
    results) or a government work report of the first half (a new term's first session meets as late
    as April or May), else the year of publication."""
    months = _WORK_REPORT_REVIEW_MONTHS if work_report else _REVIEW_MONTHS
    return published.year - 1 if published.month <= months else published.year


def _number(text: str) -> int:
    return int(parse_number(text))


# 2020-2024年, 2020至2024年: the years of a span (the matching view writes every dash as -); not the
# years in a programme's name (规划（2021-2025年）, 2021-2025年行动计划)
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<y1>(?:19|20)\d{2})[-~至到](?P<y2>(?:19|20)\d{2})年(?!度|[)）])")
_PROGRAMME_AFTER = re.compile(rf"[^，,。；;\n]{{0,12}}?(?:{_W['programme_after']})")


def _year_ranges(view: str, pub_year: int) -> list[TimeExpr]:
    spans = []
    for m in _YEAR_RANGE.finditer(view):
        first, last = int(m["y1"]), int(m["y2"])
        if first < last <= pub_year and not _PROGRAMME_AFTER.match(view, m.end()):
            spans.append(TimeExpr(m.start(), m.end(), "since", None, first, n=last - first + 1))
    return spans


def _clause_start_spans(view: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of each 3年 / 十多年 that opens a clause and is followed by a comma."""
    # The "\n" in front makes the text start a clause break; offsets are shifted back by one.
    return [(m.start("span") - 1, m.end("span") - 1, m.group("n")) for m in _CLAUSE_START_SPAN.finditer("\n" + view)]


def _named_year(view: str, pos: int, last_year: TimeExpr | None, pub_year: int, scope: re.Pattern[str]) -> int | None:
    """The year named last before `pos` within the paragraph or sentence (`scope` matches what ends it),
    as its subject (not 比2023年, not 到2027年)."""
    if (
        last_year is None
        or last_year.comparison
        or last_year.future
        or last_year.year is None
        or last_year.year > pub_year
        or scope.search(view, last_year.end, pos)
    ):
        return None
    return last_year.year


@dataclass
class _Reading:
    """What reading one match of _TIME_RE needs: the text, its years, and the last 2024年 read."""

    view: str
    pub_year: int
    base_year: int  # the year the article reports on, else the publication year
    named_by_title: bool  # whether the article names that year (a bulletin)
    reviewed: int  # the year under review (review_year)
    last_year: TimeExpr | None = None  # the last 2024年 read: the year a later 全年 or 一季度 refers to

    def named_year(self, start: int, scope: re.Pattern[str]) -> int | None:
        return _named_year(self.view, start, self.last_year, self.pub_year, scope)


# One function per kind of time expression (the named group of _TIME_RE that matched), tried in this
# order; each returns the expression, or None when the match is no period (2021-2025年, 比同期).
def _explicit_year(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr | None:
    start, end, year = m.start(), m.end(), int(g["year"])
    if start and r.view[start - 1] in "-~至到" and r.view[start - 2 : start - 1].isdigit():
        return None  # 2021-2025年: a programme span, not a period
    return TimeExpr(start, end, "explicit", resolve_sub(year, g, "y"), year)


def _year_since(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    return TimeExpr(m.start(), m.end(), "since", None, int(g["yearsince"]))


def _relative_year(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    start, end, rel = m.start(), m.end(), g["rel"]
    offset = {"去年": -1, "上年": -1, "前年": -2, "明年": 1, "过去一年": -1, "过去的一年": -1}.get(rel, 0)
    anchor, named = r.pub_year, None
    # 全年/本年/当年 and 上年 count from the year the text reports on (上年 is the year before it:
    # 三次产业结构由上年的… in a bulletin on 2013 published in 2022); 今年/去年/明年 from the writing
    if rel in ("全年", "本年", "当年", "上年"):
        if r.named_by_title:
            anchor = r.base_year
        else:
            # the year its paragraph named; a result for a whole year (not a plan) also the
            # year named in an earlier paragraph (2024年…。\n\n全年接待游客…, published in July)
            plan = _in_plan(r.view, start, end)
            named = r.named_year(start, _PARAGRAPH_END if plan else _ARTICLE_END)
            anchor = named or (r.pub_year if plan else r.reviewed)
    year = anchor + offset
    expr = TimeExpr(start, end, "explicit", resolve_sub(year, g, "r"), year, relative=True)
    expr.anchored = rel in ("全年", "本年", "当年")
    expr.defaulted = expr.anchored and not r.named_by_title and named is None
    return expr


def _same_period(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr | None:
    start = m.start()
    if start and r.view[start - 1] in "年比较":
        return None  # 上年同期 / 比同期: a comparison, handled with its year
    return TimeExpr(start, m.end(), "same")


def _years_ago(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    year = r.pub_year - _number(g["agon"])  # 十年前 / 3年前: counted back from publication
    return TimeExpr(m.start(), m.end(), "explicit", resolve_sub(year, {}, ""), year, relative=True)


def _current(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    period = (dt.date(r.pub_year, 1, 1), dt.date(r.pub_year, 12, 31))
    return TimeExpr(m.start(), m.end(), "current", period, r.pub_year)


def _consecutive(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    return TimeExpr(m.start(), m.end(), "consecutive", n=_number(g["consn"]))


def _span(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    start, end = m.start(), m.end()
    if r.view[start:end] in YEAR_UNDER_REVIEW_WORDS:
        # 一年来: the year under review, as a year; the paragraph's own year first
        year = r.base_year if r.named_by_title else r.named_year(start, _PARAGRAPH_END) or r.reviewed
        return TimeExpr(start, end, "explicit", resolve_sub(year, {}, ""), year, relative=True)
    return TimeExpr(start, end, "span", n=_number(g["spann"]))


def _short_span(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    return TimeExpr(m.start(), m.end(), "span", n=_number(g["shortn"]))  # 短短三年: a duration up to now


def _since_event(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    return TimeExpr(m.start(), m.end(), "since")


def _near_span(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    # 过去五年 (like 过去一年) are the years completed before publication; 近五年 reach up to now
    completed = r.view.startswith("过去", m.start())
    return TimeExpr(m.start(), m.end(), "span", n=_number(g["nearn"]), completed=completed)


def _five_year_plan(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    first = 2006 + 5 * "一二三四五".index(g["plan"])
    return TimeExpr(m.start(), m.end(), "since", None, first, n=5 if g["plansuf"] != "以来" else 0)


def _first_months(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr | None:
    start, end, months = m.start(), m.end(), _number(g["firstm"])
    if not 1 <= months <= 12:
        return None
    period = (dt.date(r.base_year, 1, 1), _month_end(r.base_year, months))
    expr = TimeExpr(start, end, "explicit", period, r.base_year, relative=True)
    if start >= 2 and r.view[start - 2 : start] in ("今年", "去年"):
        y = r.pub_year + (-1 if r.view[start - 2 : start] == "去年" else 0)
        expr.period, expr.year = (dt.date(y, 1, 1), _month_end(y, months)), y
    return expr


def _bare_sub_period(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr:
    """二季度, 下半年, 10月: of the year its sentence named, else the base year; a part of a year (年末, 三季度)
    named by no year in a text that names none is of the year under review, as its 全年 is (a February
    bulletin's 三季度 is last year's; its 1月 may be this year's)."""
    named = r.named_year(m.start(), _SENTENCE_END)
    reviewed = g["ssub"] and not r.named_by_title and not _in_plan(r.view, m.start(), m.end())
    year = named or (r.reviewed if reviewed else r.base_year)
    expr = TimeExpr(m.start(), m.end(), "explicit", resolve_sub(year, g, "s"), year, relative=True)
    expr.defaulted = not named and not r.named_by_title
    return expr


_KINDS: tuple[tuple[str, Callable[[_Reading, re.Match[str], dict], TimeExpr | None]], ...] = (
    ("year", _explicit_year),
    ("yearsince", _year_since),
    ("rel", _relative_year),
    ("same", _same_period),
    ("agon", _years_ago),
    ("cur", _current),
    ("cons", _consecutive),
    ("spann", _span),
    ("shortn", _short_span),
    ("event", _since_event),
    ("nearn", _near_span),
    ("plan", _five_year_plan),
    ("firstm", _first_months),
)


def _read_match(r: _Reading, m: re.Match[str], g: dict) -> TimeExpr | None:
    reader = next((read for group, read in _KINDS if g[group]), _bare_sub_period)
    expr = reader(r, m, g)
    if expr is not None and expr.kind in ("span", "consecutive") and not 1 <= expr.n <= 100:
        return None
    return expr


def _mark_context(view: str, expr: TimeExpr, previous: TimeExpr | None, g: dict, pub_year: int) -> None:
    """What the words around an expression make of it: a base of comparison, the start of a span
    (从), a plan, an aim, a part of the period before (其中，10月), a year earlier (去年同期)."""
    start, end = expr.start, expr.end
    before = view[max(0, start - 4) : start]
    expr.comparison = bool(_COMPARISON_BEFORE.search(before)) or (
        bool(_REACH_BEFORE.search(before)) and bool(_BASE_AFTER.match(view, end))
    )
    if previous and previous.end == start and previous.comparison:
        expr.comparison = True  # 比去年同期 / 达到去年全年的: one base written in two words
    if previous and previous.comparison and view[previous.end : start] in _BASE_LIST_JOINER:
        expr.comparison = True  # 较1-9月份和上年同期提高…: two bases listed after one 较
    expr.from_ = bool(_FROM_BEFORE.search(before))
    wide = view[max(0, start - 6) : start]
    expr.future = (bool(_FUTURE_BEFORE.search(before)) and not _CHANGE_TO_BEFORE.search(wide)) or bool(
        _FUTURE_AFTER.match(view, end)
    )
    if previous and not previous.future and view[previous.end : start] in _RANGE_JOINERS:
        expr.future = False  # 1997年1月至2007年6月: the end of a range that started in the past, no target
    expr.aim = bool(_AIM_AFTER.match(view, end))
    expr.within = bool(_WITHIN_BEFORE.search(before) or _WITHIN_AFTER.match(view, end))
    if expr.year is not None and expr.year < pub_year and expr.relative:
        expr.future = False  # 去年实现…: a past year is never a plan
    expr.same_period = bool(g["rel"]) and expr.relative and view.startswith("同期", end) and not expr.comparison


def find_time_expressions(
    view: str, pub_year: int, base_year: int | None, reviewed: int | None = None
) -> list[TimeExpr]:
    """All time expressions, resolved: relative years against `pub_year` (今年/去年) or
    `base_year` (全年/本年/当年 and bare sub-periods: the year a bulletin reports on).

    `base_year` None: the article does not name the year it reports on (a news report). Then
    全年/本年/当年 is the year its paragraph last named (2024年北仑港区完成…。全年新开…, published in
    January 2025), else the year under review (`reviewed`, see review_year: a result for 全年 in a
    January report is last year's; a plan for 全年 is this year's). 一年来 is the year
    their paragraph named (2020年是极不平凡的一年。一年来…), else the year under review.
    """
    r = _Reading(
        view,
        pub_year,
        pub_year if base_year is None else base_year,
        base_year is not None,
        pub_year if reviewed is None else reviewed,
    )
    exprs: list[TimeExpr] = []
    title_ranges = [(m.start(), m.end()) for m in re.finditer(r"《[^》\n]{0,80}》", view)]
    for m in _TIME_RE.finditer(view):
        g = m.groupdict()
        expr = _read_match(r, m, g)
        if expr is None:
            continue
        _mark_context(view, expr, exprs[-1] if exprs else None, g, pub_year)
        expr.in_title = any(a < expr.start < b for a, b in title_ranges)
        exprs.append(expr)
        if g["year"] or (g["rel"] and not (expr.anchored or expr.comparison or expr.future or expr.same_period)):
            r.last_year = expr  # 2024年 / 过去一年 / 去年: the year that a later 全年 or 一季度 refers to
    exprs += [e for e in _year_ranges(view, pub_year) if not any(e.start <= x.start < e.end for x in exprs)]
    for start, end, n in _clause_start_spans(view):
        if not 1 <= _number(n) <= 100:
            continue
        if not any(e.start <= start < e.end for e in exprs):
            exprs.append(TimeExpr(start, end, "span", n=_number(n)))
    exprs.sort(key=lambda e: e.start)
    return exprs
