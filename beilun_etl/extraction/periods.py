"""The reference period of each figure, from the time expressions around it.

Within a sentence the latest time expression before a figure applies (今年上半年 … 1365.56亿元,
同比增长6.1%); a sentence without one inherits the paragraph's last period; with none at all the
document default (the period the title names, else the publication year) applies and the period is marked
inferred. Comparison bases (比上年, 比2002年) never become the period. Spans (20年来, 落地4年来,
十年间) end at the year the article last reports (or at YYYY+N after an explicit YYYY年): the start
of a 从X到Y is the base year, the end the last year, a multiple or CAGR runs between them and other
amounts are cumulative. 连续N年 turns a rank into an N-year run. A planned date (预计2026年建成)
also applies to the figures of the 其中 clause before it, and a 从X到Y to a multiple or CAGR just
before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, replace

from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.rules import rule
from beilun_etl.extraction.segments import Segments
from beilun_etl.extraction.timeexpr import TimeExpr

_W = word_alternations("time_words")  # lexicon/time_words.yaml

# 连续5年跻身前十，…排名第二: the run is of a rank that is no figure (前十), in its own clause
_RUN_OF_TOP_GROUP = re.compile(
    rf"(?:{alternation(LEX.place_verbs + LEX.group_verbs)})(?:{alternation(LEX.rank_scopes)})?"
    r"(?:前[一二三四五六七八九十\d]+|前列)"
)

# 去年同期的约: a qualifier between the time expression and its figure
_QUALIFIER_TAIL = re.compile(rf"(?:{alternation(LEX.qualifiers_before)})+$")


# A heading (a short line without sentence punctuation) that names a period states it for the
# section under it (2019年和今年以来工作回顾, 2024年工作回顾, 2023年1-10月); not a page's navigation,
# dateline or the title of a report (>2025年政府公报>…, 发布时间, 2025年政府工作报告)
_HEADING_MAX = 40
_SENTENCE_PUNCT = re.compile(r"[。！？!?；;]")
# (a table's caption, 表1 2024年主要经济指标, is the table's own)
_NOT_A_SECTION_HEADING = re.compile(
    rf"[>|]|{_W['not_a_section_heading']}|[:：]\s*$|^(?:附?表|图)\s*[\d一二三四五六七八九十]"
)


@dataclass
class Ctx:
    kind: str  # explicit | current | span
    start: dt.date
    end: dt.date
    base_year: int | None = None  # for spans: the year before the first year of the span
    rule: str = ""  # the period rule of the expression that set it
    sentence: int = -1  # the sentence it was set in (the figures of later ones inherit it)


# The period rules. A figure takes the period in force where it stands: set in its sentence, else
# inherited from the sentences before it in its paragraph, else the document's default. The trace
# names the kind of expression that set it ("period") and where it stands ("period_scope": sentence,
# paragraph or document).
_P = "period"
TITLE_PERIOD = rule(
    _P,
    "title_period",
    "no period named before it in its paragraph: the period the title names",
    "北仑区2023年统计公报\n全区地区生产总值1365.56亿元。",
    "1365.56亿元",
)
PUBLICATION_YEAR = rule(
    _P,
    "publication_year",
    "no period named at all: the year of publication (inferred)",
    "全区地区生产总值1365.56亿元。",
    "1365.56亿元",
)
YEAR_UNDER_REVIEW = rule(
    _P,
    "year_under_review",
    "no period named before it, in a text of the first months of a year that names last year and not this"
    " one (a January report, a February bulletin): last year",
    "刚刚过去的2023年，全省经济稳中有进。\n\n据初步统计，全省生产总值增长6.0%。",
    "6.0%",
    published="2024-01-16",
)
EXPLICIT = rule(
    _P,
    "explicit_period",
    "a year or a part of one (2023年, 2024年上半年, 1-9月)",
    "2023年，全区地区生产总值1365.56亿元。",
    "1365.56亿元",
)
RELATIVE = rule(
    _P,
    "relative_period",
    "a year relative to publication or to the year named before (今年, 去年上半年, 全年, a bare 10月)",
    "去年，全区地区生产总值1365.56亿元。",
    "1365.56亿元",
)
CURRENT = rule(
    _P, "current_period", "the present (目前, 截至目前, 今年以来)", "目前，全区共有高新技术企业1026家。", "1026家"
)
SPAN = rule(
    _P,
    "span",
    "a duration up to the last year reported (20年来, 近五年)",
    "2023年，全区出口增长5%。近五年，全区累计引进项目120个。",
    "120个",
)
SINCE = rule(
    _P,
    "since_year",
    "a span since a year or event (2018年以来, 挂牌以来)",
    "2018年以来，全区累计引进项目120个。",
    "120个",
)
SAME = rule(
    _P,
    "same_period",
    "同期: the period named before",
    "2023年上半年，全区出口增长5%；同期进口1906.5亿元。",
    "1906.5亿元",
)
YEAR_EARLIER = rule(
    _P,
    "year_earlier",
    "去年同期为: the period named before, a year earlier",
    "2024年上半年，出口增长6.1%，去年同期为5.2%。",
    "5.2%",
)
COMPARISON_BASE = rule(
    _P,
    "comparison_base",
    "比去年同期的5200辆: the figure of the comparison base has its period",
    "2024年，汽车产量比去年同期的5200辆增加300辆。",
    "5200辆",
)
FROM_PERIOD = rule(
    _P,
    "from_period",
    "从去年的2条增加到5条: the level reached has the period before the 从",
    "2024年，航线从去年的2条增加到5条。",
    "5条",
)
CONSECUTIVE_RUN = rule(
    _P,
    "consecutive_run",
    "连续N年 before a rank: the rank holds for the N years to the year in force",
    "2023年，北仑区连续5年位居全省第一。",
    "全省第一",
    revises=True,
)


@dataclass
class FigureTiming:
    pos: int  # number start
    measure: str
    cue: str | None
    unit: str


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def data_year(
    exprs: list[TimeExpr], figure_positions: list[int], seg: Segments, pub_year: int, reviewed: int | None = None
) -> int:
    """The latest year the article reports figures for (explicit or relative, not planned); else the
    year it reviews (a work report of April 2012 on the five years to 2011), else the publication year."""
    best: int | None = None
    positions = sorted(figure_positions)
    import bisect

    for e in exprs:
        if e.kind != "explicit" or e.comparison or e.future or e.in_title or e.year is None or e.year > pub_year:
            continue
        _s_start, s_end = seg.full.span(e.start)
        i = bisect.bisect_left(positions, e.end)
        if i < len(positions) and positions[i] < s_end:
            best = e.year if best is None else max(best, e.year)
    return best if best is not None else reviewed or pub_year


def section_scopes(seg: Segments, exprs: list[TimeExpr], figure_positions: list[int]) -> dict[int, Ctx]:
    """The period each paragraph starts with when it names none, by paragraph index: the period a
    heading names, for the paragraphs under it until the next heading naming one (a heading naming
    none, 一、工业经济, keeps it); and the year an opening statement names (摘要 2023年，在…领导下，…。
    then 全年GDP增长6.6%): the first paragraph of the body holding sentences but no figure, whose
    first sentence names a year, states it for the document. Day dates (datelines) never do."""
    by_para: dict[int, list[TimeExpr]] = {}
    for e in exprs:
        if e.period is not None and e.kind != "span" and not (e.comparison or e.in_title):
            by_para.setdefault(seg.paragraphs.index(e.start), []).append(e)
    with_figure = {seg.paragraphs.index(pos) for pos in figure_positions}
    scopes: dict[int, Ctx] = {}
    current: Ctx | None = None
    body_started = False
    for p, (a, b) in enumerate(seg.paragraphs.spans):
        line = seg.view[a:b].strip()
        named = [e for e in by_para.get(p, []) if e.period[0] != e.period[1]]
        if p and line and not _SENTENCE_PUNCT.search(line) and len(line) <= _HEADING_MAX:
            if named and p not in with_figure and not _NOT_A_SECTION_HEADING.search(line):
                first = named[0]
                current = Ctx(first.kind if first.kind != "since" else "explicit", *first.period)
        elif p and line and not body_started:
            body_started = True
            opening = [e for e in named if e.start < seg.full.span(a)[1]]
            if opening and p not in with_figure and not opening[0].relative and not opening[0].future:
                current = current or Ctx("explicit", *opening[0].period)
        if current is not None:
            scopes[p + 1] = current
    return scopes


def assign_periods(
    seg: Segments,
    exprs: list[TimeExpr],
    figures: list[FigureTiming],
    default: tuple[dt.date, dt.date],
    last_year: int,
    complete_year: int | None = None,
    rules: list[str] | None = None,
) -> list[tuple[dt.date, dt.date, bool]]:
    """`complete_year` is the last year complete at publication: where a 连续N年 run ends when no period is named.
    `rules` (one per figure, holding the default's rule) gets the rule that decided, as `name@scope`."""
    rules = rules if rules is not None else [""] * len(figures)
    events: list[tuple[int, int, int]] = [(e.start, 0, i) for i, e in enumerate(exprs)]
    events += [(f.pos, 1, i) for i, f in enumerate(figures)]
    events.sort()
    out: list[tuple[dt.date, dt.date, bool]] = [(default[0], default[1], True)] * len(figures)
    para_idx = sent_idx = semi_idx = -1
    before_future: Ctx | None = None
    future_active = False
    para_ctx: Ctx | None = None
    ctx: Ctx | None = None
    years: list[int] = []
    last_explicit: int | None = None
    consecutive = 0
    consecutive_until = len(seg.view)  # where the run of the last 连续N年 stops applying
    last_comparison: TimeExpr | None = None
    last_any: Ctx | None = None  # the latest period in the text so far: what 同期 refers to
    named: int | None = None  # the year an explicit expression of this sentence names
    from_ctx: tuple[Ctx | None, bool] = (None, False)  # the period before a 从<period>的, and whether it holds
    within: Ctx | None = None  # the period a 其中，10月 of this sentence is part of
    positions = [e[0] for e in events]
    scopes = section_scopes(seg, exprs, [f.pos for f in figures])
    para_of, full_of, semi_of = (index.indices(positions) for index in (seg.paragraphs, seg.full, seg.sentences))
    for n, (_pos, kind, idx) in enumerate(events):
        p, s, q = para_of[n], full_of[n], semi_of[n]
        if q != semi_idx:
            semi_idx = q
            if future_active:  # a planned date (届时…) holds for its own clause group only
                ctx, future_active = before_future, False
        if p != para_idx:
            scope = scopes.get(p)  # the period its section or the document's opening states
            para_idx, sent_idx, para_ctx, ctx, within = p, s, scope, scope, None
            years, last_explicit, consecutive, named, from_ctx = [], None, 0, None, (None, False)
        elif s != sent_idx:
            para_ctx = ctx if within is None else within  # 其中，10月…。分行业看…: back to 1-10月
            within = None
            sent_idx, years, last_explicit, consecutive, named, from_ctx = s, [], None, 0, None, (None, False)
            ctx = para_ctx
        if kind == 0:
            e = exprs[idx]
            if e.in_title:
                continue
            if e.year is not None and e.kind == "explicit":
                years.append(e.year)
            if e.comparison:
                if e.period is not None:
                    last_comparison = e
                continue
            if e.kind == "same":
                ctx = replace(last_any, rule=SAME, sentence=s) if last_any else ctx
            elif e.same_period and last_any is not None:
                # 增长6.1%，去年同期为5.2%: the period named before, a year earlier, for this sentence only
                if within is None:
                    within = ctx
                from_ctx = (ctx, True) if e.from_ else (None, False)  # 由上年同期的14.9%提高到17.6%
                years_back = 2 if seg.view.startswith("前年", e.start) else 1
                ctx = Ctx(
                    "explicit", *_shift((last_any.start, last_any.end), -years_back), rule=YEAR_EARLIER, sentence=s
                )
                continue  # what a later 同期 refers to stays the period named before
            elif e.kind == "consecutive":
                consecutive = e.n
                clause_end = seg.clauses.span(e.start)[1]
                top_group = _RUN_OF_TOP_GROUP.search(seg.view, e.end, clause_end)
                consecutive_until = clause_end if top_group else len(seg.view)
            elif e.kind == "span":
                end_year = last_explicit + e.n if last_explicit and last_explicit + e.n <= last_year else last_year
                if e.completed and complete_year is not None:
                    end_year = min(end_year, complete_year)
                ctx = Ctx("span", *_year(end_year), base_year=end_year - e.n, rule=SPAN, sentence=s)
            elif e.kind == "since":
                base = e.year - 1 if e.year is not None else last_year - 1
                end_year = min(last_year, e.year + e.n - 1) if e.year is not None and e.n else last_year
                if e.year is not None and e.n and e.year > last_year:
                    end_year = e.year + e.n - 1  # “十五五”期间…计划: a programme still to come, all of it
                ctx = Ctx("span", *_year(end_year), base_year=base, rule=SINCE, sentence=s)
                if e.year is not None:
                    years.append(e.year)
            elif e.period is not None:
                scope = scopes.get(p)
                if e.defaulted and scope is not None and e.year is not None and scope.end.year != e.year:
                    # 年末, 全年 under a heading 2024年…: of the year the section states, not a default
                    e = _resolved_in(e, scope.end.year)
                if e.future and not future_active:
                    before_future, future_active = ctx, True
                from_ctx = (ctx, True) if e.from_ else (None, False)
                if e.within and ctx is not None and within is None:
                    within = ctx
                period = e.period
                if e.anchored and named is not None and e.year is not None and named != e.year:
                    period = _shift(period, named - e.year)  # 去年，…全年: 全年 spans 去年
                kind_rule = RELATIVE if e.relative else EXPLICIT if e.kind == "explicit" else CURRENT
                ctx = Ctx(e.kind, period[0], period[1], rule=kind_rule, sentence=s)
                if e.kind == "explicit" and e.year is not None:
                    last_explicit = e.year
                    if not e.anchored:
                        named = e.year
            if ctx is not None and ctx.kind != "span":
                last_any = ctx
            continue
        f = figures[idx]
        if (
            f.measure == "level"
            and last_comparison is not None
            and last_comparison.period
            and _adjacent(seg.view, last_comparison.end, f.pos)
        ):
            # 比去年同期的5200辆: the figure of the comparison base
            out[idx] = (last_comparison.period[0], last_comparison.period[1], False)
            rules[idx] = f"{COMPARISON_BASE}@sentence"
            continue
        if f.cue == "to" and from_ctx[1]:
            # 从去年的2条增加到5条: the level reached belongs to the period before the 从
            out[idx] = _period_for(f, from_ctx[0], years, consecutive, default, complete_year)
            rules[idx] = f"{FROM_PERIOD}@sentence"
            ctx = from_ctx[0]  # the 从 period was the starting point's only: the rest is the sentence's
            continue
        if f.pos >= consecutive_until:
            consecutive, consecutive_until = 0, len(seg.view)
        out[idx] = _period_for(f, ctx, years, consecutive, default, complete_year)
        if ctx is not None:
            rules[idx] = f"{ctx.rule}@{'sentence' if ctx.sentence == s else 'paragraph'}"
        if f.measure == "rank" and consecutive:
            name, _, scope = rules[idx].partition("@")
            rules[idx] = f"{name}>{CONSECUTIVE_RUN}@{scope}"
        if f.measure == "rank":
            consecutive = 0
    return out


def _resolved_in(e: TimeExpr, year: int) -> TimeExpr:
    """The expression `e`, resolved against `year` instead of the default year it fell back to."""
    return dataclasses.replace(e, period=_shift(e.period, year - e.year), year=year, defaulted=False)


def _shift(period: tuple[dt.date, dt.date], years: int) -> tuple[dt.date, dt.date]:
    return tuple(d.replace(year=d.year + years, day=min(d.day, 28 if d.month == 2 else d.day)) for d in period)


def _adjacent(view: str, expr_end: int, pos: int) -> bool:
    """The figure stands right after the base's period (比去年同期的5200辆), or names the base with its
    indicator inside a 与…相比 (与2023年末常住人口969.7万人相比)."""
    gap = view[expr_end:pos]
    if len(gap) <= 3 and _QUALIFIER_TAIL.sub("", gap) in ("", "的", "同期的", "同期"):
        return True
    return _INDICATOR_WORDS.fullmatch(gap) is not None and _BASE_CLOSED.match(view, pos) is not None


_INDICATOR_WORDS = re.compile(r"[\u4e00-\u9fff]{1,12}")
_BASE_CLOSED = re.compile(rf"[\d.,]+[^\d\s，,。；;]{{0,6}}?(?:{_W['base_closers']})")


def _period_for(
    f: FigureTiming,
    ctx: Ctx | None,
    years: list[int],
    consecutive: int,
    default: tuple[dt.date, dt.date],
    complete_year: int | None = None,
) -> tuple[dt.date, dt.date, bool]:
    if ctx is None:
        start, end = default
        earlier = [y for y in years if y < end.year]
        if f.measure in ("multiple", "cagr_pct") and earlier:
            start = dt.date(min(earlier), 1, 1)  # 是2019年同期的2.3倍 in a text that names no period
        if f.measure == "rank" and consecutive:
            if complete_year is not None and complete_year < end.year:
                end = dt.date(complete_year, 12, 31)  # 连续15年位居全球第一: a run of completed years
            start = dt.date(end.year - consecutive + 1, 1, 1)
        return start, end, True
    if ctx.kind == "span" and ctx.base_year is not None:
        base, last = ctx.base_year, ctx.end.year
        if f.measure in ("multiple", "cagr_pct"):
            return dt.date(min(base, last), 1, 1), dt.date(last, 12, 31), False
        if f.cue == "from":
            return (*_year(min(base, last)), False)
        if f.measure == "rank" and consecutive and ctx.rule == SINCE:
            last = min(last, base + consecutive)  # 自2009年起连续16年蝉联榜首: the sixteen years 2009 to 2024
            return dt.date(base + 1, 1, 1), dt.date(last, 12, 31), False
        if f.cue == "to" or f.unit in ("percent", "rank") or f.measure not in ("level",):
            start = dt.date(last - consecutive + 1, 1, 1) if f.measure == "rank" and consecutive else None
            return (start or dt.date(last, 1, 1), dt.date(last, 12, 31), False)
        return dt.date(min(base + 1, last), 1, 1), dt.date(last, 12, 31), False
    start, end = ctx.start, ctx.end
    if f.measure in ("multiple", "cagr_pct"):
        earlier = [y for y in years if y < end.year]
        if earlier:
            start = dt.date(min(earlier), 1, 1)
    if f.measure == "rank" and consecutive:
        start = dt.date(end.year - consecutive + 1, 1, 1)
    return min(start, end), end, False


FOLLOWING_SPAN = rule(
    _P,
    "following_from_to",
    "a multiple or CAGR before the 由X到Y it sums up runs between the span's years",
    "年均增长6.5%，由2020年的207亿元增加到2024年的266亿元。",
    "6.5%",
    revises=True,
)
RESPECTIVE = rule(
    _P,
    "respective_periods",
    "2023年和2024年…分别为A和B: the n-th figure after 分别 has the n-th period",
    "2023年和2024年，全区地区生产总值分别为1365亿元和1421亿元。",
    "1421亿元",
    revises=True,
)
PLANNED = rule(
    _P,
    "planned_date",
    "预计2026年建成 closing a 其中 clause: the planned figures of that clause take the date",
    "全区新开工项目30个，其中产值超10亿元项目5个，预计2026年建成投用。",
    "5个",
    revises=True,
)
FLOW_TO_DAY = rule(
    _P,
    "flow_to_inherited_day",
    "a flow inheriting a day (年末) covers the year to that day; a stock keeps the day",
    "年末全区常住人口54.1万人。城镇居民人均可支配收入86512元。",
    "86512元",
    revises=True,
)


END_NAMED = rule(
    _P,
    "end_named_in_indicator",
    "an indicator named for the end of its period (季末存栏, 期末余额) is a stock on that period's last day",
    "前三季度，全市生猪季末存栏181.47万头。",
    "181.47万头",
    revises=True,
)
_END_IN_NAME = re.compile(_W["end_in_name"])


def at_end_named(phrase: str | None, period: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    """The last day of `period` when the indicator's name says so (生猪季末存栏 over 1-3季度), else None."""
    start, end = period
    if start == end or not phrase or not _END_IN_NAME.search(phrase):
        return None
    return end, end


def apply_end_named(phrases: list[str | None], periods: list, rules: list[str] | None = None) -> None:
    for i, phrase in enumerate(phrases):
        start, end, inferred = periods[i]
        if (day := at_end_named(phrase, (start, end))) is not None:
            periods[i] = (*day, inferred)
            _revise(rules, i, END_NAMED)


def _revise(rules: list[str] | None, i: int, name: str) -> None:
    if rules is not None:
        first, _, scope = rules[i].partition("@")
        rules[i] = f"{first}>{name}@{scope}"


def apply_following_span(
    seg: Segments, exprs: list[TimeExpr], figures: list[FigureTiming], periods: list, rules: list[str] | None = None
) -> None:
    """年均增长6.5%，由2020年的X增加到2024年的Y: a multiple or CAGR stated before the 从/由…到 it
    sums up runs between the span's years, as it does when stated after it."""
    for i, f in enumerate(figures):
        if f.measure not in ("multiple", "cagr_pct"):
            continue
        s_start, s_end = seg.full.span(f.pos)
        named = [e for e in exprs if s_start <= e.start < s_end and e.kind == "explicit" and not e.comparison]
        if any(e.start < f.pos for e in named):
            continue  # the sentence names its period before the figure
        after = [e for e in named if e.year is not None]
        if len(after) >= 2 and after[0].from_ and not after[1].from_ and after[0].year < after[1].year:
            periods[i] = (dt.date(after[0].year, 1, 1), dt.date(after[1].year, 12, 31), False)
            _revise(rules, i, FOLLOWING_SPAN)


_LIST_GAP = re.compile(r"[、,，]|和|及|与|以及")


def apply_respective_periods(
    seg: Segments, exprs: list[TimeExpr], figures: list[FigureTiming], periods: list, rules: list[str] | None = None
) -> None:
    """2023年和2024年，全区GDP分别为A和B; 一季度、二季度、三季度分别增长…: a list of periods before
    分别 gives the figures after it their periods in order, when they are as many."""
    view = seg.view
    for k in (m.start() for m in re.finditer("分别", view)):
        s_start = seg.full.span(k)[0]
        listed = [e for e in exprs if s_start <= e.start < k and e.kind == "explicit" and e.period and not e.comparison]
        # the run of periods that are listed together (only separators between them)
        run: list[TimeExpr] = []
        for e in listed:
            if run and not _LIST_GAP.fullmatch(view[run[-1].end : e.start]):
                run = []
            run.append(e)
        clause_end = seg.clauses.span(k)[1]
        after = [i for i, f in enumerate(figures) if k < f.pos < clause_end]
        if len(run) >= 2 and len(run) == len(after):
            for i, e in zip(after, run, strict=True):
                periods[i] = (e.period[0], e.period[1], False)
                _revise(rules, i, RESPECTIVE)


def widen_inherited_days(
    seg: Segments,
    exprs: list[TimeExpr],
    positions: list[int],
    periods: list[tuple[dt.date, dt.date, bool]],
    is_flow: list[bool],
    rules: list[str] | None = None,
) -> None:
    """年末全区常住人口54.1万人。城镇居民人均可支配收入86512元: a flow (an amount over time) in a sentence
    naming no time of its own inherits the paragraph's day (年末, 3月末) as the year to that day; a
    stock (人口, 余额) keeps the day. A sentence's own 年末 still holds for any figure of it."""
    for i, pos in enumerate(positions):
        start, end, inferred = periods[i]
        if inferred or start != end or not is_flow[i]:
            continue
        sentence_start = seg.full.span(pos)[0]
        if any(sentence_start <= e.start < pos and not (e.in_title or e.comparison) for e in exprs):
            continue
        periods[i] = (dt.date(end.year, 1, 1), end, False)
        _revise(rules, i, FLOW_TO_DAY)


def apply_planned(
    view: str,
    seg: Segments,
    exprs: list[TimeExpr],
    figures: list[FigureTiming],
    periods: list,
    rules: list[str] | None = None,
) -> None:
    """预计2026年可建成投用 closing a 其中 clause: the planned figures of that clause take the date."""
    for e in exprs:
        if not (e.future and e.kind == "explicit" and e.period):
            continue
        s_start, _s_end = seg.full.span(e.start)
        k = view.rfind("其中", s_start, e.start)
        if k < 0:
            continue
        _q_start, q_end = seg.sentences.span(e.start)
        if any(e.end <= f.pos < q_end for f in figures):
            continue  # 预计2026年投产后可实现年产值120亿元: the date governs what follows it, not the 其中 before
        for i, f in enumerate(figures):
            if k < f.pos < e.start:
                periods[i] = (e.period[0], e.period[1], False)
                _revise(rules, i, PLANNED)
