"""What a figure measures: the indicator phrase in the text and its dictionary code.

Levels take the nearest dictionary alias before them in their clause (地区生产总值1365.56亿元)
when the units agree, else the noun after a counted unit (3个国家智能制造试点); growth rates,
shares, multiples and ranks without a noun of their own (同比增长6.1%, 去年居全省第三, 增速居全
市第二) take the indicator of the figure before them in the sentence. A share takes the part
before 占, and X占比 names a share indicator when the dictionary has one (高新技术产业增加值占比).
A modifier such as 新增 before an alias makes a different indicator: the code is dropped.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from beilun_etl.extraction.candidates import RANGE_HIGH
from beilun_etl.extraction.dictionaries import Dictionaries
from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.measures import TARGET_SHARE
from beilun_etl.extraction.timeexpr import QUARTER
from beilun_etl.extraction.units import UNIT_SURFACES, unit_compatible

_W = word_alternations("indicator_words")  # lexicon/indicator_words.yaml
_UNIT_ALT = alternation(UNIT_SURFACES)
_PRE_QUALIFIERS = alternation(LEX.qualifiers_before)
_RANK_VERBS = alternation(LEX.place_verbs + LEX.group_verbs)
_RANK_SCOPES = alternation(LEX.rank_scopes)
_GENERIC_ZONES = alternation(LEX.generic_zone_words)  # 全国, 全省, 全市 ...
# the generic zone words that name a whole (全区, 全省), not the writer's zone (我区) or a country (中国)
_SCOPE_WORDS = alternation(w for w in LEX.generic_zone_words if w.startswith("全"))
_YEAR_PARTS = alternation(LEX.periods["year_parts"])
_RELATIVE_YEARS = alternation(LEX.periods["relative_years"])

_MODIFIERS = ("新增", "新建", "新引进", "新开工", "新认定", "计划", "净增")
_MODIFIED_HEAD = re.compile(rf"(?:{'|'.join(_MODIFIERS)})(?:{_W['modifier_levels']})?$")
# 占全市的比重由2020年的15.6%…: where the whole named after 占 ends
_SHARE_WORD = re.compile(r"的?(?:比重|份额|比例)")
_WHOLE_END = re.compile(r"的?(?:比重|份额|比例)?(?:由|从)(?=\d|[^，,。；;]{0,3}\d)")
# What may stand between the places of a phrase that names only places (北仑区以, 北仑和鄞州的)
_PLACE_LINKS = re.compile(r"[以的在和与及、()（）]")  # (): the place list of 上海(5150万TEU)、新加坡(…)
_PLACE_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:区|县|市)(?=[以的在和与及、]|$)"  # 普陀区: a place the dictionary lacks
    rf"|[两二三四五六七八九十\d]+个?(?:{_W['place_kinds']})$"  # 北仑、镇海两区: the places just named
)
# 机电产品出口, 民营企业进出口: a noun right before an alias narrows it to a part (see qualifying_noun)
_CLAUSE_OPENING = re.compile(r".*[，,。；;：:、\n（(）)“”]", re.S)
# 园区力争, 北仑计划完成: a subject and its verb before the alias, no narrowing noun
# (成为全省首个规上工业总产值突破6000亿元的区县: the first of a group, no narrowing noun)
_SUBJECT_AND_VERB = re.compile(rf"^.*(?:{_W['subject_verbs']}|成为.{{0,8}}?(?:首个|第一个|唯一))")
# A scope and its short form name the same scope (规上工业 is 规模以上工业).
_SCOPE_FAMILY = {"规模以上": "规模以上", "规上": "规模以上", "限额以上": "限额以上", "限上": "限额以上"}
SCOPE_WORDS = tuple(_SCOPE_FAMILY)


def _scoped_indicators(dicts: Dictionaries) -> dict[tuple[str, str], str]:
    """(code, scope word) -> the code of the same indicator over that scope: 规模以上工业增加值 is 规模以上 +
    工业增加值 (industrial_value_added), so (industrial_value_added, 规上) → its code."""
    if dicts.scoped_indicators is not None:
        return dicts.scoped_indicators
    scoped = dicts.scoped_indicators = {}
    for ind in dicts.indicators.values():
        for word, full in _SCOPE_FAMILY.items():
            if word == full and ind.name_zh.startswith(full):
                plain = dicts.indicator_alias.get(ind.name_zh[len(full) :])
                if plain and plain != ind.code:
                    scoped.update({(plain, w): ind.code for w, f in _SCOPE_FAMILY.items() if f == full})
    return scoped


# Words before an alias that do not narrow it: the same whole by another name, the scope of a
# statistic, places the dictionary lacks (核心区), periods and reckonings
_NOT_QUALIFYING = re.compile(
    rf"[\d\s]|^[该本我其]|^(?:{_W['same_whole_names']})$"
    rf"|^(?:{'|'.join(_SCOPE_FAMILY)})(?:单位|企业)?$|(?:区|港|市|县|(?<!城)镇|街道|岛)$"
    rf"|{_W['scope_and_period_words']}|[一二两三四五六七八九十百]+个?[年月]"
)
_INNER_VERB = re.compile(r"(?:共|累计|全年)?(?:实现|完成)")
_COMPARED_WITH = re.compile(r"高于|低于|快于|慢于|超出|领先于?|落后于?|(?<![同环占可])比(?![重例率])|较")
_COUNT_WORDS = frozenset({"", "数量", "数", "总数", "个数", "家数", "总量", "规模"})
_TRAILING_REMARK = re.compile(r"[(（][^()（）]{1,6}[)）]$")
_GAP_AFTER = re.compile(r"之差|的差距")  # 以137.5亿元之差: a gap between two places
# 亩均税收, 人均税收: a quantity per unit of something, not the indicator itself
_PER_UNIT_HEAD = re.compile(r"(?:亩均|人均|户均|(?<!以上|以下|规上)单位|每万人|每千人|平均每)$")
# 对欧盟出口, 对“一带一路”沿线国家进出口 (not 对外贸易, 面对…, 对比去年…)
_PARTNER_HEAD = re.compile(r"(?<!面|针|相|应|核)对(?!外|于|比|接)[^，,。；;：:\d\n]{1,14}$")
_TIME = re.compile(
    rf"(?:19|20)\d{{2}}年(?:\d{{1,2}}(?:-\d{{1,2}})?月(?:份)?)?(?:{_YEAR_PARTS}|一季度|末|底|的)?|"
    rf"\d{{1,2}}(?:-\d{{1,2}})?月(?:份|\d{{1,2}}[日号](?:当天|当日)?)?|(?:{_W['event_periods']})?期间|今年以来|"
    rf"{_RELATIVE_YEARS}|同期|{_YEAR_PARTS}|"
    rf"{QUARTER}|{_W['time_words']}|连续(?:\d+|[一二两三四五六七八九十]+|多)(?:年|个月)|"
    r"\d+年(?:来|间|以来)|[一二三四五六七八九十]+年(?:来|间|以来)|前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个月|"
    rf"(?:近|过去)?(?:\d+|[一二两三四五六七八九十]+)年(?={_W['after_n_years']})"  # 三年年均增长28%, 五年净增
)
_COMPARE = re.compile(
    rf"(?:比(?!重|例|率)|较|同比|环比|相比|(?:按)?(?:同|可比)口径(?:计算|统计)?|按(?:年|月|季)(?=大?(?:增|减|下|上|提|回|跌|升)))(?:{_W['compared_bases']}|\d{{4}}年|"
    + _GENERIC_ZONES
    + r")?"
    rf"(?:末|底|同期)?(?:平均)?(?:水平)?(?:{_W['compared_ways']})?|"
    rf"(?:{_W['compared_above_below']})(?:"
    + _GENERIC_ZONES
    + r")?(?:平均)?(?:水平)?|以[^，,。；;]{0,12}之差|是[^，,。；;]{0,8}的|"
    rf"(?:{_W['founding_events']})(?:前|以来|之初|后)"
)
# 按可比价格计算, 按年平均汇率折算, 按可比价计算(下同): how a figure was reckoned, around its indicator's phrase
_RECKONED = r"按[^，,。；;\d]{1,8}?(?:计算|统计|折算)(?:\(下同\))?"
_LEAD = re.compile(
    rf"^(?:以(?![上下内外来后前及])的?|{_W['lead_connectives']}|就(?!业)|将(?!近)|在(?![校建岗职读])|"
    rf"{_W['lead_verbs']}|有(?![限效关机色线])|完成(?!率|度)|{_W['lead_reach']}|"
    + _SCOPE_WORDS
    + rf"|{_W['lead_having']}|"
    rf"折合(?:人民币|美元)?|{_W['lead_again']}|"  # 1.2兆新台币，折合人民币约2700亿元: the same amount again
    rf"{_RECKONED}|"
    r"[、,，:：.\s“”\-~↑↓▲▼])+"  # .: what an item's number (2. 规上工业…) leaves
)
_TRAIL = re.compile(
    rf"(?:{_W['trail_linking']}|{_PRE_QUALIFIERS}|{_W['trail_change']}|{_RANK_VERBS}|{_W['trail_yearly']}|"
    rf"[两二三四五]年平均|{_W['trail_movement']}|年?增长率|年?成长率|年?增率|"
    r"(?<![\d〇零一二两三四五六七八九十])年(?=增|减|成长|衰退)|"  # 年增8.3%, 年成长6.5%: Taiwan's 同比
    rf"{_W['trail_holding']}|(?:{_W['trail_held_at']})(?:在|{_SCOPE_WORDS})?|{_W['trail_outlook']}|"  # 保持全省10%份额
    rf"(?<![许认])可|(?<=[升高长加降少小大增])[至到]|[增降升跌涨减][至到]|{_RECKONED}|[、,，:：\s↑↓▲▼“「])+$"
)


def is_trail(words: str) -> bool:
    """Words that may stand between an indicator and its value (达到, 分别为, 同比增长, 均…): no indicator."""
    return not words.strip() or _TRAIL.fullmatch(words) is not None


# Not the digits of a name (5G基站, PM2.5, 500强) nor a size class (10亿元以上项目, 产值超10亿元的企业)
# nor an age (60岁及以上人口: the age names the people counted)
_NUMBER_WITH_UNIT = re.compile(
    rf"(?<![A-Za-z\d.])(?>\d+(?:[.,]\d+)*(?:多|余)?(?:万亿|亿|万)?(?:多|余)?"
    rf"(?:{_UNIT_ALT})?)(?![A-Za-z\d强]|[周週]?[岁歲]|及?以[上下]|的[大重]?(?:{_W['holders_of_numbers']}))"
)
_OPEN_TAIL = re.compile(r"[（(][^）)]*$")
_FROM_TO = re.compile(r"^(?:从|由)[^，,。；;]*(?:到|至)")
_ANAPHORIC = {
    "",
    "规模",
    "总量",
    "增速",
    "增幅",
    "总额",
    "总值",
    "数量",
    "速度",
    "其",
    "增长",
    "总体",
    "整体",
    "年增",
    "年减",
    "比重",
    "占比",
    "平均水平",
    "水平",
}
_NAMES_NOTHING = re.compile(f"(?:{_W['names_nothing']})+")
# 由2020年的X增加到2024年的Y: what is left before Y names nothing, Y is X's indicator
_FROM_TO_LEFTOVER = re.compile(rf"(?:从|由)(?:{_W['from_to_verbs']})?(?:到|至)")
_RANK_WORDS = re.compile(rf"(?:{_RANK_VERBS})?(?:{_RANK_SCOPES})?(?:第[一二三四五六七八九十\d]+位?|首位|之首)[、和及]?")
# 在全国百强区排名中，北仑区位列第12位: the ranking a place stands in, named in the clause before
_RANKING_BEFORE = re.compile(
    r"(?:^|[，,。；;：:\n])(?:在|据)?(?:[^，,。；;\n]{0,12}发布的)?(?:(?:19|20)\d\d年?(?:度)?)?"
    rf"(?P<ranking>[^，,。；;\n]{{2,24}}?(?:榜单?|排名|排行榜?|{_W['ranking_kinds']}))(?:中|上)?[，,]$"
)
# 在全国36个大中城市中列第30位: among peers (not 在全省营商环境评价中排名第二: in a ranking, _IN_RANKING)
_AMONG_PEERS = re.compile(rf"[^，,。；;]{{0,24}}?(?<![单名榜价选估核数])(?:中|之中|当中)(?:{_RANK_VERBS})?")
_IN_RANKING = re.compile(r"(?<=[单名榜价选估核数])[中上]$")
_LIST_ITEM_AFTER_FIGURE = re.compile(r"\d[^\d、，,。；;]{0,4}、")
_FROM_TO_TAIL = re.compile(r"的?(?:从|由)[^，,。；;]*$")
# 35个工业大类行业中有26个…: the noun counted, without the "among them" that leads to the next figure
_AMONG_TAIL = re.compile(r"(?:之中|(?<![集适居其命空])中|里)(?:共有|有)?$")
# 另有1亿多元政府专项债资金到位: the funds an amount names after it, and what becomes of them
_FUNDS = re.compile(
    rf"(?P<funds>[\u4e00-\u9fff]{{0,10}}(?:{_W['funds']}))(?:已|已经|全部|均)?"
    rf"(?:{_W['funds_arrive']})?$"
)
# 参与: a verb, not "and"; 42个重大项目完成投资86.5亿元: the verb of a figure that follows
_AFTER_NOUN_END = re.compile(
    rf"[、,，。；;:：）)和及（(\n]|(?<![参给])与|\d|(?:{_W['after_noun_verbs']})(?=[^，,。；;]*\d)"
)


@functools.lru_cache(maxsize=4)
def _phrase_cleaner(zone_re: re.Pattern[str] | None) -> Callable[[str], str]:
    """clean_phrase for one zone regex, with a cache of its own: articles repeat the same few
    clause openings (同比增长, 比上年) many times over. The regex keys only this outer cache (hashed
    once an article): in the key of every phrase's lookup, hashing its large program cost more than
    the cleaning saved."""

    @functools.lru_cache(maxsize=8192)
    def clean(text: str) -> str:
        text = _TIME.sub("", text)
        text = _COMPARE.sub("", text)
        text = _NUMBER_WITH_UNIT.sub("", text)
        for _ in range(3):
            before = text
            text = _LEAD.sub("", text)
            if zone_re is not None:
                m = zone_re.match(text)
                if m and not text.startswith("级", m.end()):  # 国家级…: a grade, not the country
                    text = text[m.end() :]
            text = _TRAIL.sub("", text)
            if text == before:
                break
        # 居民消费价格指数（CPI）: the brackets' closer goes with the strip, so the group goes too
        return _OPEN_TAIL.sub("", text.strip("“”\"'（）() ")).strip()

    return clean


@dataclass
class Attribution:
    phrase: str
    code: str | None
    share_of: str | None = None
    inherited: bool = False


class IndicatorResolver:
    def __init__(self, view: str, dicts: Dictionaries):
        self.view = view
        self.dicts = dicts
        assert dicts.indicator_re is not None
        self.matches = [(m.start(), m.end(), m.group()) for m in dicts.indicator_re.finditer(view)]
        self.starts = [m[0] for m in self.matches]
        self.zone_re = dicts.zone_re
        self._clean_phrase = _phrase_cleaner(dicts.zone_re)

    # -- helpers -----------------------------------------------------------------------------
    def aliases_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The aliases between start and end, without one in brackets right after another: 地区生产总值(GDP)
        names one indicator, by its name (an apposition is not a second, later alias)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        found = [m for m in self.matches[lo:hi] if m[1] <= end]
        return [
            m
            for k, m in enumerate(found)
            if not (
                k
                and self.view[m[0] - 1 : m[0]] == "("
                and found[k - 1][1] == m[0] - 1
                and self.view[m[1] : m[1] + 1] == ")"
            )
        ]

    def code_of(self, alias: str) -> str | None:
        """The code of an alias, also with a verb between its holder and its noun (规上工业企业实现营业收入)."""
        code = self.dicts.indicator_alias.get(alias)
        if code is None and _INNER_VERB.search(alias):
            code = self.dicts.indicator_alias.get(_INNER_VERB.sub("", alias))
        if code is None and (remark := _TRAILING_REMARK.search(alias)):
            code = self.code_of(alias[: remark.start()])  # 单项冠军企业(产品): a remark on what is counted
        return code

    def clean_phrase(self, text: str) -> str:
        return self._clean_phrase(text)

    def is_anaphoric(self, phrase: str) -> bool:
        return (
            phrase in _ANAPHORIC
            or _FROM_TO_LEFTOVER.fullmatch(phrase) is not None
            or _NAMES_NOTHING.fullmatch(phrase) is not None
            or self._only_places(phrase)
        )

    def _only_places(self, phrase: str) -> bool:
        """北仑区以2985.6亿元位居全市第一: the phrase names who, not what; the indicator is elsewhere."""
        if not phrase or self.dicts.zone_re is None:
            return False
        return not _PLACE_LINKS.sub("", _PLACE_NAME.sub("", self.dicts.zone_re.sub("", phrase)))

    def _near(self, alias_end: int, start: int) -> bool:
        """An alias names the level after it when little stands between (从2015年的X增加到2024年的 does)."""
        gap = self.view[alias_end:start]
        if len(gap) <= 20:
            return True
        return len(gap) <= 48 and bool(_FROM_TO.search(gap))

    def modified(self, alias_start: int) -> bool:
        """新增企业, 新认定国家高新技术企业: a count of new ones, not the indicator's stock;
        亩均税收: per unit of land; 对“一带一路”沿线国家进出口: the trade with some partners;
        机电产品出口, 民营企业进出口: a part of the indicator, of some goods or some holders."""
        return (
            bool(_MODIFIED_HEAD.search(self.view, max(0, alias_start - 7), alias_start))
            or bool(_PER_UNIT_HEAD.search(self.view, max(0, alias_start - 3), alias_start))
            or self.partner_start(alias_start) is not None
            or bool(self.qualifying_noun(alias_start))
        )

    def qualifying_noun(self, alias_start: int) -> str:
        """The noun right before an alias that narrows it (机电产品 in 机电产品出口), once the clause's
        opening words (其中, 全年, 全区实现, places and periods) are set aside; "" when there is none."""
        k = bisect.bisect_left(self.starts, alias_start)
        code = self.code_of(self.matches[k][2]) if k < len(self.starts) and self.starts[k] == alias_start else None
        indicator = self.dicts.indicators.get(code or "")
        if indicator is None or indicator.unit == "percent":
            return ""  # a rate is named with the people it is of (户籍居民养老保险参保率)
        m = _CLAUSE_OPENING.search(self.view, max(0, alias_start - 16), alias_start)
        opening = self.view[m.end() if m else max(0, alias_start - 16) : alias_start]
        rest = _SUBJECT_AND_VERB.sub("", self.clean_phrase(opening)) if opening else ""
        if len(rest) < 2 or not opening.endswith(rest) or _NOT_QUALIFYING.search(rest) or self.code_of(rest):
            return ""  # 规模以上工业企业利润总额: the holder is an indicator of its own, the whole of it
        return rest

    def partner_start(self, alias_start: int) -> int | None:
        """Where 对欧盟 starts before 出口: the partner belongs to the indicator's words."""
        m = _PARTNER_HEAD.search(self.view, max(0, alias_start - 16), alias_start)
        return m.start() if m else None

    def head_start(self, alias_start: int) -> int:
        """Where the indicator's words start: at a partner (对欧盟出口) or a narrowing noun (机电产品出口)."""
        partner = self.partner_start(alias_start)
        return partner if partner is not None else alias_start - len(self.qualifying_noun(alias_start))

    def _with_head(self, a_start: int, a_end: int) -> str:
        return self.view[self.head_start(a_start) : a_end].strip("“”")

    def noun_after(self, end: int, clause_end: int) -> str:
        high = RANGE_HIGH.match(self.view, end)
        end = high.end() if high else end  # 新增企业200-300家: after the range
        m = _AFTER_NOUN_END.search(self.view, end, clause_end)
        stop = m.start() if m else clause_end
        return _AMONG_TAIL.sub("", self.view[end:stop]).strip('“”" ')

    def _words_of_list_item(self, clause_start: int, end: int) -> str:
        """The clause's words before `end`, after the last figure of a list (其中国家级3家、省级5家:
        省级; 北仑增长8.5%、镇海增长6.1%: 镇海增长)."""
        items = list(_LIST_ITEM_AFTER_FIGURE.finditer(self.view, clause_start, end))
        return self.clean_phrase(self.view[items[-1].end() if items else clause_start : end])

    def scoped_code(self, code: str, words: str) -> str | None:
        """The indicator `code` counted over a statistical scope that `words` name (规上 … 工业增加值 →
        规模以上工业增加值), when the dictionary has it: an indicator named scope + the name or an alias of
        `code`. None when the words name no scope or the dictionary has no such indicator."""
        scoped = _scoped_indicators(self.dicts)
        return next(
            (scoped[code, scope] for scope in _SCOPE_FAMILY if scope in words and (code, scope) in scoped), None
        )

    def share_code(self, phrase: str, code: str | None, share_of: str | None = None) -> str | None:
        """X占比 in the dictionary names the share of X (高新技术产业增加值 → 高新技术产业增加值占比), and
        X占Y比重 its share of Y (R&D经费支出, 占GDP比重 → rd_intensity)."""
        wholes = (f"{phrase}占{share_of}比重",) if share_of else ()
        for candidate in (phrase + "占比", phrase + "比重", *wholes):
            found = self.code_of(candidate)
            if found:
                return found
        return code

    # -- the rules -------------------------------------------------------------------------
    def level(self, clause: tuple[int, int], start: int, end: int, unit: str) -> Attribution | None:
        """A level: alias before it in the clause, else the noun after a counted unit; None = inherit."""
        cs, ce = clause
        if _GAP_AFTER.match(self.view, end):  # 北仑以137.5亿元之差位居第二: a gap between two places
            return Attribution("差距", None)
        before = [m for m in self.aliases_between(cs, start) if self._near(m[1], start)]
        for a_start, _a_end, alias in reversed(before):
            code = self.code_of(alias)
            ind = self.dicts.indicators.get(code or "")
            if ind and unit_compatible(unit, ind.unit):
                phrase = self.view[self.head_start(a_start) : start]
                # GDP由2012年的1001亿元增加到2024年的…, 人均GDP达到29.3万元（: no part of the name
                phrase = _NUMBER_WITH_UNIT.sub("", _TIME.sub("", phrase))
                phrase = _TRAIL.sub("", _OPEN_TAIL.sub("", _FROM_TO_TAIL.sub("", phrase))) or alias
                return Attribution(phrase, None if self.modified(a_start) else code)
        after = [m for m in self.aliases_between(end, ce) if m[0] - end <= 1]
        for _a_start, _a_end, alias in after:
            code = self.code_of(alias)
            ind = self.dicts.indicators.get(code or "")
            if ind and unit_compatible(unit, ind.unit):
                return Attribution(self.noun_after(end, ce) or alias, code)
        if unit in ("count", "person"):
            noun = self.noun_after(end, ce)
            if noun:
                return Attribution(noun, None)
        phrase = self._words_of_list_item(cs, start)
        if not phrase and unit in ("CNY", "USD"):  # 另有1亿多元政府专项债资金到位: the money named after it
            funds = _FUNDS.match(self.noun_after(end, ce))
            if funds:
                return Attribution(funds["funds"], None)
        if before and phrase:
            return Attribution(phrase, self.code_of(phrase))
        far = self.aliases_between(cs, start)
        if far and phrase:  # 规上工业企业数量由2021年的68家增加到2024年的97家: the alias, far before
            a_start, a_end, alias = far[-1]
            ind = self.dicts.indicators.get(self.code_of(alias) or "")
            rest = phrase[phrase.rfind(alias) + len(alias) :] if alias in phrase else None
            if ind and rest in _COUNT_WORDS and unit_compatible(unit, ind.unit) and not self.modified(a_start):
                return Attribution(self._with_head(a_start, a_end) + rest, ind.code)
        if self.is_anaphoric(phrase):
            return None
        return Attribution(phrase, self.code_of(phrase))  # 规上工业完成总产值: a name with a verb inside

    def change_like(self, clause: tuple[int, int], start: int) -> Attribution | None:
        """Growth, multiple, points, change: own alias in the clause or inherit (None)."""
        cs, _ce = clause
        window = self.view[cs:start]
        pull = window.rfind("拉动")
        limit = cs + pull if pull >= 0 else start
        base = _COMPARED_WITH.search(window)
        if base:  # 高于GDP增速0.4个百分点: what a figure is compared with is not what it measures
            limit = min(limit, cs + base.start())
        before = self.aliases_between(cs, limit)
        if before:
            a_start, a_end, alias = before[-1]
            phrase = self._with_head(a_start, a_end)
            return Attribution(phrase, None if self.modified(a_start) else self.code_of(alias))
        phrase = self._words_of_list_item(cs, limit)
        if self.is_anaphoric(phrase):
            return None
        return Attribution(phrase, self.code_of(phrase))  # 规上工业完成总产值: a name with a verb inside

    def share(
        self, clause: tuple[int, int], start: int, end: int | None = None
    ) -> tuple[Attribution | None, str | None]:
        """A share: the part before 占/比重/贡献 (or inherit), and the whole after 占 or 完成 (around
        贡献…N%的X)."""
        cs, ce = clause
        window = self.view[cs:start]
        m = re.search(r"占比|比重|份额|占(?!地(?!方|区)|用|领|据|有)|贡献(?!率)了?", window) or TARGET_SHARE.search(
            window
        )
        key = cs + m.start() if m else start
        share_of = None
        if m and m.group() in ("占", "完成", "完成了"):
            # 占全市的比重由2020年的15.6%提高到…: the whole ends where its share or a span starts
            whole = _WHOLE_END.split(window[m.end() :], maxsplit=1)[0]
            whole = _SHARE_WORD.split(whole, maxsplit=1)[0]  # 占规上工业总产值的比重提高到12.5%
            whole = re.sub(r"的?(?:为|达|达到|约)?$", "", whole)
            share_of = whole or None
        noun = ""
        if m and m.group().startswith("贡献"):
            # 贡献了全区约45%的进出口额: the scope before the figure, the noun after its 的
            scope = _TRAIL.sub("", window[m.end() :])
            noun = self.noun_after(end + 1, ce) if end is not None and self.view.startswith("的", end) else ""
            share_of = scope + noun or None
        before = [a for a in self.aliases_between(cs, start) if a[0] < key]
        if before:
            a_start, a_end, alias = before[-1]
            rest = self.clean_phrase(self.view[a_end:key]) if a_end < key else ""
            if len(rest) >= 2 and not self.is_anaphoric(rest):  # 规上工业企业研发费用占…: the holder's
                return Attribution(self._with_head(a_start, a_end) + rest, None), share_of
            code = None if self.modified(a_start) else self.share_code(alias, self.code_of(alias), share_of)
            return Attribution(self._with_head(a_start, a_end), code), share_of
        phrase = self.clean_phrase(self.view[cs:key])
        if self.is_anaphoric(phrase):  # 北仑、镇海两区合计贡献了全市近四成的工业增加值: places give the part
            return (Attribution(noun, self.code_of(noun)) if noun else None), share_of
        return Attribution(phrase, self.share_code(phrase, None, share_of)), share_of

    def rank(self, clause: tuple[int, int], start: int) -> Attribution | None:
        cs, _ce = clause
        before = self.aliases_between(cs, start)
        if before:
            return Attribution(before[-1][2], self.code_of(before[-1][2]))
        # 居全市第一、全省第三: the rank before names no indicator either
        phrase = _IN_RANKING.sub("", self.clean_phrase(_RANK_WORDS.sub("", self.view[cs:start])))
        if _AMONG_PEERS.fullmatch(self.view, cs, start):
            phrase = ""  # 在全国36个大中城市中列第30位: the group it ranks among names no indicator
        if phrase and not self.is_anaphoric(phrase):
            return Attribution(phrase, None)
        ranking = _RANKING_BEFORE.search(self.view, max(0, cs - 60), cs)
        return Attribution(ranking["ranking"], None) if ranking else None

    def nearest_alias_before(self, lo: int, pos: int, unit: str | None = None) -> Attribution | None:
        """The last alias before `pos` (of an indicator a level in `unit` can measure, if given)."""
        for _a_start, _a_end, alias in reversed(self.aliases_between(lo, pos)):
            code = self.code_of(alias)
            ind = self.dicts.indicators.get(code or "")
            if unit is None or (ind is not None and unit_compatible(unit, ind.unit)):
                return Attribution(alias, code)
        return None
