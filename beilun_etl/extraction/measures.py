"""What a number measures (level, growth, share, ...), its sign, and whether it starts or ends a span.

The words right before a number decide: 年均增长 → cagr_pct, 增长/增幅/同比 (成长 in Taiwan) →
growth_pct, 下降/减少/回落/衰退 → negative growth, 增长到/提高至 → the level reached, 占/比重/占比 (完成目标的) → share_pct,
a comparison (比上年末) with 增加/减少 (or 多/少) before a count or an amount → change. 从/由 before a
level marks the start of a span (从207亿元增长到2630亿元).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.rules import rule

_QUALIFIERS = alternation(LEX.qualifiers_before)  # lexicon/qualifiers.yaml: 约, 近, 超过 ...
_CUES = word_alternations("measures")  # lexicon/measures.yaml
_NEUTRAL_TAIL = rf"(?:了)?(?:{_CUES['shared_adverbs']})?(?:{_CUES['neutral_tail_verbs']})?(?:{_QUALIFIERS}|百分之)?$"
_YEAR_OF = r"(?:(?:19|20)\d{2}年(?:末|底)?的?)?"
_LEVEL_TO = re.compile(
    rf"(?:(?:{_CUES['level_to_verbs']})(?:到|至)|(?:{_CUES['become_verbs']})为)(?:了)?"
    + _YEAR_OF
    + rf"(?:{_QUALIFIERS})?$"
)
_CAGR = re.compile(
    rf"(?:{_CUES['cagr_words']}|[两二三四五六七八九十\d]年平均)(?:{_CUES['cagr_growth_words']})?(?:率)?" + _NEUTRAL_TAIL
)
_DOWN = re.compile(rf"(?:{_CUES['down_words']})" + _NEUTRAL_TAIL)
_UP = re.compile(rf"(?:{_CUES['up_words']})(?:率)?" + _NEUTRAL_TAIL)
_LOWER_BY = re.compile(r"(?:低|慢)(?:于[^，,。；;]{0,8})?(?:了)?$")
# 从季度产值增幅看，: a lead naming the growth rate the percentages of its sentence are
_GROWTH_LEAD = re.compile(rf"(?:从|就)[^，,。；;]{{0,12}}(?:{_CUES['growth_lead_words']})(?:来)?看[，,:：]")
_LEAD_REACH = 40  # how far back in its sentence a lead stands


def _growth_lead_before(view: str, clause_start: int) -> bool:
    """Whether a lead naming a growth rate opens the sentence before this clause."""
    before = view[max(0, clause_start - _LEAD_REACH) : clause_start]
    return bool(_GROWTH_LEAD.search(before, before.rfind("。") + 1))


# 增幅比一季度回落1.2%, 降幅较1至4月份收窄0.7%: a growth rate's move, right before the number
_RATE_CHANGED = re.compile(rf"(?:{_CUES['growth_rate_words']}|降幅)[^，,。；;%]{{0,14}}?(?:{_CUES['rate_moves']})$")
_DRAGGED = re.compile(rf"(?:{_CUES['drag_words']})[^，,。；;]{{0,16}}$")  # 拉低同期进出口增速18.4个百分点
_ARROW_BEFORE = re.compile(r"([↑↓▲▼])\s*$")
_RATE_NAMED_AFTER = re.compile(rf"的(?P<yearly>年均)?(?:{_CUES['rate_named_after']})")
_RATE_OF_GROWTH = re.compile(rf"(?:{_CUES['growth_rate_words']})")
_SHARE = re.compile(rf"(?:占(?!地(?!方|区)|用|领|据|有)|{_CUES['share_words']})")
# 贡献了全区约45%的进出口额: the part contributes a share of a named whole (贡献率 is a rate of its own)
_CONTRIBUTED = re.compile(r"贡献(?!率)了?(?:[^，,。；;%、和]{0,16}[、和])*[^，,。；;%、和]{0,10}$")
# 完成全年目标的78.3%: the part of a planned amount done so far, a share of the target
TARGET_SHARE = re.compile(r"完成了?(?=[^，,。；;%]{0,8}(?:目标|计划|任务)[^，,。；;%]{0,2}的$)")
_COMPARISON = re.compile(rf"(?:{_CUES['comparison_words']})")
# 与2023年末常住人口969.7万人相比，增加8.0万人: the base closed in the clause before
_BASE_CLOSED_BEFORE = re.compile(rf"(?:{alternation(LEX.word_lists['time_words']['base_closers'])})[，,]\s*$")
_FROM = re.compile(r"(?:从|由)" + _YEAR_OF + rf"(?:{_QUALIFIERS})?$")
_CONTRIBUTION = re.compile(r"拉动[^，,。；;]{0,12}$")
# 比去年同期多11家, 较上年少3个, 比上年多出300亿元: more or fewer than a named earlier period, a difference
_MORE_FEWER = re.compile(r"(?P<way>多|少)(?:出|了|(?P<verb>增|减))?$")


_BARE_REACH = re.compile(rf"(?:已|并|再)?(?:达到|达|为|是)?(?:{_QUALIFIERS})?")
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n]")


def _growth_rate_clause_before(view: str, clause_start: int) -> bool:
    """Whether the clause before, in the same sentence, speaks of a growth rate (进口增速由负转正)."""
    before = view[max(0, clause_start - 30) : clause_start]
    if not before or before[-1] not in "，,":
        return False
    clause = _CLAUSE_BREAK.split(before[:-1])[-1]
    return bool(_RATE_OF_GROWTH.search(clause))


@dataclass
class MeasureInfo:
    measure: str
    sign: int = 1
    cue: str | None = None  # from | to | None
    rule: str = ""  # the rule that decided (rules.REGISTRY)


# The measure cascade of classify, in its order (rules.py; the trace stores the name)
_M = "measure"
RANK = rule(_M, "rank_figure", "a rank (第N, 前N, 首位) is a rank", "北仑区位居全省第一。", "全省第一")
RATIO = rule(_M, "ratio_part", "a part of a 三次产业 ratio is a share", "三次产业结构为1.2:45.6:53.2。", "1.2")
TIMES = rule(_M, "times_unit", "倍 or 翻番 is a multiple", "进出口额扩大到2.5倍。", "2.5倍")
POINTS = rule(
    _M,
    "pct_point_unit",
    "个百分点 is a change in points (低于, 下降, 拉低: negative)",
    "比全省低0.2个百分点。",
    "0.2个百分点",
)
RATE_POINTS = rule(
    _M,
    "rate_change_in_percent",
    "a growth rate that moves against a base by a percentage (降幅较1至4月份收窄0.7%): points, written %",
    "1-5月，全港吞吐量下降3.2%，降幅较1至4月份收窄0.7%。",
    "0.7%",
)
CAGR = rule(_M, "cagr_cue", "年均, 平均每年 before a percentage", "规上工业总产值年均增长16.3%。", "16.3%")
DOWN = rule(
    _M, "down_cue", "下降, 减少, 回落 before a percentage: a negative growth", "进口1906.5亿元，下降3.5%。", "3.5%"
)
UP = rule(_M, "up_cue", "增长, 同比, 上升 before a percentage (not a share)", "出口2705.8亿元，增长6.4%。", "6.4%")
RATE_AFTER = rule(_M, "rate_named_after", "的增速 after a percentage", "北仑以6.2%的增速居全市第一。", "6.2%")
SIGNED = rule(_M, "signed_percent", "+3.7% or -2.1%: a change", "外贸进出口4012.5亿元（+3.7%）。", "+3.7%")
ARROW = rule(_M, "arrow_before", "↑ or ↓ before a percentage (infographics)", "规上工业增加值1282.5亿元 ↑7.1%", "7.1%")
SHARE = rule(
    _M, "share_cue", "占, 比重, 占比, 贡献, 完成目标的 before a percentage", "大宗商品销售额占全市总额44%。", "44%"
)
GROWTH_LEAD = rule(
    _M,
    "growth_lead",
    "a list after a lead that names a growth rate (从季度产值增幅看，…): its percentages are growths",
    "从季度产值增幅看，一季度-27.1%，二季度-2.6%，三季度3%。",
    "3%",
)
RATE_WORD = rule(_M, "growth_rate_word", "增速, 增幅 in the clause: the rate itself", "工业增速回落至5.1%。", "5.1%")
RATE_BEFORE = rule(
    _M,
    "growth_rate_clause_before",
    "达到 after a clause about a growth rate",
    "全年进口增速由负转正，达到3.2%。",
    "3.2%",
)
SHARE_OF_WHOLE = rule(
    _M,
    "share_of_the_whole",
    "a percentage after a whole (全市, 全省) and before 的 and a noun: the part of that whole",
    "开发区创造出全市50%以上的生产总值、60%以上的进出口贸易额。",
    "60%以上",
)
_WHOLE_BEFORE = re.compile(rf"(?:{_CUES['whole_words']})")
SHARE_OF_COUNTED = rule(
    _M,
    "share_of_the_counted",
    "a percentage right before the things it counts (超五成行业, 70%以上的各类高级人才): the share of them",
    "全市超五成行业实现正增长。",
    "超五成",
)
SHARE_AFTER = rule(
    _M,
    "share_named_after",
    "a percentage the words after it in its clause call a share (保持全省10%、全国1%份额)",
    "全区外贸进出口保持全省10%、全国1%份额。",
    "10%",
)
_SHARE_NAMED_AFTER = re.compile(rf"[^，,。；;]{{0,10}}?(?:{_CUES['share_after_words']})")
_COUNTED_AFTER = re.compile(rf"(?:以上|左右)?的?(?:各类|各个)?[\u4e00-\u9fff]{{0,2}}?(?:{_CUES['counted_things']})")
_PART_NAMED_AFTER = re.compile(r"的[\u4e00-\u9fff]")
CHANGE = rule(_M, "change_against_base", "增加/减少 with a comparison (比上年末)", "企业数比上年末增加120家。", "120家")
MORE_FEWER = rule(_M, "more_fewer_than_base", "多/少 after a comparison", "新增企业比去年同期多11家。", "11家")
LEVEL = rule(
    _M, "level", "anything else is the amount, rate or count itself", "地区生产总值1365.56亿元。", "1365.56亿元"
)


def classify(
    view: str, clause_start: int, cand_start: int, unit: str, kind: str, cand_end: int | None = None
) -> MeasureInfo:
    """The measure of the figure whose text starts at `cand_start` (qualifier included) and ends at
    `cand_end` (北仑以6.2%的增速居全市第一: a rate named after it)."""
    if kind == "rank" or unit == "rank":
        return MeasureInfo("rank", rule=RANK)
    window = view[max(clause_start, cand_start - 24) : cand_start]
    if _FROM.search(window):
        cue: str | None = "from"
    elif _LEVEL_TO.search(window):
        cue = "to"
    else:
        cue = None
    if kind == "ratio":  # 三次产业结构由上年的6.9:55.9:37.2调整为6.7:55.1:38.2: a ratio reached has its cue too
        return MeasureInfo("share_pct", rule=RATIO, cue=cue)
    down = bool(_DOWN.search(window))
    if unit == "times":
        return MeasureInfo("multiple", rule=TIMES)
    if unit == "pct_point":
        lower = bool(_LOWER_BY.search(window) or _DRAGGED.search(window))  # 比全省低0.2个百分点
        return MeasureInfo("pct_points", -1 if down or lower else 1, rule=POINTS)
    clause_before = view[clause_start:cand_start]
    if unit == "percent":
        if cue is None and _RATE_CHANGED.search(window) and _COMPARISON.search(clause_before):
            # 降幅较1至4月份收窄0.7%: the change of a rate against a base, written % for points
            return MeasureInfo("pct_points", -1 if down else 1, rule=RATE_POINTS)
        if cue is None and _CAGR.search(window):
            return MeasureInfo("cagr_pct", rule=CAGR)
        if cue is None and down:
            return MeasureInfo("growth_pct", -1, rule=DOWN)
        if cue is None and _UP.search(window) and not _SHARE.search(window[-6:]):
            return MeasureInfo("growth_pct", rule=UP)
        named_after = _RATE_NAMED_AFTER.match(view, cand_end) if cand_end is not None else None
        if cue is None and named_after:
            return MeasureInfo("cagr_pct" if named_after["yearly"] else "growth_pct", rule=RATE_AFTER)
        if cue is None and view.startswith(("+", "-"), cand_start):
            return MeasureInfo("growth_pct", rule=SIGNED)  # 4012.5亿元（+3.7%）: a signed percentage is a change
        arrow = _ARROW_BEFORE.search(window)
        if cue is None and arrow:  # 1282.5亿元 ↑7.1%: an infographic's growth
            return MeasureInfo("growth_pct", -1 if arrow[1] in "↓▼" else 1, rule=ARROW)
        if _SHARE.search(clause_before) or _CONTRIBUTED.search(clause_before) or TARGET_SHARE.search(clause_before):
            return MeasureInfo("share_pct", 1, cue, rule=SHARE)
        if cue != "from" and _RATE_OF_GROWTH.search(clause_before):
            return MeasureInfo("growth_pct", rule=RATE_WORD)  # 增速回落至5.1%, 增速保持在6%以上: the growth rate itself
        if cue is None and _BARE_REACH.fullmatch(clause_before) and _growth_rate_clause_before(view, clause_start):
            return MeasureInfo("growth_pct", rule=RATE_BEFORE)  # 进口增速由负转正，达到3.2%
        of_the_whole = cand_end is not None and _PART_NAMED_AFTER.match(view, cand_end)
        if cue is None and of_the_whole and _WHOLE_BEFORE.search(clause_before):
            return MeasureInfo("share_pct", rule=SHARE_OF_WHOLE)  # 全市50%以上的生产总值
        if cue is None and cand_end is not None and _SHARE_NAMED_AFTER.match(view, cand_end):
            return MeasureInfo("share_pct", rule=SHARE_AFTER)  # 保持全省10%、全国1%份额
        if cue is None and cand_end is not None and _COUNTED_AFTER.match(view, cand_end):
            return MeasureInfo("share_pct", rule=SHARE_OF_COUNTED)  # 超五成行业实现正增长, 70%以上的各类高级人才
        if cue is None and _growth_lead_before(view, clause_start):
            return MeasureInfo("growth_pct", rule=GROWTH_LEAD)  # 从季度产值增幅看，一季度-27.1%，…三季度3%
        return MeasureInfo("level", 1, cue, rule=LEVEL)
    compared = _COMPARISON.search(clause_before) or _BASE_CLOSED_BEFORE.search(
        view, max(0, clause_start - 4), clause_start
    )
    more_fewer = _MORE_FEWER.search(window)
    if more_fewer and compared:
        # 多11家, 少3个; 少增994.55亿元 (a smaller rise), 多减 (a larger fall): the sign of the difference
        fewer = (more_fewer["way"] == "少") != (more_fewer["verb"] == "减")
        return MeasureInfo("change", -1 if fewer else 1, rule=MORE_FEWER)
    if cue is None and (down or _UP.search(window)) and compared:
        return MeasureInfo("change", -1 if down else 1, rule=CHANGE)
    return MeasureInfo("level", 1, cue, rule=LEVEL)


BRACKETED_ITEM = rule(
    _M,
    "bracketed_list_item",
    "计算机通信电子(60.9%)、金属制品(59.9%): a percentage in brackets after a name takes the measure its sentence"
    " names for the list (增长较快的行业有, 正增长, 占比较高)",
    "规上工业增加值正增长，其中计算机通信电子(60.9%)、金属制品(59.9%)增长较快。",
    "59.9%",
    revises=True,
)
_ITEM_OPEN = re.compile(r"[\u4e00-\u9fff][(（]$")
_LIST_CUE = re.compile(
    rf"(?P<down>{_CUES['down_words']})|(?P<share>{_CUES['share_words']}|占)|(?P<up>{_CUES['up_words']})"
)


def bracketed_item(view: str, sentence: tuple[int, int], cand_start: int, cand_end: int) -> MeasureInfo | None:
    """The measure of a percentage standing in brackets after a name, from the nearest cue of its sentence
    before it, else after it; None when it is not such an item or the sentence names no measure."""
    a, b = sentence
    if not _ITEM_OPEN.search(view, max(a, cand_start - 2), cand_start) or not view.startswith((")", "）"), cand_end):
        return None
    before = [m for m in _LIST_CUE.finditer(view, a, cand_start) if not _inside_brackets(view, a, m.start())]
    found = before[-1] if before else _LIST_CUE.search(view, cand_end, b)
    if found is None:
        return None
    if found["share"]:
        return MeasureInfo("share_pct", rule=BRACKETED_ITEM)
    return MeasureInfo("growth_pct", -1 if found["down"] else 1, rule=BRACKETED_ITEM)


def _inside_brackets(view: str, start: int, pos: int) -> bool:
    text = view[start:pos]
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")
