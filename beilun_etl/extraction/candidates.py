"""Finding the figures in the matching view: numbers with units, percentages, ranks, ratios.

A number is a figure only with a unit of the contract after it, so that years (2022年), durations
(3年), dates (6月), names with digits (5G, 500强, 科创甬江2035, 141) and section numbers never
become figures. Size-class labels (千万吨级, 24000标准箱级) are dropped by the 级 that follows,
ordinals (第五批) by the 第 before, and Chinese numerals need a digit (千亿级 has none).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.numbers import MULTIPLIERS, parse_number, scale
from beilun_etl.extraction.units import CLASSIFIER_MEASURES, COMPOUND_UNIT_ENDS, UNIT_SURFACES, UNITS

_W = word_alternations("number_words")  # lexicon/number_words.yaml

# Not figures: the nouns of named sets of a programme, counted with a
# Chinese numeral (十项重大工程, 八个方面的工作, 七大提升行动, 五个新高地); the nouns of the figures of a text
# itself (31个核心数据, 11个数字); what a number opening a quotation names (“四个上虞”, “三个年”活动).
NAMED_SET_NOUNS = _W["named_set_nouns"]  # lexicon/number_words.yaml
FIGURES_OF_THE_TEXT = "数据|数字|关键词"
QUOTED_NAME_CLASSIFIERS = "个|项|大|条|张|化|年"
# 分别为23323395346268亿元: numbers run together by a copy that lost their separators; no economic figure
# reaches this many base units (the world's output is below 10^15 yuan)
MAX_PLAUSIBLE_VALUE = 1e16

ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE = r"[零一二两三四五六七八九十百千万亿]+(?:点[零一二三四五六七八九]+)?"
_UNIT_ALT = "|".join(re.escape(u) for u in UNIT_SURFACES)
RANGE_DASHES = "-~～—–"
_UNIT_FINALS = frozenset(u[-1] for u in UNIT_SURFACES)
_NUMBER_RE = re.compile(
    r"(?=[\d零一二两三四五六七八九十百千万亿])"
    rf"(?P<num>{ARABIC}|{CHINESE})(?P<q1>余|多)?(?P<mult>万亿|千万|百万|亿|万)?(?P<q2>余|多)?(?P<unit>{_UNIT_ALT})"
    rf"|百分之(?P<pnum>{ARABIC}|{CHINESE})"
    rf"|(?P<fden>\d+|[一二两三四五六七八九十千]+)分之(?P<fnum>\d+|[一二两三四五六七八九十]+)(?!\d|[一二两三四五六七八九十百千万])"
    r"|(?<![\d/.])(?P<snum>\d{1,2})/(?P<sden>\d{1,3})(?![\d/.])"
)
# 约占全市1/10的土地: a fraction written with a slash is a share only where 占 introduces it (not 7/24)
_SLASH_SHARE_BEFORE = re.compile(r"(?:占|贡献了?)[^，,。；;]{0,6}$")
# qualifier words (lexicon/qualifiers.yaml), longest first: 不少于 / 不超过 before 少于 / 超过
PRE_QUALIFIERS = alternation(LEX.qualifiers_before)
POST_QUALIFIERS = alternation(LEX.qualifiers_after)  # after a figure
_PRE_QUALIFIER = re.compile(rf"(?P<q>{PRE_QUALIFIERS})(?P<link>有|为|达|合计|[“「\"])?$")  # 突破“2700万箱”
_POST_QUALIFIER = re.compile(rf"(?P<link>及)?(?P<q>{POST_QUALIFIERS})")
_PERSON_AFTER_WEI = re.compile(rf"(?:{_W['person_after_wei']})")
_CLAUSE_END = re.compile(r"[，,。；;、）)]|$")
_CN_OR_DIGIT = re.compile(r"[\d零一二两三四五六七八九十百]")
# 10亿元、50亿元的企业 / 2000万元及以上的工业法人单位: size classes of the noun, not figures
_SIZE_CLASS_NOUN = rf"(?:{_W['size_class_noun']})"
_SIZE_CLASS_AFTER = re.compile(
    r"(?:[、和及至-][\d.]+(?:万亿|亿|万)?(?:元|美元|吨)?)*"
    rf"(?:(?:及?以上|及?以下)?的|及?以上){_SIZE_CLASS_NOUN}"
)
_SIZE_CLASS_NOUN_RE = re.compile(_SIZE_CLASS_NOUN)
_SIZE_CLASS_UNITS = frozenset({"CNY", "USD", "tonne", "TEU"})
_CJK_NOUN_START = re.compile(r"的?[\u4e00-\u9fff](?<![，。；、])")
# An indicator's acronym written right against its figure: GDP1234.5亿元
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z])(?:GDP|GNP|CPI|PPI)$")
_APPROX_SHARE = re.compile(
    "(?:" + alternation(w for w, kind in LEX.qualifiers_before.items() if kind == "approx") + r")占[^，,。；;]{0,14}$"
)
# 新台币150万元, 港币30亿元: an amount in a currency the contract has no unit for, not yuan
_OTHER_CURRENCY_BEFORE = re.compile(rf"(?:{_W['other_currency_before']})(?:{PRE_QUALIFIERS}|为|达)?$")
QUALIFIER_KIND = LEX.qualifier_kind
CN_DIGITS = frozenset("一二两三四五六七八九十")  # a Chinese numeral holds one (百, 万 alone are words)
# 第一, 数十, 这一成绩, 那一年, 唯一一个: a numeral after these is an ordinal, a word or a pronoun's part
_CN_BAD_BEFORE = set("第数几上成每周初星这那唯")
# 十项重大工程, 八个方面的工作, 七大提升行动: a Chinese-numeral count of the parts of a programme is its name
_NAMED_SET_AFTER = re.compile(rf"的?[\u4e00-\u9fff]{{0,4}}?(?:{NAMED_SET_NOUNS})")
# 三个“一号工程”: a Chinese-numeral count of quoted names
_QUOTE_OPEN = "“\"'‘"
# 31个核心数据, 11个数字: a count of the text's own figures
_FIGURES_OF_THE_TEXT_AFTER = re.compile(rf"(?:{_W['figures_of_the_text_after']})?(?:{FIGURES_OF_THE_TEXT})")
_MORE_AFTER = re.compile(r"多(?![数元样种家个])")  # 两成多 (not 3倍多元化)
_SINGLE_OK_UNITS = {"倍", "成", "%"}  # 一倍, 两成: fine; 一个, 一批: prose, not figures

_CN_RANK = r"\d+|[一二三四五六七八九十]+"
_SCOPES = alternation(LEX.rank_scopes)  # lexicon/ranks.yaml: 全省, 宁波, 长三角, 同类城市 ...
_PLACE_VERBS = alternation(LEX.place_verbs)
_RANK_VERBS = alternation(LEX.place_verbs + LEX.group_verbs)
# Ranks are found at their 第 / head word; the verb and scope before it are matched backwards on a
# short window (a pattern starting with optional groups would be tried at every position).
_RANK_CORE = re.compile(
    rf"第(?P<n>{_CN_RANK})(?P<suf>位|名)?"
    rf"(?!{_W['not_a_rank_after']}|\d|[一二三四五六七八九十])"
    rf"(?!\.\d|[万亿千百]|[余多]?(?:{_W['milestone_units']}))"  # 第3000万标准箱: the nth unit, a milestone
)
_RANK_BEFORE = re.compile(
    rf"(?P<verb>{_RANK_VERBS}|分别)?"
    rf"(?P<scope>(?:{_SCOPES})(?:(?!{_PLACE_VERBS})[^，,。；;！？!?\n第\d]){{0,10}}?)?$"
)
# 名列全省各区县前三名, 跻身全国前十: among the first N of a ranking, a rank of at most N
_TOP_N_CORE = re.compile(
    rf"前(?P<n>{_CN_RANK})(?P<suf>名|位|强)?(?![\d一二三四五六七八九十个季年月批天周日次家项轮大章节条])"
)
_TOP_N_VERB = re.compile(rf"(?:{_RANK_VERBS})[^，,。；;！？!?\n前]{{0,12}}$")
_TOP_CORE = re.compile(r"首位|榜首|第一位|之首|居首(?![批个家次创])")
_TOP_BEFORE = re.compile(rf"(?P<verb>{_PLACE_VERBS})(?P<mid>[^，,。；;！？!?\n]{{0,14}}?)$")
# (?=[\d,.]*+:) holds wherever a ratio starts (its first number runs up to a colon); checked first,
# it spares trying both forms of a number at every digit of every number in the text.
_RATIO_RE = re.compile(rf"(?=\d)(?=[\d,.]*+:)(?P<a>{ARABIC}):(?P<b>{ARABIC}):(?P<c>{ARABIC})(?![\d:])")
_RATIO_LABEL = re.compile(r"产业(?:结构|比例|构成)[^，,。；;]{0,6}$|三次产业[^，,。；;]{0,8}$")
# 从2007年的A变为2008年的B, 由上年的A演变为B: a structure given for two years
_RATIO_YEAR = rf"(?:(?:19|20)\d{{2}}年(?:末|底)?|{_W['ratio_year']})?的?"
_RATIO_SPAN_START = re.compile(rf"(?:从|由){_RATIO_YEAR}$")
_RATIO_SPAN_END = re.compile(rf"(?:{_W['ratio_span_end']})(?:为|到|至){_RATIO_YEAR}$")
_RATIO_NOUN = r"(?:产业(?:结构|比例|构成|比重)|三次产业)"
_RATIO_SPAN_LABEL = re.compile(rf"{_RATIO_NOUN}[^。；;]{{0,16}}$")
_RATIO_NOUN = re.compile(_RATIO_NOUN)
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


@dataclass
class Candidate:
    start: int  # of the figure text (qualifier included when adjacent)
    end: int
    num_start: int
    value: float
    unit: str
    classifier: str | None
    qualifier: str
    kind: str  # number | rank | ratio
    ratio_part: int | None = None
    ratio_label_start: int | None = None


def _qualifier_before(view: str, start: int) -> tuple[str, int]:
    m = _PRE_QUALIFIER.search(view, max(0, start - 4), start)
    if not m or m.end() != start:
        return "exact", start
    kind = QUALIFIER_KIND[m.group("q")]
    return kind, (m.start() if not m.group("link") else start)


# _number_candidate, step by step: where the number starts (its sign), what it is made of, whether it
# is prose rather than a figure, its unit, its value, its qualifier.
def _sign_and_start(view: str, m: re.Match[str]) -> tuple[int, str, bool] | None:
    """(start, the character before it, negative), a sign included; None for the digits of a name."""
    start = m.start()
    prev = view[start - 1] if start else ""
    if prev in RANGE_DASHES and start >= 2 and (view[start - 2] in _UNIT_FINALS or view[start - 2].isdigit()):
        prev = ""  # 增长5.5%-6%, 200-300家: the upper end of a range, not a negative number
    # -2.1% after a word or a bracket (not 2024-12, A-1): a signed number; +5.3% as well
    before_sign = view[start - 2] if start >= 2 else ""
    signed = (
        prev in ("-", "+")
        and m.group("num") is not None
        and not (before_sign and before_sign.isascii() and (before_sign.isalnum() or before_sign in ".-+/_%"))
    )
    negative = signed and prev == "-"
    if signed:
        start -= 1
        prev = view[start - 1] if start else ""
    if prev == "第" or (
        prev
        and prev.isascii()
        and (prev.isalnum() or prev in ".-+/_")
        and not _ACRONYM_BEFORE.search(view, max(0, start - 4), start)
    ):
        return None  # 5G, PM2.5, C919: digits of a name (but GDP1234.5亿元 is a figure)
    return start, prev, negative


def _number_parts(
    view: str, m: re.Match[str], start: int
) -> tuple[str, str, str | None, str | None, str | None] | None:
    """(number text, unit text, multiplier, inner qualifier, percent text): a fraction (三分之一, 1/5
    after 占) as its percentage; None for a slash that is no share (7/24)."""
    pnum = m.group("pnum")
    fraction = m.group("fden"), m.group("fnum")
    if m.group("sden") is not None:
        if not _SLASH_SHARE_BEFORE.search(view, max(0, start - 8), start) or int(m.group("sden")) == 0:
            return None
        fraction = m.group("sden"), m.group("snum")
    if fraction[0] is not None:  # 三分之一, 1/5: a share in percent, 33.3333333333
        pnum = f"{parse_number(fraction[1]) / parse_number(fraction[0]) * 100:.10f}".rstrip("0").rstrip(".")
    if pnum is not None:
        return pnum, "%", None, None, pnum
    return m.group("num"), m.group("unit"), m.group("mult"), m.group("q1") or m.group("q2"), None


def _chinese_numeral_is_prose(
    view: str, m: re.Match[str], start: int, prev: str, num_text: str, unit_text: str, q_inner: str | None,
    pnum: str | None,
) -> bool:  # fmt: skip
    """一家企业, 百家争鸣, 两个100%, 三个“一号工程”: a Chinese numeral in prose, no figure."""
    if prev in _CN_BAD_BEFORE:
        return True
    if not (CN_DIGITS & set(num_text)) and not q_inner and _qualifier_before(view, start)[0] == "exact":
        return True  # 百家争鸣, 千家万户: a bare 百/千 counts only after 不足/近/逾 or before 余 (万余人)
    if num_text == "一" and unit_text not in _SINGLE_OK_UNITS and pnum is None and not _CLAUSE_END.match(view, m.end()):
        return True  # 一家企业, 一批项目: prose; 孵化器一家。: a count
    if pnum is None and _CN_OR_DIGIT.match(view, m.end()):
        return True  # 两个100%, 三个一号工程: a count of the names or figures that follow
    return (
        pnum is None
        and m.group("unit") in ("个", "项", "大", "条", "种")
        and (view.startswith(tuple(_QUOTE_OPEN), m.end()) or _NAMED_SET_AFTER.match(view, m.end()) is not None)
    )  # 三个“一号工程”, 十项重大工程, 十种有色金属: the name of a programme or an aggregate, no count of things


def _counts_no_things(view: str, m: re.Match[str], prev: str, unit_text: str, pnum: str | None) -> bool:
    """31个核心数据, 名列, 前8个月, 前移2位: the word after the unit makes it no count of things."""
    end = m.end()
    if pnum is None and m.group("unit") == "个" and _FIGURES_OF_THE_TEXT_AFTER.match(view, end):
        return True  # 31个核心数据: how many figures the text shows, not a figure
    nxt = view[end : end + 3]
    if nxt.startswith("级") or (unit_text == "名" and (nxt.startswith("列") or prev == "前")):
        return True  # 名列, 前三名企业: a place in a ranking, no count of people
    if unit_text == "个" and nxt.startswith(("月", "小时", "工作日", "季度", "交易日")):
        return True  # 前8个月, 24个小时: durations
    return unit_text == "位" and not _PERSON_AFTER_WEI.match(view, end)  # 前移2位: places in a ranking


def _unit_and_end(view: str, unit_text: str, end: int) -> tuple[str, float, str | None, int] | None:
    """(unit, factor, classifier, end): a count's classifier may be a measure word (个标准箱: TEU); None
    for the first part of a compound unit the contract lacks (吨公里)."""
    if view.startswith(COMPOUND_UNIT_ENDS, end):
        return None
    unit, factor = UNITS[unit_text]
    classifier = unit_text if unit == "count" else None
    if unit == "count":
        for word, measure_unit in CLASSIFIER_MEASURES.items():
            if view.startswith(word, end):
                unit, classifier, end = measure_unit, None, end + len(word)
                if view.startswith("级", end):
                    return None
                break
    return unit, factor, classifier, end


def _scaled_value(num_text: str, mult: str | None, factor: float) -> float | None:
    """The number times its multiplier (万, 亿) and its unit's factor; None if it does not parse."""
    try:
        value = parse_number(num_text)
    except (ValueError, KeyError):
        return None
    total_factor = (MULTIPLIERS[mult] if mult else 1.0) * factor
    return scale(num_text, total_factor) if num_text[0].isdigit() else value * total_factor


def _qualifier_and_span(view: str, start: int, end: int, unit: str, q_inner: str | None) -> tuple[str, int, int] | None:
    """(qualifier, text start, end), the qualifiers before and after included; None for another
    currency's amount (新台币1.2兆元) or a size class of a noun (超亿元企业, 10亿元以上项目)."""
    qualifier, text_start = _qualifier_before(view, start)
    if unit == "CNY" and _OTHER_CURRENCY_BEFORE.search(view, max(0, text_start - 6), text_start):
        return None
    if qualifier == "exact" and unit == "percent" and _APPROX_SHARE.search(view, max(0, start - 16), start):
        qualifier = "approx"  # 约占全国4%
    if q_inner:
        qualifier = "more_than"
    post = _POST_QUALIFIER.match(view, end)
    if unit in _SIZE_CLASS_UNITS and (
        _SIZE_CLASS_AFTER.match(view, end) or (qualifier != "exact" and _SIZE_CLASS_NOUN_RE.match(view, end))
    ):
        return None  # 超亿元企业, 10亿元以上的项目: a size class of the noun
    if post and unit != "percent" and post.group("q") in ("以上", "以下") and _CJK_NOUN_START.match(view, post.end()):
        return None  # 10亿元以上项目: a size class, not a figure
    if post:
        qualifier = QUALIFIER_KIND[post.group("q")]
        if not post.group("link"):
            end = post.end()
    return qualifier, text_start, end


def _number_candidate(view: str, m: re.Match[str]) -> Candidate | None:
    """The figure a match of _NUMBER_RE is, or None when it is no figure (a name, prose, a size class)."""
    if (signed := _sign_and_start(view, m)) is None:
        return None
    start, prev, negative = signed
    if (parts := _number_parts(view, m, start)) is None:
        return None
    num_text, unit_text, mult, q_inner, pnum = parts
    if not num_text[0].isdigit() and _chinese_numeral_is_prose(
        view, m, start, prev, num_text, unit_text, q_inner, pnum
    ):
        return None
    if _counts_no_things(view, m, prev, unit_text, pnum):
        return None
    if (unit_end := _unit_and_end(view, unit_text, m.end())) is None:
        return None
    unit, factor, classifier, end = unit_end
    if (value := _scaled_value(num_text, mult, factor)) is None:
        return None
    if unit_text == "成" and view.startswith("半", end):
        value, end = value + 5, end + 1  # 一成半: 15%
    elif unit_text in ("成", "倍") and _MORE_AFTER.match(view, end):
        q_inner, end = "多", end + 1  # 两成多, 3倍多: more than
    if abs(value) >= MAX_PLAUSIBLE_VALUE:
        return None  # numbers run together by a copy (分别为23323395346268亿元), not one figure
    if negative:
        value = -value
    if (qualified := _qualifier_and_span(view, start, end, unit, q_inner)) is None:
        return None
    qualifier, text_start, end = qualified
    return Candidate(text_start, end, start, round(value, 10), unit, classifier, qualifier, "number")


def _scoped_rank(m: re.Match[str], before: re.Match[str] | None, qualifier: str) -> Candidate | None:
    """第N / 前N (group "n"), with the scope written right before it (全省第三, 浙江省各区县前三名) in its text."""
    try:
        value = parse_number(m.group("n"))
    except (ValueError, KeyError):
        return None
    scoped = before is not None and before.group("scope") and before.end("scope") == m.start()
    start = before.start("scope") if scoped else m.start()
    return Candidate(start, m.end(), m.start(), value, "rank", None, qualifier, "rank")


# 杭州排名第18，金华第21，嘉兴第24: after a rank, a short name and the next 第N go on with the ranking
_RANK_LISTED_AFTER = re.compile(r"[，,、；;]\s*[\u4e00-\u9fff]{1,6}")


def _rank_candidates(view: str) -> list[Candidate]:
    found: list[Candidate] = []
    last_end = -1
    for m in _RANK_CORE.finditer(view):
        before = _RANK_BEFORE.search(view, max(0, m.start() - 16), m.start())
        verb = before.group("verb") if before else None
        scope = before.group("scope") if before else None
        listed = last_end >= 0 and _RANK_LISTED_AFTER.fullmatch(view, last_end, m.start()) is not None
        if not (verb or scope or m.group("suf") or listed):
            continue
        if m.group("n") == "一" and m.group("suf") == "位" and view.startswith(("首", "榜"), m.end()):
            continue
        if (c := _scoped_rank(m, before, "exact")) is not None:
            found.append(c)
            last_end = m.end()
    for m in _TOP_N_CORE.finditer(view):
        if not _TOP_N_VERB.search(view, max(0, m.start() - 16), m.start()):
            continue  # 全区前三名企业: the first N of something else
        before = _RANK_BEFORE.search(view, max(0, m.start() - 16), m.start())
        if (c := _scoped_rank(m, before, "less_than")) is not None:
            found.append(c)
    for m in _TOP_CORE.finditer(view):
        if m.group() == "第一位":
            continue  # found as 第N位 above
        if m.group().startswith("居"):
            found.append(Candidate(m.start(), m.end(), m.start() + 1, 1.0, "rank", None, "exact", "rank"))
            continue
        before = _TOP_BEFORE.search(view, max(0, m.start() - 20), m.start())
        if not before:
            continue
        mid = before.group("mid") or ""
        if "第" in mid or "首" in mid:
            continue
        start = m.start() if any(c.isdigit() for c in mid) else before.start()
        found.append(Candidate(start, m.end(), m.start(), 1.0, "rank", None, "exact", "rank"))
    return found


def _ratio_label(view: str, start: int) -> re.Match[str] | None:
    """The words naming a structure ratio that starts at `start`: right before it (三次产业结构为), or
    before a span of two ratios (比重从2007年的A变为2008年的B, 产业结构进一步优化,由上年的A演变为B): before
    its first ratio, past the year it names and one clause, and for the second, before the first."""
    label = _RATIO_LABEL.search(view, max(0, start - 16), start)
    if label:
        return label
    opening = _RATIO_SPAN_START.search(view, max(0, start - 10), start)
    if opening:
        return _RATIO_SPAN_LABEL.search(view, max(0, opening.start() - 24), opening.start())
    if _RATIO_SPAN_END.search(view, max(0, start - 12), start):
        labels = list(_RATIO_NOUN.finditer(view, max(0, start - 64), start))
        if labels and not _SENTENCE_END.search(view, labels[-1].end(), start):
            return labels[-1]
    return None


def _ratio_candidates(view: str) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _RATIO_RE.finditer(view):
        label = _ratio_label(view, m.start())
        if not label:
            continue
        for part, group in enumerate(("a", "b", "c")):
            found.append(
                Candidate(
                    m.start(group),
                    m.end(group),
                    m.start(group),
                    float(m.group(group)),
                    "percent",
                    None,
                    "exact",
                    "ratio",
                    ratio_part=part,
                    ratio_label_start=label.start(),
                )
            )
    return found


# 人口约85万, 游客突破500万: a bare 万/亿 takes its unit from the indicator before it (extract.py);
# 100个亿 is 100亿 said aloud (longer than the count 100个, so it wins the overlap)
# (?=[\d,.]*+[余多]?[万亿]): the number runs up to its 万/亿, checked before trying its forms (as above)
_BARE_MULTIPLE_RE = re.compile(
    rf"(?=\d)(?<![\d.])(?=[\d,.]*+[余多]?个?[万亿])(?P<num>{ARABIC})(?P<q>余|多)?(?:个(?=亿))?(?P<mult>万亿|亿|万)(?=[，,。；;、）)\s]|$)"
)
BARE = "bare"


def _bare_candidates(view: str) -> list[Candidate]:
    found = []
    for m in _BARE_MULTIPLE_RE.finditer(view):
        start = m.start()
        if start and (view[start - 1] == "第" or (view[start - 1].isascii() and view[start - 1].isalnum())):
            continue
        value = scale(m.group("num"), MULTIPLIERS[m.group("mult")])
        qualifier, text_start = _qualifier_before(view, start)
        if m.group("q"):
            qualifier = "more_than"
        found.append(Candidate(text_start, m.end(), start, value, BARE, None, qualifier, "number"))
    return found


# 翻一番, 翻了近两番, 翻番: doublings, a multiple of the base (2, 4 and 2 times)
_DOUBLING_RE = re.compile(rf"翻了?(?P<q>{PRE_QUALIFIERS})?(?P<n>[一两二三1-3])?番(?P<more>多)?")


def _doubling_candidates(view: str) -> list[Candidate]:
    found = []
    for m in _DOUBLING_RE.finditer(view):
        qualifier = QUALIFIER_KIND[m["q"]] if m["q"] else "more_than" if m["more"] else "exact"
        value = 2.0 ** parse_number(m["n"]) if m["n"] else 2.0
        number_start = m.start("n") if m["n"] else m.start()
        found.append(Candidate(m.start(), m.end(), number_start, value, "times", None, qualifier, "number"))
    return found


# “外资十条”, “科创甬江2035”: a short quotation with words before its number is a name (not “增长5.5%”, a quoted target)
_QUOTED_NAME = re.compile(r"“(?P<words>[^“”\n，。；、\d零一二两三四五六七八九十百千万]{1,8})[^“”\n，。；%]{1,6}”")


# “四个上虞”, “三个年”活动, “五个新高地”: a quotation opened by a Chinese-numeral count is a slogan
_QUOTED_COUNT_NAME = re.compile(
    rf"“(?=[一二两三四五六七八九十]+(?:{QUOTED_NAME_CLASSIFIERS}))[^“”\n，。；、,;]{{2,10}}”"
)


def _outside_quoted_names(view: str, found: list[Candidate]) -> list[Candidate]:
    names = [(m.end("words"), m.end()) for m in _QUOTED_NAME.finditer(view)]
    names += [(m.start() + 1, m.end()) for m in _QUOTED_COUNT_NAME.finditer(view)]
    if not names:
        return found
    return [c for c in found if not any(a <= c.num_start < b for a, b in names)]


# 分别为3.3和1.1个百分点: the numbers of a 分别 list before its last one share the last one's unit.
_LISTED_BEFORE = re.compile(rf"(?<![\d.])(?P<num>-?(?:{ARABIC}))(?:和|、|与|及)$")  # 0.15、-5.64、1.34个百分点
_LIST_CLAUSE_START = re.compile(r"[，,。；;:：\n]")


def _unit_suffix(view: str, cand: Candidate) -> str | None:
    """What follows the digits of a number candidate (万标准箱, 个百分点): the unit others may share."""
    m = _NUMBER_RE.match(view, cand.num_start + (view[cand.num_start] == "-"))  # -3.1%: after its sign
    return view[m.end("num") : m.end()] if m is not None and m.group("num") is not None else None


def _with_unit(bare: re.Match[str], suffix: str) -> Candidate | None:
    """The bare number `bare` (group "num") read as if `suffix` followed it, at its place in the view."""
    text = bare.group("num") + suffix
    if (m := _NUMBER_RE.search(text)) is None or (c := _number_candidate(text, m)) is None:
        return None
    shift = bare.start()
    return replace(c, start=c.start + shift, end=bare.end("num"), num_start=c.num_start + shift)


def _shared_unit_candidates(view: str, found: list[Candidate]) -> list[Candidate]:
    """Numbers listed after 分别 without a unit of their own, given the unit of the number closing the list."""
    shared = []
    for last in found:
        if last.kind != "number" or last.qualifier != "exact" or (suffix := _unit_suffix(view, last)) is None:
            continue
        end = last.start  # its sign included (5.2和-3.1%)
        while (b := _LISTED_BEFORE.search(view, max(0, end - 24), end)) is not None:
            respectively = view.rfind("分别", 0, b.start())
            if respectively < 0 or _LIST_CLAUSE_START.search(view, respectively, b.start()):
                break  # no 分别 before it in its clause
            if (c := _with_unit(b, suffix)) is None:
                break
            shared.append(c)
            end = b.start()
    return shared


# 5.5%-6%, 200-300家: the upper end of a range, from its dash (what follows is no noun of the lower end)
RANGE_HIGH = re.compile(rf"[{RANGE_DASHES}至到](?:{ARABIC})(?:万亿|亿|万)?(?:{_UNIT_ALT})")
# 200-300家, 5~6%: the lower end of a range written without its unit takes the upper end's
_RANGE_LOW = re.compile(rf"(?<![\d.\-])(?P<num>{ARABIC})[{RANGE_DASHES}]$")


def _range_low_candidates(view: str, found: list[Candidate]) -> list[Candidate]:
    lows = []
    for high in found:
        if high.kind != "number" or high.start != high.num_start or (suffix := _unit_suffix(view, high)) is None:
            continue
        low = _RANGE_LOW.search(view, max(0, high.num_start - 16), high.num_start)
        if low is not None and (c := _with_unit(low, suffix)) is not None:
            lows.append(c)
    return lows


def find_candidates(view: str) -> list[Candidate]:
    """All figure candidates in text order; overlapping candidates keep the earliest, longest one.

    Candidates with unit BARE still need a unit from their indicator (see extract.py)."""
    found = [c for m in _NUMBER_RE.finditer(view) if (c := _number_candidate(view, m)) is not None]
    found += _bare_candidates(view)
    if "番" in view:
        found += _doubling_candidates(view)
    found += _rank_candidates(view)
    found += _ratio_candidates(view)
    found += _shared_unit_candidates(view, found)
    found += _range_low_candidates(view, found)
    found = _outside_quoted_names(view, found)
    found.sort(key=lambda c: (c.num_start, -(c.end - c.start)))
    kept: list[Candidate] = []
    last_end = -1
    for cand in found:
        if cand.num_start < last_end:
            continue
        kept.append(cand)
        last_end = cand.end
    kept.sort(key=lambda c: c.start)
    _points_listed_before(view, kept)
    _qualifier_shared_by_the_list(view, kept)
    return kept


_LIST_JOINERS = ("和", "、", "与", "及")


def _qualifier_shared_by_the_list(view: str, kept: list[Candidate]) -> None:
    """分别超过340亿元、280亿元和260亿元, 分别增长近30%、20%和15%: a qualifier written before the first value of
    a list holds for the values listed after it, which are written without one."""
    sharing: Candidate | None = None  # the value before, when it gives the list its qualifier
    for a, b in itertools.pairwise(kept):
        written_before = a.qualifier != "exact" and a.start < a.num_start  # not after it (3000家以上)
        listed = b.kind == a.kind == "number" and view[a.end : b.start] in _LIST_JOINERS
        if (written_before or a is sharing) and b.qualifier == "exact" and listed:
            b.qualifier, sharing = a.qualifier, b


def _points_listed_before(view: str, kept: list[Candidate]) -> None:
    """分别缩小7.9个和0.6个百分点: the 个 of a number listed before N个百分点 is the points' (one unit,
    written once at the end), not a count."""
    for a, b in itertools.pairwise(kept):
        if (
            a.unit == "count"
            and view[a.start : a.end].endswith("个")
            and b.unit == "pct_point"
            and view[a.end : b.start] in ("和", "、", "与", "及")
        ):
            a.unit, a.classifier = "pct_point", None
