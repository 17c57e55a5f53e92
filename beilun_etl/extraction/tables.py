"""Figures in pipe tables: `| 指标 | 单位 | 2024年 | 比上年增长(%) |` rows under a `|---|` separator.

Statistical bulletins print their main figures in tables. A row has no verbs, and what a number
means is written once for many numbers: the unit in a 单位 column, a column header (`2024年(亿元)`,
`增长(%)`) or the caption above (`单位：万吨`), the period in the header or the caption. The
sentence rules would read a row as one long sentence and mix up its cells, so extract.py hides the
tables from them (table_layout.mask_tables) and each numeric data cell is read here instead: with
its row's label (indicator, zone), its column's header (period, unit, measure) and the caption
(period, unit, zone). The words are interpreted by the functions the sentence rules use (classify,
IndicatorResolver, ZoneResolver, find_time_expressions, parse_unit), so a table figure means what
the same words mean in prose.

Everything runs on the matching view (half-width: ｜ is |, ％ is %, （ is (), whose offsets are the
stored text's. Whitespace-aligned tables are left to the sentence rules: without bars the columns are
guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from beilun_etl.extraction.candidates import (
    ARABIC,
    CHINESE,
    CN_DIGITS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    QUALIFIER_KIND,
)
from beilun_etl.extraction.indicators import Attribution, IndicatorResolver
from beilun_etl.extraction.lexicon import word_alternations
from beilun_etl.extraction.measures import MeasureInfo, classify
from beilun_etl.extraction.numbers import MULTIPLIERS, parse_number, scale
from beilun_etl.extraction.periods import END_NAMED, at_end_named
from beilun_etl.extraction.rules import rule
from beilun_etl.extraction.table_layout import Row, Span, Table
from beilun_etl.extraction.timeexpr import find_time_expressions
from beilun_etl.extraction.units import UNIT_SURFACES, UNITS, parse_unit
from beilun_etl.extraction.zones import BARE_PORT, OUTSIDE_THE_ZONE, UNKNOWN, ZoneResolver
from beilun_etl.extraction.zoning import MAIN_ZONE

_W = word_alternations("table_words")  # lexicon/table_words.yaml

Period = tuple[dt.date, dt.date]
Unit = tuple[str, float, str | None]  # unit, factor to base units, classifier
_MOST_PEOPLE = 8.5e9  # a count of people above this is a cell written in persons under a header of 万人

_TABLE_NUMBER = re.compile(r"(?:附?表|Table)\s*[\dA-Za-z一二三四五六七八九十]+(?:[-.]\d+)?\s*:?\s*")
# Header words of the columns that are not figures: the row labels (the years of a 年份 column are
# periods), the unit of each row, row numbers.
_LABEL_HEADER = re.compile(rf"(?:主要)?(?:{_W['label_header']})(?:名称)?")
_UNIT_HEADER = re.compile(r"(?:计量)?单位")
_ROW_NUMBER_HEADER = re.compile(r"序号|编号|行次|No\.?|#")
_RANK_HEADER = re.compile(r"位次|排名|名次|排位|位序")
# 全省位次, 占全市比重: the place a rank or share header names is its scope, not the figure's zone
_SCOPE_HEADER = re.compile(r"位次|排名|名次|排位|位序|占|比重|份额")
# 比上年增减(%), ±%: the cell carries its own sign, and the header names no direction
_SIGNED_HEADER = re.compile(r"±|\+/-|增减|增\(减\)")
# A header that names a column's role rather than what it measures: the indicator is elsewhere.
_GENERIC_HEADERS = frozenset(
    {"绝对数", "绝对值", "数值", "数量", "金额", "总量", "实绩", "完成值", "本期", "指标值", "增减"}
)
# 增长速度(%), 增长率(%): a header naming a rate of change, whatever words follow 增长
_GROWTH_RATE_HEADER = re.compile(r"增长(?:速度|率)|增速|增幅")
# 企业数, 单位数, 户数: a header counting units of something; its cells are counts with no unit written
_PLACE_GROUP = re.compile(rf"(?:{_W['place_group_label']})")
# 分县(区)工业总产值, 分地区: a section whose rows are places, each one a place even when the dictionary lacks it
_BY_PLACE = re.compile(rf"(?:{_W['by_place_section']})")
# 产业结构, 增长速度: a section whose name makes its rows' percentages shares or rates of change
_SECTION_SHARE = re.compile(rf"(?:{_W['section_share']})")
_COUNT_HEADER = re.compile(rf"(?:{_W['count_header']})数(?:\(个\)|\(家\))?")
_BRACKET = re.compile(r"\(\s*(?:单位:)?\s*[±+\-]?\s*(?P<unit>[^()]+?)\s*\)")
_CAPTION_UNIT = re.compile(r"单位\s*:\s*(?P<unit>[^\s,，;；、()]+)")
_LABEL_PREFIX = re.compile(
    r"(?:(?:其中|在总计中)\s*:?|#+|\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))\s*"
)
_FOOTNOTE = re.compile(r"\s*(?:\*+|[①-⑳]|\[\d{1,2}\]|[¹²³⁴-⁹]+)$")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")
_UNIT_ALT = "|".join(re.escape(u) for u in UNIT_SURFACES)
# A cell that is one number: 2860.5, 约3000, 6.2%, -3.5, 1.2万, 逾300家, 第3 (in a rank column)
_CELL = re.compile(
    rf"(?P<pre>{PRE_QUALIFIERS})?(?P<ordinal>第)?(?P<sign>[+-])?(?P<num>{ARABIC}|{CHINESE})(?P<q1>余|多)?"
    rf"(?P<mult>万亿|千万|百万|亿|万)?(?P<q2>余|多)?(?P<unit>{_UNIT_ALT})?(?P<post>{POST_QUALIFIERS})?"
)


@dataclass
class TableFigure:
    """One numeric cell read as a figure; extract.py turns it into a record."""

    start: int
    end: int
    row: Span
    value: float  # in base units, before the measure's sign
    unit: str
    classifier: str | None
    qualifier: str
    info: MeasureInfo
    attribution: Attribution | None
    phrase_span: Span  # where the attribution's phrase stands
    share_of: str | None
    zone: str | None
    period: Period
    period_inferred: bool
    trace: dict[str, str]


# The rules of table cells (rules.py): where a cell's indicator, zone, period and measure come from.
# Each dimension tries the row label, the column header, the caption, then a default.
_YEARS = "|指标|2023年|2024年|\n|---|---|---|\n|地区生产总值（亿元）|2985.6|3065.2|\n"
_ZONES = "|指标|北仑区|镇海区|\n|---|---|---|\n|地区生产总值（亿元）|2985.6|1365.6|\n"
_CAPTIONED = "2024年镇海区主要经济指标\n|指标|数值|\n|---|---|\n|地区生产总值（亿元）|1365.6|\n"
ROW_LABEL, COLUMN_HEADER, CAPTION = "row_label", "column_header", "caption"
TABLE_INDICATOR = rule("indicator", "table_labels", "a cell's row label, else its column header", _YEARS, "3065.2")
rule(
    "zone",
    ROW_LABEL,
    "the zone its row label names",
    "|地区|地区生产总值（亿元）|\n|---|---|\n|镇海区|1365.6|\n",
    "1365.6",
)
rule("zone", COLUMN_HEADER, "the zone of the cell's column header", _ZONES, "1365.6")
rule("zone", CAPTION, "the zone the table's caption names", _CAPTIONED, "1365.6")
rule(
    "period",
    ROW_LABEL,
    "the day its row label names (年末常住人口)",
    "|指标|2024年|\n|---|---|\n|年末常住人口（万人）|54.1|\n",
    "54.1",
)
rule("period", COLUMN_HEADER, "the period of the cell's column header", _YEARS, "3065.2")
rule("period", CAPTION, "the period the table's caption names", _CAPTIONED, "1365.6")
_CHANGES = "|指标|2024年|增减（亿元）|\n|---|---|---|\n|地区生产总值（亿元）|2985.6|+120.5|\n"
LEFT_OF_CHANGE = rule(
    "period",
    "left_of_change",
    "a change column without a period of its own, right of the latest period: that period (同比± after 1-11月)",
    _CHANGES,
    "+120.5",
)
LATEST_HEADER = rule(
    "period",
    "latest_header",
    "a column without a period of its own after an earlier one: the latest of the headers",
    "|指标|2024年|2023年|增减（亿元）|\n|---|---|---|---|\n|地区生产总值（亿元）|3065.2|2985.6|+79.6|\n",
    "+79.6",
)
TABLE_DEFAULT = rule(
    "period",
    "table_default",
    "no period in the table: the document's default (inferred)",
    "|指标|数值|\n|---|---|\n|地区生产总值（亿元）|1365.6|\n",
    "1365.6",
)
_SCOPED = "规模以上工业增加值(亿元)\n|  | 11月 | 1-11月 |\n|---|---|---|\n| 工业增加值总计 | 333.4 | 3400.6 |\n| 轻工业 | 94.7 | 913.7 |\n"
CAPTION_SCOPE = rule(
    "indicator",
    "caption_scope",
    "a row label the caption's indicator narrows: its scope (工业增加值总计 under 规模以上工业增加值 is the "
    "above-scale one), or a part of it (轻工业: 轻工业规模以上工业增加值, no code of its own)",
    _SCOPED,
    "333.4",
)
PART_OF_GDP = rule(
    "indicator",
    "part_of_gdp",
    "an industry or sector without a code of its own in a table of GDP (its caption or a column names it): the"
    " value added of that industry",
    "|地区|生产总值(亿元)|工业(亿元)|建筑业(亿元)|\n|---|---|---|---|\n|慈溪|1800.2|1010.5|120.3|\n",
    "1010.5",
)
_VALUE_ADDED = "增加值"
_GDP = "gdp"
_GDP_WORDS = re.compile(r"生产总值|GDP")
RANK_COLUMN = rule(
    "measure",
    "rank_column",
    "a cell of a rank column (位次, 排名)",
    "|地区|地区生产总值（亿元）|位次|\n|---|---|---|\n|北仑区|2985.6|1|\n|镇海区|1365.6|2|\n",
    "2",
)
SIGNED_COLUMN = rule("measure", "signed_column", "a cell of a column of signed numbers (增减)", _CHANGES, "+120.5")
GROWTH_RATE_HEADER = rule(
    "measure",
    "growth_rate_header",
    "a percent cell under a header of growth (增长速度, 增速, 增幅)",
    "|指标|2024年|比上年增长速度（%）|\n|---|---|---|\n|地区生产总值（亿元）|2985.6|6.3|\n",
    "6.3",
)

SECTION_MEASURE = rule(
    "measure",
    "section_measure",
    "a percent cell in a section, else under a caption, named for shares (产业结构, 构成) or for growth (增长速度)",
    "表1 各县生产总值构成(2008)\n单位:%\n地区 Region 第一产业 第二产业 第三产业\n"
    "产业结构 Structure\n慈溪 Cixi 4.7 62.1 33.2\n余姚 Yuyao 5.6 60.4 34.0\n"
    "增长速度 Growth Rate\n慈溪 Cixi 5.1 8.9 9.0\n余姚 Yuyao 5.2 9.6 12.8\n",
    "62.1",
)

# -- reading the words around the cells -------------------------------------------------------


@dataclass
class _Column:
    role: str  # label | unit | skip | data
    words: Span  # the header without its unit
    unit: Unit | None
    rank: bool = False
    signed: bool = False
    period: Period | None = None
    zone: str | None = None


@dataclass
class _Context:
    view: str
    resolver: IndicatorResolver
    zones: ZoneResolver
    default: Period
    main: str

    def period_in(self, span: Span, year: int) -> Period | None:
        """The period a header, label or caption names; relative words (上年, 1-9月) count from `year`."""
        a, b = span
        if _BARE_YEAR.fullmatch(self.view, a, b):
            y = int(self.view[a:b])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        for e in find_time_expressions(self.view[a:b], year, year):
            if e.kind in ("explicit", "current") and e.period and not e.comparison:
                return e.period
        return None

    def zone_in(self, span: Span) -> str | None:
        """The zone a label names (None: none named; UNKNOWN: a place the dictionary lacks)."""
        if span[1] <= span[0]:
            return None
        if OUTSIDE_THE_ZONE.search(self.view, *span) or _PLACE_GROUP.fullmatch(self.view, *span):
            return UNKNOWN  # 域外: the area outside the zone; 市区: a group of places
        found = self.zones.clause_subject(span[0], span[1], label=True)
        return None if found == BARE_PORT else found

    def words_and_unit(self, span: Span) -> tuple[Span, Unit | None]:
        """A header or label without its unit: `金额(亿元)` → 金额 and 亿元; `增长%` → 增长 and %."""
        a, b = span
        for m in _BRACKET.finditer(self.view, a, b):
            unit = parse_unit(m.group("unit"))
            if unit:
                return self._trim(a, m.start()), unit
        if b > a and self.view[b - 1] == "%":
            return self._trim(a, b - 1), parse_unit("%")
        return (a, b), None

    def _trim(self, a: int, b: int) -> Span:
        """Without the sign marks and a bracket left open before the unit (`增长(%` copied without its `)`)."""
        while b > a and self.view[b - 1] in " ±+-(":
            b -= 1
        return a, b


def _column(ctx: _Context, span: Span, year: int) -> _Column:
    text = ctx.view[span[0] : span[1]]
    words, unit = ctx.words_and_unit(span)
    if not text or _ROW_NUMBER_HEADER.fullmatch(text):
        return _Column("skip", words, unit)
    if _LABEL_HEADER.fullmatch(text):
        return _Column("label", words, unit)
    if _UNIT_HEADER.fullmatch(text):
        return _Column("unit", words, unit)
    return _Column(
        "data",
        words,
        unit,
        rank=bool(_RANK_HEADER.search(text)),
        signed=bool(_SIGNED_HEADER.search(text)),
        period=ctx.period_in(words, year),
        zone=None if _SCOPE_HEADER.search(text) else ctx.zone_in(words),
    )


def _label(ctx: _Context, span: Span) -> tuple[Span, Unit | None]:
    """A row label without 其中：, numbering, footnote marks and its unit in brackets."""
    a, b = span
    m = _LABEL_PREFIX.match(ctx.view, a, b)
    if m:
        a = m.end()
    f = _FOOTNOTE.search(ctx.view, a, b)
    if f:
        b = f.start()
    return ctx.words_and_unit((a, b))


def _cell(view: str, span: Span) -> tuple[re.Match[str], int] | None:
    """The number a cell holds, with where its text ends (a footnote mark after it is not part of it)."""
    a, b = span
    f = _FOOTNOTE.search(view, a, b)
    end = f.start() if f and f.start() > a else b
    m = _CELL.fullmatch(view, a, end)
    if m is None:
        return None
    num = m.group("num")
    if not num[0].isdigit() and not CN_DIGITS & set(num):
        return None  # 万, 亿 alone are words
    return m, end


def _is_blank(view: str, span: Span) -> bool:
    """-, —, …, / or nothing: a cell with no figure."""
    return not view[span[0] : span[1]].strip(" -.…/·")


def _percent_measure(ctx: _Context, words: Span | None) -> bool:
    """增长, 增速, 比重, 年均增长 …: words that make the number a percentage when no unit is written."""
    if not words or words[1] <= words[0]:
        return False
    return classify(ctx.view, words[0], words[1], "percent", "number").measure in (
        "growth_pct",
        "cagr_pct",
        "share_pct",
    )


def _measure(
    ctx: _Context, col: _Column, label: Span | None, unit: str, sections: tuple[Span, ...] = ()
) -> MeasureInfo:
    """The measure of a cell: its column's header, else its row's label, else (a percentage) the section it
    is in or the caption (产业结构, 生产总值构成: shares; 增长速度: growth)."""
    if col.rank:
        return MeasureInfo("rank", rule=RANK_COLUMN)
    if col.signed:
        return MeasureInfo(
            {"percent": "growth_pct", "pct_point": "pct_points", "times": "multiple"}.get(unit, "change"),
            rule=SIGNED_COLUMN,
        )
    info = classify(ctx.view, col.words[0], col.words[1], unit, "number")
    if info.measure == "level" and unit == "percent" and _GROWTH_RATE_HEADER.search(ctx.view, *col.words):
        return MeasureInfo("growth_pct", rule=GROWTH_RATE_HEADER)
    if info.measure == "level" and label and label[1] > label[0]:
        info = classify(ctx.view, label[0], label[1], unit, "number")  # a row 地区生产总值增速
    for span in sections if info.measure == "level" and unit == "percent" else ():
        if _GROWTH_RATE_HEADER.search(ctx.view, *span):
            return MeasureInfo("growth_pct", rule=SECTION_MEASURE)
        if _SECTION_SHARE.search(ctx.view, *span):
            return MeasureInfo("share_pct", rule=SECTION_MEASURE)
    return info


def _attribute(ctx: _Context, span: Span, info: MeasureInfo, unit: str) -> tuple[Attribution | None, str | None]:
    """What the words in `span` say the figure measures, as the sentence rules read a clause."""
    a, b = span
    if b <= a:
        return None, None
    r = ctx.resolver
    share_of = None
    if info.measure == "level":
        attr = r.level(span, b, b, unit)
    elif info.measure == "share_pct":
        attr, share_of = r.share(span, b, b)
    elif info.measure == "rank":
        attr = r.rank(span, b)
    else:
        attr = r.change_like(span, b)
    if attr is not None and (not attr.phrase or attr.phrase in _GENERIC_HEADERS):
        attr = None
    return attr, share_of


@dataclass
class _Caption:
    words: list[Span]  # each caption line without its table number (表1)
    unit: Unit | None
    period: Period | None
    zone: str | None


def _read_caption(ctx: _Context, table: Table) -> _Caption:
    """`表1 2024年北仑区主要经济指标` / `单位：万吨`: what holds for every cell the table does not say otherwise."""
    view = ctx.view
    caption = _Caption([], None, None, None)
    for a, b in table.caption:
        m = _TABLE_NUMBER.match(view, a, b)
        span = (m.end() if m else a, b)
        caption.words.append(span)
        u = _CAPTION_UNIT.search(view, a, b)
        caption.unit = caption.unit or (parse_unit(u.group("unit")) if u else None) or ctx.words_and_unit(span)[1]
        caption.period = caption.period or ctx.period_in(span, ctx.default[1].year)
        caption.zone = caption.zone or ctx.zone_in(span)
    return caption


def _label_index(view: str, row: Row, cols: list[_Column], label_column: int | None) -> int | None:
    """The row label: the cell under a 指标/项目/地区… header, else the first cell that is words, not a number."""
    if label_column is not None:
        return label_column if label_column < len(row.cells) else None
    for i, span in enumerate(row.cells):
        if cols[i].role != "unit" and not _is_blank(view, span) and _cell(view, span) is None:
            return i
    return None


def _cell_unit(
    ctx: _Context, m: re.Match[str], col: _Column, label: Span | None, fallbacks: list[Unit | None]
) -> Unit | None:
    """The unit of a cell: written in the cell, else in its column header, else a percentage when the
    header or label names a rate of change or a share (比上年增长, 占比), else the row's 单位 cell, the
    label's bracket (常住人口(万人)) or the caption (单位：万吨), in this order (`fallbacks`).

    The column header comes before the 单位 column: in `| 地区生产总值 | 亿元 | 2860.5 | 6.2 |` under
    `比上年增长(%)`, 亿元 is the unit of the level only."""
    if col.rank:
        return "rank", 1.0, None
    surface = m.group("unit")
    if surface:
        unit, factor = UNITS[surface]
        return unit, factor, surface if unit == "count" else None
    if col.unit:
        return col.unit
    if col.signed or _percent_measure(ctx, col.words) or _percent_measure(ctx, label):
        return parse_unit("%")
    if _COUNT_HEADER.fullmatch(ctx.view, *col.words):
        return "count", 1.0, None
    return next((u for u in fallbacks if u), None)


def _qualifier(m: re.Match[str]) -> str:
    if m.group("post"):
        return QUALIFIER_KIND[m.group("post")]
    if m.group("q1") or m.group("q2"):
        return "more_than"
    return QUALIFIER_KIND[m.group("pre")] if m.group("pre") else "exact"


def _indicator(
    ctx: _Context,
    sources: list[Span | None],
    info: MeasureInfo,
    unit: str,
    previous: tuple[Attribution, Span] | None,
    caption: _Caption,
    of_gdp: bool = False,
) -> tuple[Attribution | None, Span | None, str | None, str]:
    """The indicator (and the rule that found it) from the row label, else the column header, else the figure before it in the row
    (增长(%) after 地区生产总值(亿元)), else a dictionary indicator the caption names. The last is also the
    scope of a row label (`_caption_scoped`)."""
    for k, source in enumerate(sources):
        if source:
            attr, share_of = _attribute(ctx, source, info, unit)
            if attr is not None and attr.code is None and of_gdp:
                code = ctx.resolver.code_of(attr.phrase + _VALUE_ADDED)
                if code is not None:
                    return Attribution(attr.phrase + _VALUE_ADDED, code), source, share_of, PART_OF_GDP
            if attr is not None:
                scoped = _caption_scoped(ctx, attr, caption, info, unit) if k == 0 and share_of is None else None
                return (
                    (scoped, source, share_of, CAPTION_SCOPE) if scoped else (attr, source, share_of, TABLE_INDICATOR)
                )
    if previous is not None:
        prev, span = previous
        code = ctx.resolver.share_code(prev.phrase, prev.code) if info.measure == "share_pct" else prev.code
        return Attribution(prev.phrase, code, inherited=True), span, None, TABLE_INDICATOR
    found = _caption_indicator(ctx, caption, info, unit)
    return (found[0], found[1], None, TABLE_INDICATOR) if found else (None, None, None, "none")


def _caption_indicator(
    ctx: _Context, caption: _Caption, info: MeasureInfo, unit: str
) -> tuple[Attribution, Span] | None:
    """The last dictionary indicator the caption names (规模以上工业增加值(亿元)), with where it stands."""
    for span in reversed(caption.words):
        attr = ctx.resolver.nearest_alias_before(*span, unit=unit if info.measure == "level" else None)
        if attr is not None:
            return attr, span
    return None


def _caption_scoped(
    ctx: _Context, label: Attribution, caption: _Caption, info: MeasureInfo, unit: str
) -> Attribution | None:
    """A row label read within the caption's indicator: the caption's when the label names the same
    indicator without its scope (工业增加值总计 under 规模以上工业增加值: 规模以上 + 工业增加值), the label
    and the caption's words when the label names no indicator of the dictionary (轻工业, 国有企业: a part
    of the caption's whole, with no code of its own). None: the label stands as it is."""
    found = _caption_indicator(ctx, caption, info, unit)
    if found is None or found[0].code is None or found[0].code == label.code:
        return None
    whole, span = found
    if label.code is None:
        return Attribution(label.phrase + whole.phrase, None)
    if ctx.resolver.scoped_code(label.code, ctx.view[span[0] : span[1]]) == whole.code:
        return Attribution(whole.phrase, whole.code)
    return None


def _changes_of_the_zone_left(columns: list[_Column], ctx: _Context) -> list[_Column]:
    """| 域外 | 比去年同期增长(% |, | 镇海区 | 增速 |: a change column naming no zone is the change of the zone
    of the column at its left."""
    for k in range(1, len(columns)):
        col, left = columns[k], columns[k - 1]
        changes = col.signed or _percent_measure(ctx, col.words)
        if col.role == left.role == "data" and col.zone is None and left.zone is not None and changes:
            columns[k] = replace(col, zone=left.zone)
    return columns


def _read_table(ctx: _Context, table: Table) -> list[TableFigure]:
    view = ctx.view
    caption = _read_caption(ctx, table)
    year = (caption.period or ctx.default)[1].year  # what 本年, 上年, 1-9月 in the table count from
    columns = _changes_of_the_zone_left([_column(ctx, span, year) for span in table.header.cells], ctx)
    header_periods = [c.period for c in columns if c.period]
    latest = max(header_periods, key=lambda p: p[1]) if header_periods else None
    # A change column without a period of its own (同比±% after 1-11月(亿元), next to 11月) is the change
    # of the figures to its left when they end with the latest period (a span to date beside its last
    # month); after an earlier year (| 2024年 | 2023年 | 增长 |) it is the latest period's.
    own_or_left: list[Period | None] = []
    for c in columns:
        left = own_or_left[-1] if own_or_left and c.role == "data" else None
        own_or_left.append(c.period or (left if left and latest and left[1] == latest[1] else None))
    label_column = next((i for i, c in enumerate(columns) if c.role == "label"), None)
    # a table of GDP: its caption names it, or a column does (地区 | 生产总值 | 第一产业 | 工业 …)
    of_gdp = any(
        ctx.resolver.code_of(ctx.resolver.clean_phrase(view[a:b])) == _GDP
        for a, b in [*caption.words, *(c.words for c in columns if c.role == "data")]
    ) or any(_GDP_WORDS.search(view, a, b) for a, b in caption.words)
    skip = _Column("skip", (0, 0), None)

    figures: list[TableFigure] = []
    unit_above: Unit | None = None  # 生产总值(亿元) over 第一产业: the parts of a row stand in its unit
    # 分县(区)工业总产值 (a row of a name alone), 水产品总产量 (a row of figures): what the rows of places under it measure
    heading: Span | None = None
    section: Span | None = None  # the name of the section the row is in (产业结构 over rows of places)
    in_persons: set[int] = set()  # the columns under 万人 whose cells are persons (their total has too many)
    for row in table.rows:
        cols = [columns[i] if i < len(columns) else skip for i in range(len(row.cells))]
        li = _label_index(view, row, cols, label_column)
        label, label_unit = _label(ctx, row.cells[li]) if li is not None else (None, None)
        label_zone = ctx.zone_in(label) if label else None
        if label_zone is None and li is not None and li + 1 < len(row.cells) and cols[li + 1].role == "skip":
            label_zone = ctx.resolver.dicts.zone_named_in_english(view[slice(*row.cells[li + 1])])  # 全市 | Ningbo
        # a row naming only a place (定海区 under 分县(区)工业总产值) measures what its section names
        by_place = section is not None and _BY_PLACE.match(view, *section) is not None
        if label and label_zone is None and by_place and not ctx.resolver.code_of(view[label[0] : label[1]]):
            label_zone = UNKNOWN  # 新城 under 分县(区)工业总产值: a place the dictionary lacks
        place_row = label_zone is not None and (
            ctx.resolver.is_anaphoric(ctx.resolver.clean_phrase(view[label[0] : label[1]]))
            or _PLACE_GROUP.fullmatch(view, *label) is not None
            or by_place
        )
        if label and not place_row:
            heading = label
        row_unit = next(
            (parse_unit(view[a:b]) for (a, b), c in zip(row.cells, cols, strict=True) if c.role == "unit"), None
        )
        unit_above = label_unit or row_unit or unit_above
        if label and all(_cell(view, c) is None for k, c in enumerate(row.cells) if k != li):
            section = label
            continue  # a section's name alone: it heads the rows under it, and holds no figure
        previous: tuple[Attribution, Span] | None = None
        for i, (span, col) in enumerate(zip(row.cells, cols, strict=True)):
            column_period = own_or_left[i] if i < len(own_or_left) else None
            found = _cell(view, span) if i != li and col.role == "data" else None
            if found is None:
                continue
            m, text_end = found
            if m.group("ordinal") and not col.rank:
                continue  # 第3批: an ordinal
            unit = _cell_unit(ctx, m, col, label, [row_unit, label_unit, caption.unit, unit_above])
            if unit is None:
                continue  # a number without a unit anywhere is not a figure (as in prose)
            num = m.group("num")
            factor = (MULTIPLIERS[m.group("mult")] if m.group("mult") else 1.0) * unit[1]
            if unit[0] == "person" and factor > 1 and (i in in_persons or parse_number(num) * factor > _MOST_PEOPLE):
                in_persons.add(i)
                factor = 1.0  # 年末数(万人) over 973262: more people than live on earth, so the cells are persons
            value = scale(num, factor) if num[0].isdigit() else parse_number(num) * factor
            info = _measure(ctx, col, label, unit[0], (section, *caption.words) if section else tuple(caption.words))
            attr, phrase_span, share_of, indicator_rule = _indicator(
                ctx,
                [None if place_row else label, col.words, heading if place_row else None],
                info,
                unit[0],
                previous,
                caption,
                of_gdp,
            )
            if attr is not None and phrase_span is not None:
                previous = (attr, phrase_span)
            zone = label_zone or col.zone or caption.zone or ctx.main
            zone_rule = (
                ROW_LABEL if label_zone else COLUMN_HEADER if col.zone else CAPTION if caption.zone else MAIN_ZONE
            )
            # a label's 年末 (年末常住人口) falls in its column's year
            label_period = (
                ctx.period_in(label, (col.period or caption.period or ctx.default)[1].year) if label else None
            )
            period = label_period or column_period or caption.period or latest
            end_named = at_end_named(ctx.view[label[0] : label[1]] if label else None, period or ctx.default)
            period_rule = (
                END_NAMED
                if end_named
                else ROW_LABEL
                if label_period
                else COLUMN_HEADER
                if col.period
                else LEFT_OF_CHANGE
                if column_period
                else CAPTION
                if caption.period
                else LATEST_HEADER
                if latest
                else TABLE_DEFAULT
            )
            figures.append(
                TableFigure(
                    start=m.start(),
                    end=text_end,
                    row=(row.start, row.end),
                    value=round(-value if m.group("sign") == "-" else value, 10),
                    unit=unit[0],
                    classifier=unit[2],
                    qualifier=_qualifier(m),
                    info=info,
                    attribution=attr,
                    phrase_span=phrase_span or span,
                    share_of=share_of,
                    zone=None if zone == UNKNOWN else zone,
                    period=end_named or period or ctx.default,
                    period_inferred=period is None and end_named is None,
                    trace={
                        "indicator": indicator_rule,
                        "zone": zone_rule,
                        "period": period_rule,
                        "period_scope": "table",
                        "measure": info.rule,
                    },
                )
            )
    return figures


def table_figures(
    view: str, tables: list[Table], resolver: IndicatorResolver, zones: ZoneResolver, default: Period, main: str
) -> list[TableFigure]:
    """Every figure of the tables, in text order.

    `view` is the full matching view (tables included), `resolver` and `zones` work on it; `default`
    is the document's default period (the year in its title, else the publication year) and `main`
    the article's main zone: they apply to a cell when neither its row, its column nor the caption
    names a period or a zone."""
    ctx = _Context(view, resolver, zones, default, main)
    return [f for t in tables for f in _read_table(ctx, t)]
