"""The indicator of each figure of the sentence rules: cascades of small named rules.

A figure's measure picks its cascade (a level, a share, a rank, or a change-like figure: growth,
change, multiple, points); the rules of the cascade are tried in order and the first that answers
wins. Two rules come before every cascade (a part of a ratio, the tail of a 分别 list), two revise the
answer after it (the n-th indicator of a 分别 list, the part of a 其中 total). The rule names and their
examples are in the registry (rules.py) and in docs/extraction.md; the name that decided is the
figure's trace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from beilun_etl.extraction.candidates import Candidate
from beilun_etl.extraction.dictionaries import Indicator
from beilun_etl.extraction.indicators import Attribution, IndicatorResolver
from beilun_etl.extraction.leadins import LeadIns
from beilun_etl.extraction.lexicon import LEX, word_alternations
from beilun_etl.extraction.links import is_respectively_tail, sub_indicator
from beilun_etl.extraction.measures import SHARE_OF_WHOLE, MeasureInfo
from beilun_etl.extraction.rules import rule
from beilun_etl.extraction.segments import Segments
from beilun_etl.extraction.zoning import COMPARED_WITH, title_span

_W = word_alternations("indicator_words")  # lexicon/indicator_words.yaml

_RATIO_PARTS = ("value_added_primary", "value_added_secondary", "value_added_tertiary")


_RATIO_NAMES = ("第一产业增加值", "第二产业增加值", "第三产业增加值")


_ADDED = rf"(?:{_W['added']})"


_NEW_PREFIX = re.compile(_ADDED)


_ADDED_BEFORE = re.compile(_ADDED + "了?$")


# 企业6.1万家，其中近四成为科技型企业: a percentage opening its clause, then the part it names
# 近四成为科技型企业 (the part's members); 全市50%以上的生产总值 (of the whole's indicator: the part's is the same)
_PART_NAMED_AFTER = re.compile(r"(?:以上|左右)?(?:为|是|(?P<of>的))(?=[\u4e00-\u9fff])")


_OPENS_CLAUSE = re.compile(r"(?:其中|[，,、\s])*")


_RUNNING_TOTAL = re.compile(r"累计|总数|总量|共计|总计")


def _new_ones_or_all(
    view: str, clause_start: int, start: int, inherited: Attribution | None, resolver: IndicatorResolver
) -> Attribution | None:
    """An inherited count, told apart from the new ones or the total it follows:
    新增…企业12家，累计达58家: a running total after the new ones counts them all, old and new;
    高新技术企业1026家，五年净增600余家: new ones after a total are a flow of their own."""
    if inherited is None:
        return None
    new = _NEW_PREFIX.match(inherited.phrase)
    running_total = _RUNNING_TOTAL.search(view, clause_start, start)
    if running_total and (new or inherited.code is None):
        # 新增国家级单项冠军企业18家(phrase without 新增 when the new ones were told apart), 累计达63家
        things = inherited.phrase[new.end() :] if new else inherited.phrase
        return Attribution(things, resolver.code_of(things), inherited=True)
    added = _ADDED_BEFORE.search(view[clause_start:start])
    if new is None and added:
        things = added.group().rstrip("了") + inherited.phrase
        return Attribution(things, resolver.code_of(things), inherited=True)
    return inherited


# A quantity in a unit no figure has (120.5亿千瓦时): not a year, a date or a code like 5G or PM2.5.
_UNLISTED_QUANTITY = re.compile(r"(?<![\dA-Za-z.])\d+(?:\.\d+)?(?:万亿|亿|万|千)?(?=[\u4e00-\u9fff])(?![年月日号])")


# One in a unit of measurement (24微克/立方米, 68.2亿千瓦时): what a growth after it in the sentence is of,
# rather than a figure before it
_MEASURED_QUANTITY = re.compile(_UNLISTED_QUANTITY.pattern + rf"(?=(?:万|亿)?(?:{_W['measured_quantity']}))")


def _subject_of_unlisted_quantity(
    view: str,
    seg: Segments,
    cands: list[Candidate],
    i: int,
    resolver: IndicatorResolver,
    quantity: re.Pattern[str] = _UNLISTED_QUANTITY,
) -> Attribution | None:
    """全社会用电量120.5亿千瓦时，增长6.1%: the growth is of the quantity stated before it in the
    sentence, in a unit no figure has, not of a figure of an earlier sentence."""
    # after the figure before it, when that one stands in the same sentence (candidates come in text order)
    lo = max(seg.full.span(cands[i].num_start)[0], cands[i - 1].end if i else 0)
    quantities = list(quantity.finditer(view, lo, seg.clauses.span(cands[i].num_start)[0]))
    if not quantities:
        return None
    start = quantities[-1].start()
    return resolver.change_like(seg.clauses.span(start), start)


def _indicator_of_clause_before(
    seg: Segments, cands: list[Candidate], i: int, resolver: IndicatorResolver
) -> Attribution | None:
    """规上工业增加值增长8.2%，高技术制造业增加值保持较快增长，增长12.3%: a clause without a figure that
    names an indicator of the dictionary, between the figure before and this one, is what grows."""
    sentence_start = seg.full.span(cands[i].num_start)[0]
    after = max(sentence_start, cands[i - 1].end if i else 0)
    k = seg.clauses.index(cands[i].num_start) - 1
    while k >= 0 and seg.clauses.spans[k][0] >= after:
        found = resolver.change_like(seg.clauses.spans[k], seg.clauses.spans[k][1])
        if found is not None and found.code is not None:
            return found
        k -= 1
    return None


def _labelled_clause(view: str, seg: Segments, pos: int) -> tuple[int, int]:
    """The clause at `pos`, with the label before a colon that opens it (R&D经费支出占GDP比重：3.6%):
    the label says what the figure is."""
    cs, ce = seg.clauses.span(pos)
    return (seg.clauses.span(cs - 1)[0], ce) if cs and view[cs - 1] in ":：" else (cs, ce)


def _part_named_after(view: str, clause_start: int, c: Candidate) -> bool:
    """近四成为科技型企业: a percentage opening its clause, then 为 and the part it names."""
    named = _PART_NAMED_AFTER.match(view, c.end)
    return bool(_OPENS_CLAUSE.fullmatch(view, clause_start, c.start) and named and not named["of"])


def _whole_before(
    i: int,
    cands: list[Candidate],
    infos: list[MeasureInfo],
    attributions: list[Attribution | None],
    seg: Segments,
) -> str | None:
    """The indicator of the last level before figure `i` in its sentence: what its share is of."""
    sent = seg.full.index(cands[i].num_start)
    for j in range(i - 1, -1, -1):
        if seg.full.index(cands[j].num_start) != sent:
            return None
        if infos[j].measure == "level" and attributions[j] is not None:
            return attributions[j].phrase
    return None


def _closes_a_bracket(gap: str) -> bool:
    return gap.count(")") + gap.count("）") > gap.count("(") + gap.count("（")


def _inherit(
    i,
    cands,
    attributions,
    seg: Segments,
    same_unit: bool = False,
    infos=None,
    within_paragraph: bool = False,
    prefer_coded: bool = False,
) -> Attribution | None:
    """The indicator of the previous figure in the sentence (or, for a level, the paragraph), not one in
    brackets closed before it.

    A rank prefers the nearest figure with a dictionary indicator: 北仑以137.5亿元之差位居第二
    ranks the 地区生产总值 named before, not the gap."""
    fallback: Attribution | None = None
    sent = seg.full.index(cands[i].num_start)
    para = seg.paragraphs.index(cands[i].num_start)
    clause = seg.clauses.index(cands[i].num_start)
    for j in range(i - 1, -1, -1):
        same_sentence = seg.full.index(cands[j].num_start) == sent
        paragraph_ok = (same_unit or within_paragraph) and seg.paragraphs.index(cands[j].num_start) == para
        if not same_sentence and not paragraph_ok:
            break
        if same_unit and (cands[j].unit != cands[i].unit or (infos and infos[j].measure != "level")):
            continue
        if _closes_a_bracket(seg.view[cands[j].end : cands[i].start]):
            continue  # 进出口总额10.1万亿元(其中，出口6万亿元…)，同比增长1%: not a figure inside the brackets
        if attributions[j] is not None:
            prev = attributions[j]
            found = Attribution(prev.phrase, prev.code, inherited=True)
            if not prefer_coded or prev.code or seg.clauses.index(cands[j].num_start) != clause:
                return found
            fallback = fallback or found
    return fallback


@dataclass
class Scene:
    """What the rules of one article read: the view, its segments, the figures and the answers so far."""

    view: str
    seg: Segments
    resolver: IndicatorResolver
    leadins: LeadIns
    cands: list[Candidate]
    infos: list[MeasureInfo]
    attributions: list[Attribution | None] = field(default_factory=list)
    shares_of: list[str | None] = field(default_factory=list)
    share_of: str | None = None  # of the figure being decided
    # the words of the coded figures decided so far, by their first character (abbreviation)
    coded_words: dict[str, dict[str, str]] = field(default_factory=dict)
    coded_upto: int = 0

    def coded_words_before(self, i: int) -> dict[str, dict[str, str]]:
        """first character -> words -> code of the figures before `i` with a code of their own."""
        for attr in self.attributions[self.coded_upto : i]:
            if attr is not None and attr.code and not attr.inherited and attr.phrase:
                self.coded_words.setdefault(attr.phrase[0], {}).setdefault(attr.phrase, attr.code)
        self.coded_upto = max(self.coded_upto, i)
        return self.coded_words

    def clause(self, i: int) -> tuple[int, int]:
        return self.seg.clauses.span(self.cands[i].num_start)

    def unit_if_level(self, i: int) -> str | None:
        return self.cands[i].unit if self.infos[i].measure == "level" else None


Step = Callable[[Scene, int], Attribution | None]


Revision = Callable[[Scene, int, Attribution], Attribution | None]  # a rule that revises an answer


@dataclass(frozen=True)
class NamedRule:
    name: str
    apply: Callable[..., Attribution | None]  # a Step, or a Revision for a rule that revises


def _named(
    name: str, description: str, example: str, figure: str, revises: bool = False
) -> Callable[[Step | Revision], NamedRule]:
    def wrap(fn: Step | Revision) -> NamedRule:
        return NamedRule(rule("indicator", name, description, example, figure, revises=revises), fn)

    return wrap


@_named(
    "ratio_part", "a part of a 三次产业 ratio is that sector's value added", "三次产业结构为1.2:45.6:53.2。", "45.6"
)
def ratio_part(s: Scene, i: int) -> Attribution | None:
    if s.cands[i].kind != "ratio":
        return None
    part = s.cands[i].ratio_part or 0
    s.share_of = "地区生产总值"
    return Attribution(_RATIO_NAMES[part], _RATIO_PARTS[part])


@_named(
    "respectively_tail",
    "the later values of 分别X和Y measure what the first one does",
    "出口和进口分别占全市的36.2%和38.5%。",
    "38.5%",
)
def respectively_tail(s: Scene, i: int) -> Attribution | None:
    if not i or s.attributions[i - 1] is None:
        return None
    if not is_respectively_tail(s.view, s.cands[i - 1], s.cands[i], s.clause(i)[0]):
        return None
    prev = s.attributions[i - 1]
    s.share_of = s.shares_of[i - 1]  # 分别占全市的36.2%和38.5%: of the same whole
    return Attribution(prev.phrase, prev.code, inherited=True)


@_named(
    "compared_figure",
    "快于鄞州的6.1%: the figure a figure is compared with measures what that figure does",
    "北仑规上工业增加值增长8.5%，快于鄞州的6.1%。",
    "6.1%",
)
def compared_figure(s: Scene, i: int) -> Attribution | None:
    if not i or s.attributions[i - 1] is None or s.cands[i - 1].unit != s.cands[i].unit:
        return None
    if s.seg.full.index(s.cands[i - 1].num_start) != s.seg.full.index(s.cands[i].num_start):
        return None
    if not COMPARED_WITH.search(s.view, s.clause(i)[0], s.cands[i].start):
        return None
    prev = s.attributions[i - 1]
    s.share_of = s.shares_of[i - 1]
    return Attribution(prev.phrase, prev.code, inherited=True)


@_named(
    "alias_in_clause",
    "the nearest dictionary alias before a level in its clause, units agreeing",
    "全区实现地区生产总值1365.56亿元。",
    "1365.56亿元",
)
def alias_in_clause(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    return s.resolver.level(s.clause(i), c.start, c.end, c.unit)


@_named(
    "lead_in",
    "the indicator named before a colon for the items of the list after it",
    "上半年主要区县地区生产总值如下：北仑区1421.6亿元，鄞州区1453.2亿元。",
    "1453.2亿元",
)
def lead_in(s: Scene, i: int) -> Attribution | None:
    return s.leadins.attribution(s.cands[i].num_start, s.unit_if_level(i))


@_named(
    "level_before_same_unit",
    "a level inherits the level before it in the same unit (sentence or paragraph; a level of an earlier"
    " sentence yields to a dictionary alias of the figure's own); 新增/累计 tell new ones from all",
    "新增高新技术企业12家，累计达58家。",
    "58家",
)
def level_before_same_unit(s: Scene, i: int) -> Attribution | None:
    attr = _inherit(i, s.cands, s.attributions, s.seg, same_unit=True, infos=s.infos)
    if attr is not None and not _level_before_in_sentence(s, i):
        own = alias_in_sentence.apply(s, i)  # 实现地区生产总值14594.9亿元…。人均GDP…达到153922元
        if own is not None and own.code:
            return None
    return _new_ones_or_all(s.view, s.clause(i)[0], s.cands[i].start, attr, s.resolver)


def _level_before_in_sentence(s: Scene, i: int) -> bool:
    """Whether a level in the figure's unit stands before it in its sentence."""
    sentence_start = s.seg.full.span(s.cands[i].num_start)[0]
    for j in range(i - 1, -1, -1):
        if s.cands[j].num_start < sentence_start:
            return False
        if s.cands[j].unit == s.cands[i].unit and s.infos[j].measure == "level":
            return True
    return False


@_named(
    "alias_in_sentence",
    "the nearest dictionary alias before the figure in its sentence",
    "凭借2023年规上工业总产值的领先，北仑位居全省第一。",
    "全省第一",
)
def alias_in_sentence(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    return s.resolver.nearest_alias_before(s.seg.full.span(c.num_start)[0], c.start, unit=s.unit_if_level(i))


@_named(
    "alias_after_in_sentence",
    "a rank naming nothing before it ranks the first dictionary indicator after it in its sentence",
    "鄞州区居首，GDP总量达1628.3亿元。",
    "居首",
)
def alias_after_in_sentence(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    after = s.resolver.aliases_between(c.end, s.seg.full.span(c.num_start)[1])
    return Attribution(after[0][2], s.resolver.code_of(after[0][2])) if after else None


@_named(
    "alias_in_title",
    "the dictionary alias of the title",
    "宁波各区县GDP排名\n北仑区以2985.6亿元位居全市第一。",
    "2985.6亿元",
)
def alias_in_title(s: Scene, i: int) -> Attribution | None:
    return s.resolver.nearest_alias_before(*title_span(s.seg), unit=s.cands[i].unit)


@_named(
    "figure_before",
    "the indicator of the figure before it in the sentence",
    "进口额55.4亿元，增长5.6%。",
    "5.6%",
)
def figure_before(s: Scene, i: int) -> Attribution | None:
    return _inherit(i, s.cands, s.attributions, s.seg)


@_named(
    "share_part",
    "the part before 占 (X占比 names a share indicator)",
    "高新技术产业增加值占规上工业的比重为70.3%。",
    "70.3%",
)
def share_part(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    if s.infos[i].rule == SHARE_OF_WHOLE:
        return None  # 全市50%以上的生产总值: the part is named after it (part_named_after)
    attr, s.share_of = s.resolver.share(_labelled_clause(s.view, s.seg, c.num_start), c.start, c.end)
    return attr


@_named(
    "part_named_after",
    "a percentage opening its clause, then 为 and the part it names; a share of a whole, then 的 and what it measures",
    "全区企业6.1万家，其中近四成为科技型企业。",
    "近四成",
)
def part_named_after(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    named_after = _PART_NAMED_AFTER.match(s.view, c.end)
    if named_after is None:
        return None
    s.share_of = s.share_of or _whole_before(i, s.cands, s.infos, s.attributions, s.seg)
    noun = s.resolver.noun_after(named_after.end(), s.clause(i)[1])
    return Attribution(noun, s.resolver.code_of(noun) if named_after["of"] else None)


@_named(
    "figure_before_share", "a share of the figure before it in the sentence", "出口2705.8亿元，占全市的36.2%。", "36.2%"
)
def figure_before_share(s: Scene, i: int) -> Attribution | None:
    prev = _inherit(i, s.cands, s.attributions, s.seg)
    if prev is None:
        return None
    return Attribution(prev.phrase, s.resolver.share_code(prev.phrase, prev.code, s.share_of), inherited=True)


@_named(
    "ranked_in_clause",
    "what the clause of a rank names (the place is not the indicator)",
    "北仑区港口货物吞吐量居全省第一。",
    "全省第一",
)
def ranked_in_clause(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    found = s.resolver.rank(s.clause(i), c.start)
    if found is None or found.code is None:
        inside = s.resolver.aliases_between(c.start, c.end)  # 蝉联全球货物吞吐量榜首: named within the rank's words
        if inside:
            return Attribution(inside[-1][2], s.resolver.code_of(inside[-1][2]))
    return found


@_named(
    "coded_figure_before",
    "a rank ranks the nearest figure before it with a dictionary indicator",
    "北仑区地区生产总值2985.6亿元，以137.5亿元之差位居第二。",
    "第二",
)
def coded_figure_before(s: Scene, i: int) -> Attribution | None:
    return _inherit(i, s.cands, s.attributions, s.seg, prefer_coded=True)


@_named("change_in_clause", "what the clause of a growth or change names", "全年外贸进出口总额比上年增长2.1%。", "2.1%")
def change_in_clause(s: Scene, i: int) -> Attribution | None:
    return s.resolver.change_like(s.clause(i), s.cands[i].start)


@_named(
    "indicator_of_clause_before",
    "a clause without a figure that names a dictionary indicator, right before",
    "固定资产投资方面，镇海区增长8.2%，象山县下降0.8%。",
    "8.2%",
)
def indicator_of_clause_before(s: Scene, i: int) -> Attribution | None:
    return _indicator_of_clause_before(s.seg, s.cands, i, s.resolver)


@_named(
    "measured_quantity_before",
    "a quantity in a unit of measurement before it in the sentence (68.2亿千瓦时)",
    "全社会用电量120.5亿千瓦时，增长6.1%。",
    "6.1%",
)
def measured_quantity_before(s: Scene, i: int) -> Attribution | None:
    return _subject_of_unlisted_quantity(s.view, s.seg, s.cands, i, s.resolver, _MEASURED_QUANTITY)


@_named(
    "unlisted_quantity_before",
    "a quantity in a unit no figure has, before it in the sentence",
    "全年发电量68.2亿度，增长6.1%。",
    "6.1%",
)
def unlisted_quantity_before(s: Scene, i: int) -> Attribution | None:
    return _subject_of_unlisted_quantity(s.view, s.seg, s.cands, i, s.resolver)


@_named(
    "figure_before_in_paragraph",
    "the indicator of a figure before it in the paragraph",
    "全区实现地区生产总值1365.56亿元。同比增长6.1%。",
    "6.1%",
)
def figure_before_in_paragraph(s: Scene, i: int) -> Attribution | None:
    return _inherit(i, s.cands, s.attributions, s.seg, within_paragraph=True)


@_named(
    "alias_in_paragraph",
    "the nearest dictionary alias before the figure in its paragraph",
    "全区外贸进出口总额再创新高。同比增长5.1%。",
    "5.1%",
)
def alias_in_paragraph(s: Scene, i: int) -> Attribution | None:
    c = s.cands[i]
    return s.resolver.nearest_alias_before(s.seg.paragraphs.span(c.num_start)[0], c.start)


@_named(
    "unit_of_one_indicator",
    "a level in a unit only one indicator is counted in (标准箱: 集装箱吞吐量), nothing else naming it",
    "上海以973.97万个标准箱居世界第一位。",
    "973.97万个标准箱",
)
def unit_of_one_indicator(s: Scene, i: int) -> Attribution | None:
    indicator = _unit_indicator(s, i)
    return Attribution(indicator.name_zh, indicator.code) if indicator else None


def _unit_indicator(s: Scene, i: int) -> Indicator | None:
    """The one indicator the figure's unit is counted in (lexicon/units.yaml unit_indicators), if any."""
    return s.resolver.dicts.indicators.get(LEX.unit_indicators.get(s.cands[i].unit, ""))


# The cascades, in the order their rules are tried
BEFORE_ALL = (ratio_part, respectively_tail, compared_figure)
CASCADES: dict[str, tuple[NamedRule, ...]] = {
    "level": (
        alias_in_clause,
        lead_in,
        level_before_same_unit,
        alias_in_sentence,
        alias_in_title,
        figure_before,
        unit_of_one_indicator,
    ),
    "share_pct": (share_part, part_named_after, figure_before_share),
    "rank": (
        ranked_in_clause,
        coded_figure_before,
        lead_in,
        alias_in_sentence,
        alias_in_title,
        alias_after_in_sentence,
    ),
    "change_like": (
        change_in_clause,
        indicator_of_clause_before,
        measured_quantity_before,
        figure_before,
        unlisted_quantity_before,
        lead_in,
        figure_before_in_paragraph,
        alias_in_paragraph,
    ),
}
# -- revisions: run after the cascade, on its answer ------------------------------------------


# 城镇人口占总人口的比重(即城镇化率)为80.9%: the name of the figure, given in brackets right before it
_BRACKETED_NAME = re.compile(
    r"[(（](?:即|简称|下称|以下简称)?(?P<name>[^()（）\d，,。；;]{2,16})[)）]\s*(?:为|是|达到?)?$"
)
_SHARE_WORDS = frozenset({"占", "占比", "比重", "所占比重", "占比重"})


@_named(
    "bracketed_name",
    "a dictionary name in brackets right before the figure names it (…的比重(即城镇化率)为80.9%)",
    "城镇人口占总人口的比重(即城镇化率)为80.9%。",
    "80.9%",
    revises=True,
)
def bracketed_name(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    c = s.cands[i]
    m = _BRACKETED_NAME.search(s.view, s.clause(i)[0], c.start)
    if m is None:
        return None
    code = s.resolver.code_of(m["name"])
    return Attribution(m["name"], code) if code and code != attr.code else None


_MIN_SHARED_ENDING = 3  # 吞吐量: words that end an indicator's name, after a place or a verb


def _shared_ending(phrase: str, name: str) -> int:
    """How many characters a phrase and a name end with in common."""
    n = 0
    while n < min(len(phrase), len(name)) and phrase[-1 - n] == name[-1 - n]:
        n += 1
    return n


def _general_indicator_ending(s: Scene, i: int, phrase: str) -> Indicator | None:
    """The general indicator a bare ending names in the figure's unit (年吞吐量 in 吨: 货物吞吐量;
    lexicon/units.yaml ending_indicators)."""
    for ending, by_unit in LEX.ending_indicators.items():
        if phrase.endswith(ending) and s.cands[i].unit in by_unit:
            return s.resolver.dicts.indicators.get(by_unit[s.cands[i].unit])
    return None


@_named(
    "short_name",
    "words without a code that end the name of an indicator named before in the paragraph (增加值 after"
    " 规模以上工业增加值; 占比 after a share), or of the one indicator its unit counts (吞吐量 in 标准箱; words"
    " naming nothing, 首季只处理, before 标准箱 too)",
    "全市规模以上工业增加值同比增长3.4%，其中10月份增加值同比增长7.3%。",
    "7.3%",
    revises=True,
)
def short_name(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    if attr.code is not None or attr.inherited:
        return None
    phrase = attr.phrase
    default = _unit_indicator(s, i)
    if default is not None and len(phrase) >= 2 and default.name_zh.endswith(phrase):
        return Attribution(phrase, default.code)  # 吞吐量339.47万标准箱: the one indicator counted in boxes
    if default is not None and _shared_ending(phrase, default.name_zh) >= _MIN_SHARED_ENDING:
        return Attribution(phrase, default.code)  # 从宁波舟山港吞吐量超100万标准箱: a place, then 吞吐量
    if default is not None and _HANDLING_ONLY.fullmatch(phrase):
        return Attribution(default.name_zh, default.code)  # 首季只处理485.1万个标箱: words that name nothing
    if general := _general_indicator_ending(s, i, phrase):
        return Attribution(phrase, general.code)  # 年吞吐量11亿吨: 货物吞吐量, not 机场货邮吞吐量
    para = s.seg.paragraphs.index(s.cands[i].num_start)
    for j in range(i - 1, -1, -1):
        if s.seg.paragraphs.index(s.cands[j].num_start) != para:
            return None
        earlier = s.attributions[j]
        if earlier is None:
            continue
        if phrase in _SHARE_WORDS and s.infos[j].measure == "share_pct" and earlier.code:
            return Attribution(earlier.phrase, earlier.code, inherited=True)
        if len(phrase) >= 2 and len(earlier.phrase) > len(phrase) and earlier.phrase.endswith(phrase):
            code = earlier.code if s.infos[j].measure != "share_pct" else s.resolver.code_of(earlier.phrase)
            if code:
                return Attribution(earlier.phrase, code, inherited=True)
    return None


@_named(
    "statistical_scope",
    "a statistical scope (规上, 规模以上, 限上) before the indicator in its clause: the indicator over that scope"
    " (规上工业…完成工业增加值 is 规模以上工业增加值)",
    "全部规上工业1-10月实际完成工业增加值252.5亿元。",
    "252.5亿元",
    revises=True,
)
def statistical_scope(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    if attr.code is None or s.infos[i].measure == "share_pct":
        return None
    scoped = s.resolver.scoped_code(attr.code, s.view[s.clause(i)[0] : s.cands[i].start])
    return Attribution(attr.phrase, scoped, attr.share_of, attr.inherited) if scoped else None


_SCOPES = [
    (LEX.word_lists["indicator_words"][f"document_scope_{k}"], LEX.word_lists["indicator_words"][f"sentence_scope_{k}"])
    for k in ("industry", "trade")
]
_HOLDER_THEN_VERB = re.compile(
    "^(?:" + "|".join(holder for _scope, holders in _SCOPES for holder in holders) + ")(?:共|累计|全年)?(?:实现|完成)?"
)
_OWN_LEVEL = re.compile(f"^(?:{_W['document_scope_own_level']})")
_SHORT_NAME = 5  # a short name (产值, 销售产值) is this long at most


@_named(
    "document_scope",
    "a short name without a code (产值, 销售产值) in a text whose opening names a statistical scope (全部规上工业…),"
    " or in a sentence whose figures that scope holds (27家规模以上企业实现产值…,实现增加值…): the indicator over that scope",
    "全部规上工业1-10月完成工业增加值252.5亿元。全区1-10月完成销售产值1124.55亿元。",
    "1124.55亿元",
    revises=True,
)
def document_scope(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    if attr.code is not None or attr.inherited:
        return None
    name = _OWN_LEVEL.sub("", attr.phrase)  # 本级产值: the place's own 产值
    name = name[holder.end() :] if (holder := _HOLDER_THEN_VERB.match(name)) else name
    if not 2 <= len(name) <= _SHORT_NAME:
        return None
    sentence = s.view[s.seg.full.span(s.cands[i].num_start)[0] : s.cands[i].start]
    for scope, holders in _SCOPES:
        if any(word in s.seg.opening for word in scope) or any(word in sentence for word in holders):
            for word in scope:
                if code := s.resolver.code_of(word + name):
                    return Attribution(attr.phrase if holder else word + name, code)  # the holder's words stay
    return None


_OUTPUT = "产量"
_HANDLING_ONLY = re.compile(f"(?:{_W['handling_only']})+")


@_named(
    "product_output",
    "a product named with an amount in the unit of its output (鋼材7307萬噸, 汽车160.5万辆): the output of that"
    " product, when the dictionary has it in that unit",
    "主要产品中，钢材7307万吨，汽车160.5万辆。",
    "7307万吨",
    revises=True,
)
def product_output(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    if attr.code is not None or attr.inherited or s.infos[i].measure != "level":
        return None
    name = attr.phrase + _OUTPUT
    code = s.resolver.code_of(name)
    indicator = s.resolver.dicts.indicators.get(code or "")
    return Attribution(name, code) if indicator is not None and indicator.unit == s.cands[i].unit else None


@_named(
    "completed_by_figure_before",
    "a short name without a code after a figure of its sentence, completed by that figure's words: the holder"
    " they begin with (生猪年末存栏965万头，年内出栏1725万头: 生猪出栏) or the measure they end with"
    " (重工业增加值增长13.7%，轻工业增长12.1%: 轻工业增加值)",
    "生猪年末存栏965万头，年内出栏1725万头。",
    "1725万头",
    revises=True,
)
def completed_by_figure_before(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    if attr.code is not None or attr.inherited or not 2 <= len(attr.phrase) <= _SHORT_NAME:
        return None
    sentence = s.seg.full.index(s.cands[i].num_start)
    for j in range(i - 1, -1, -1):
        if s.seg.full.index(s.cands[j].num_start) != sentence:
            return None
        earlier = s.attributions[j]
        if earlier is None:
            continue
        words = earlier.phrase
        for name in (
            *(words[:k] + attr.phrase for k in range(len(words) - 1, 1, -1)),
            *(attr.phrase + words[k:] for k in range(1, len(words) - 1)),
        ):
            if code := s.resolver.code_of(name):
                return Attribution(name, code)
        return None
    return None


_MIN_ABBREVIATION = 4  # 规工收入: shorter ones (规上) are words of the dictionary or of scopes


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` is an abbreviation of `full`: its first character, then the others in order with
    at least one left out between, the last two kept together (规工收入 of 规模以上工业企业收入总额)."""
    if short[0] != full[0] or short in full or short[-2:] not in full:
        return False
    k = 0
    for ch in short:
        k = full.find(ch, k) + 1
        if not k:
            return False
    return True


@_named(
    "abbreviation",
    "words without a code that end in an abbreviation of the words of a figure with a code before it in"
    " the text (规工收入 after 规模以上工业企业收入总额): that figure's indicator",
    "全区规模以上工业企业收入总额2219.9亿元。北仑规工收入增长了10.3%。",
    "10.3%",
    revises=True,
)
def abbreviation(s: Scene, i: int, attr: Attribution) -> Attribution | None:
    if attr.code is not None or attr.inherited:
        return None
    phrase = attr.phrase
    coded = s.coded_words_before(i)
    for start in range(len(phrase) - _MIN_ABBREVIATION + 1):
        for words, code in coded.get(phrase[start], {}).items():
            if _abbreviates(phrase[start:], words):
                return Attribution(phrase, code)
    return None


REVISIONS = (
    bracketed_name,
    short_name,
    statistical_scope,
    product_output,
    document_scope,
    completed_by_figure_before,
    abbreviation,
)

RESPECTIVELY_LIST = rule(
    "indicator",
    "respectively_list",
    "出口、进口分别增长5.2%和3.1%, 城镇和农村居民人均可支配收入达到73860元和42794元, 存贷款余额…和…: the n-th"
    " value of a list measures the n-th listed indicator (heads sharing a tail, a contraction, holders of the alias"
    " after 分别实现; 分别 or not); one value for all of them (均增长12%) the first listed",
    "出口、进口分别增长5.2%和3.1%。",
    "3.1%",
    revises=True,
)
PART_OF_TOTAL = rule(
    "indicator",
    "part_of_total",
    "a 其中 part of a total takes the total's prefix (跨境电商进口额)",
    "跨境电商进出口总额597.7亿元，其中进口额211.41亿元。",
    "211.41亿元",
    revises=True,
)
NO_INDICATOR = "none"


def _revised(scene: Scene, i: int, attr: Attribution, name: str) -> tuple[Attribution, str]:
    """The answer after the revisions, each one that changes it named after the rule that gave it."""
    for revision in REVISIONS:
        revised = revision.apply(scene, i, attr)
        if revised is not None:
            attr, name = revised, f"{name}>{revision.name}"
    return attr, name


def attribute(
    scene: Scene, listed: dict[int, Attribution], parts: list[int | None]
) -> tuple[list[Attribution | None], list[str | None], list[str]]:
    """The indicator of every figure, what its share is of, and the names of the rules that decided."""
    names: list[str] = []
    for i, mi in enumerate(scene.infos):
        scene.share_of = None
        cascade = CASCADES.get(mi.measure, CASCADES["change_like"])
        attr, name = None, NO_INDICATOR
        for step in (*BEFORE_ALL, *cascade):
            attr = step.apply(scene, i)
            if attr is not None:
                name = step.name
                break
        if attr is not None:
            attr, name = _revised(scene, i, attr, name)
        if i in listed:
            attr, name = listed[i], f"{name}>{RESPECTIVELY_LIST}"
            if attr.code is None:  # 利税总额…,其中利润…,分别增长35.5%和49.6%: 利润 over the text's scope
                attr, name = _revised(scene, i, attr, name)
        total = parts[i]
        if attr is not None and total is not None and scene.attributions[total] is not None:
            refined = sub_indicator(scene.resolver, scene.attributions[total].phrase, attr.phrase)
            if refined:
                attr, name = Attribution(attr.phrase, refined), f"{name}>{PART_OF_TOTAL}"
        scene.attributions.append(attr)
        scene.shares_of.append(scene.share_of)
        names.append(name)
    return scene.attributions, scene.shares_of, names
