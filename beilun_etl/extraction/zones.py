"""Which zone a figure is about.

The article's main zone is the zone it names most (the title counts three times); a Ningbo city
release is about `ningbo`, a Beilun feature about `beilun`. Within a paragraph a zone that is the
subject of a clause (at its start, after at most a time phrase or a connector: 其中北仑区…, 在梅山
港区，…) takes over for the figures that follow, until another subject; of a zone named right
after one it lies in (宁波舟山港北仑港区), the narrower is the subject. Generic words (全省, 全国)
are scopes of ranks and shares, not the zone of the figures that follow, but the size of the group
a rank is taken in is the scope's (居全国4个试点地区首位); 全区 returns to the main zone. A zone wider
than the main zone (浙江自贸区 in a Beilun article) only modifies a noun and does not take over.
`A、B…分别…X和Y` hands X to A and Y to B.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

from beilun_etl.extraction.dictionaries import GENERIC_ZONE_ALIASES, Dictionaries
from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.timeexpr import CN_MONTH

_W = word_alternations("zone_words")  # lexicon/zone_words.yaml

_YEAR_PARTS = alternation(LEX.periods["year_parts"])  # lexicon/periods.yaml
_RELATIVE_YEARS = alternation(LEX.periods["relative_years"])

# Aliases too generic to name a zone unless the text has named that zone in full before: 片区 refers
# back to 浙江自贸试验区宁波片区 in a feature about it, but is any area in 二是片区开发再推进.
BACK_REFERENCE_ZONE_ALIASES = frozenset({"片区"})
# A place's name inside the name of a newspaper, broadcaster or website (浙江日报, 宁波晚报, 中国宁波网)
# or of a customs district, which covers more than its city (杭州海关 counts Zhejiang's trade): the
# place is not what the figures are about.
_ZONE_KINDS = frozenset(LEX.word_lists["zone_words"]["zone_kinds"])
_QUALIFIED_INDICATOR = 12  # the reach of an indicator after a place, the words narrowing it included
_HANZI = re.compile(r"[\u4e00-\u9fff]*")
_ZONE_KIND_WORDS = tuple(sorted(_ZONE_KINDS, key=len, reverse=True))
_CLASS_BEFORE = re.compile(rf"(?:{_W['class_before']})$")
# 全国229家国家级经开区, 东部地区103家…, 各开发区 as a clause's subject: a group of zones, no zone of the dictionary
COMPOSED_OF = re.compile(r"(?:组成|构成)的")  # 由19个港区组成的宁波舟山港: the whole after the group
_GROUP_OF_ZONES = re.compile(rf"[^\d，。；]{{0,4}}?(?:\d+[家个]|各类?)(?:国家级|省级)?(?:{_W['zone_kinds']})")
OUTSIDE_THE_ZONE = re.compile(_W["outside_the_zone"])
UNDER_THE_PLACE = re.compile(_W["under_the_place"])
_NATIONAL_HOSTS = frozenset(LEX.word_lists["zone_words"]["national_hosts"])
ORGANISATION_AFTER_PLACE = ("日报", "晚报", "商报", "都市报", "报业", "电视台", "广播电视", "新闻网", "网", "海关")
# A port of entry (宁波口岸) is no zone of the dictionary: its figures get none.
PORT_OF_ENTRY_AFTER_PLACE = ("口岸",)
# Words that make a document, or a clause, about the whole country: the domestic product is the
# nation's (a region's is 地区生产总值); the National People's Congress and the State Council speak for it.
NATIONAL_INDICATORS = ("国内生产总值", "国民生产总值")  # the nation's own accounts (a place's is 地区生产总值)
NATIONAL_WORDS = (*NATIONAL_INDICATORS, "全国人民代表大会", "全国人大", "国务院")
# Generic words that stand for the zone the article is about (全市, 全区): with no such zone (an
# article about a place the dictionary lacks) they name none; 全国, 国家, 中国 are always the country.
_COUNTRY_WORDS = frozenset({"全国", "国家", "中国"})
# A place in a title the dictionary lacks (玉环市2019年…统计公报, 7组数据看淄博高新区…): 2-5 characters
# of a name, then what a place's name ends with.
_TITLE_PLACE = re.compile(
    r"(?:^|(?<=[\s\d年|:：·》」”)）看读说在于]))"
    rf"(?P<name>(?:(?![我本全该各年度季月日的和与及])[\u4e00-\u9fff]){{2,5}}?)(?:{_W['title_place']})"
)
_NOT_A_PLACE_NAME = re.compile(rf"(?:{_W['not_a_place_name']})$")
_URL_HOST = re.compile(r"^[a-z]+://(?P<host>[^/:]+)", re.IGNORECASE)

_SUBJECT_PREFIX = re.compile(
    rf"(?:[\s“”\"'（(）)]|{_W['subject_prefix']}|"
    rf"数据显示|{_W['subject_openers']}|"
    rf"{_RELATIVE_YEARS}|{_YEAR_PARTS}|"
    r"一季度|二季度|三季度|四季度|首[二两三]?季度?|首半年|[前首]\d{1,2}个?月|(?:19|20)\d{2}年(?:\d{1,2}月(?:份)?)?(?:末|底)?|\d{1,2}月(?:份)?|"
    rf"{CN_MONTH}|"
    rf"\d{{1,2}}-\d{{1,2}}月|{_W['subject_openers_after_time']}|"
    r"落户(?:于|在)?|位于|地处|坐落(?:于|在)?|【[^】\n]{1,12}】|据[^，,。；;\n]{1,10}(?:报道|消息)|"
    # a news agency's byline: 本报讯, （本报宁波电）, 新华社宁波11月20日电（记者 张三）
    rf"[（(【]?(?:{_W['news_agencies']})[^，,。；;\n）)】]{{0,20}}?[电讯]"
    r"(?:[（(]记者[^）)\n]{0,20}[）)])?[）)】]?)*"
)
_WITHIN_AREA = "区内"
_PORT_TYPES = frozenset({"port", "port_area"})
# What 区内 can refer to: a district or an area within one, never a port area (港区) or a city.
_AREA_TYPES = frozenset(
    {"district", "area", "bonded_zone", "development_zone", "free_trade_zone", "industrial_park", "new_area"}
)
_WHOLE_OR_BASE_BEFORE = re.compile(rf"(?:{_W['whole_or_base_before']})$")
_DISTRICTS = frozenset({"district", "county", "county_city"})
_EACH_DISTRICT = re.compile(r"各区县|各区|各县|各地|区县（市）|区县\(市\)")
_LIST_SEP = re.compile(r"^[、和及与,]$")
# What follows a place acting as the subject: 苏州工业园区实现…, 定海区以560亿元居首
# (昆山市2024年GDP达…, 舟山市2024年实现…: a year may stand between them)
_YEAR_AFTER_PLACE = r"(?:19|20)\d{2}年"
# …or a period of the year (宁波前湾新区首季实现…, 慈溪市1-9月实现…)
_PERIOD_AFTER_PLACE = (
    rf"(?:今年以来|{_RELATIVE_YEARS}|{_YEAR_PARTS}|[一二三四]季度|首季度?|"
    r"\d{1,2}[-—~至]\d{1,2}月(?:份)?|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,2}月)"
)
PLACE_ACTS = (
    rf"(?=(?:{_YEAR_AFTER_PLACE}|{_PERIOD_AFTER_PLACE})?"
    rf"(?:{_W['place_acts']}|的?地区生产总值|规上|规模以上|GDP|以[\d约近超逾]))"
)
# A place the dictionary lacks, as the subject of a clause (苏州工业园区实现…): its figures get no zone
# rather than the article's.
_UNKNOWN_PLACE = re.compile(
    rf"(?![该本我全各两新其此占较比在对与])(?:(?![境各内辖全等的和与及])[\u4e00-\u9fff]){{2,6}}?(?:{_W['unknown_place']})"
    + PLACE_ACTS
)
UNKNOWN = "__unknown__"
BARE_PORT = "港区"
# After a zone wider than the article's, these make it the subject (宁波实现地区生产总值…) rather
# than a modifier of a noun (宁波“绿能港”项目, 浙江自贸区油气服务平台).
_SUBJECT_VERB = re.compile(
    rf"(?:{_W['subject_verbs']}|新[设建引认开批]|{_W['subject_verb']}|{_PERIOD_AFTER_PLACE}|全市|经济|的(?:地区生产总值|GDP)|"
    r"增长|下降|增速|同比|比上年|GDP|规上|规模以上|(?:整体|总体|全区|全市)?(?:来看|看|而言|方面))"
)
_YEAR_OR_YEAR_END_AFTER_PLACE = re.compile(_YEAR_AFTER_PLACE + "(?:末|底)?")
_DISTRICT_TYPES = ("district", "county", "county_city")
_OWN_AREA_WORDS = frozenset({"全区", "我区", "本区"})
_CITY_TYPES = ("county_city", "city")
_GENERIC_TYPES = {
    "全市": _CITY_TYPES,
    "我市": _CITY_TYPES,
    "本市": _CITY_TYPES,
    "全省": ("province",),
    "我省": ("province",),
    "全国": ("country",),
    "全区": _DISTRICT_TYPES,
    "我区": _DISTRICT_TYPES,
    "本区": _DISTRICT_TYPES,
    "全县": _DISTRICT_TYPES,
    "我县": _DISTRICT_TYPES,
}


def find_zone_mentions(view: str, dicts: Dictionaries) -> list[tuple[int, int, str, str]]:
    """(start, end, code, alias) for every zone alias in the text, longest match first; not a place
    in an organisation's name (浙江日报, 杭州海关), nor a back-reference (片区) to a zone not named
    in full before it, nor a kind of zone after a word of a class (229家国家级经开区, 各开发区) or in
    a text that names that kind of zone of other places (杭州经开区, 萧山经开区: 经开区 is the kind)."""
    assert dicts.zone_re is not None
    mentions = []
    named_in_full: set[str] = set()
    matches = list(dicts.zone_re.finditer(view))
    kinds_of_others = {
        m.group() for prev, m in itertools.pairwise(matches) if m.group() in _ZONE_KINDS and prev.end() == m.start()
    }
    for m in matches:
        alias = m.group()
        if alias in kinds_of_others:
            continue
        if alias.endswith("港") and view.startswith("城", m.end()) and alias[:-1] in dicts.zone_alias:
            alias = alias[:-1]  # 北仑港城: the port city 北仑, not the port
        end = m.start() + len(alias)
        code = dicts.zone_alias[alias]
        if view.startswith(ORGANISATION_AFTER_PLACE, end):
            continue
        if alias in BACK_REFERENCE_ZONE_ALIASES and code not in named_in_full:
            continue
        if alias in _ZONE_KINDS and _CLASS_BEFORE.search(view, max(0, m.start() - 3), m.start()):
            continue
        named_in_full.add(code)
        mentions.append((m.start(), end, code, alias))
    return mentions


def zones_named_by(title: str | None, url: str | None, dicts: Dictionaries) -> list[str]:
    """The zones a sidecar names for the document: the specific zones of its title, else of its
    URL's host, whose labels are the pinyin of a place (www.haishu.gov.cn → haishu) or which is a
    national body's (www.gov.cn → china); UNKNOWN for a
    title naming only a place the dictionary lacks."""
    from beilun_etl.extraction.textnorm import matching_view

    if title:
        view = matching_view(title)
        found = [code for _s, _e, code, alias in find_zone_mentions(view, dicts) if not is_generic(alias, code)]
        if found:
            return found
        if unknown_place_in_title(view, []):
            return [UNKNOWN]
    host = _URL_HOST.match(url or "")
    if host is None:
        return []
    if host["host"].lower().removeprefix("big5.") in _NATIONAL_HOSTS:
        return ["china"]  # www.gov.cn: a national body's release is the country's
    labels = host["host"].lower().split(".")
    by_name = {_pinyin_key(z.code): z.code for z in dicts.zones.values()}
    return [by_name[label] for label in labels if label in by_name]


def _pinyin_key(code: str) -> str:
    """The pinyin a host label would spell for a zone code (taizhou_zj → taizhou_zj, haishu → haishu)."""
    return code.lower()


def is_generic(alias: str, code: str) -> bool:
    return alias in GENERIC_ZONE_ALIASES or code == "china"


def unknown_place_in_title(title: str, mentions: list[tuple[int, int, str, str]]) -> bool:
    """Whether the title names a place (玉环市, 淄博高新区) that no zone mention covers."""
    for m in _TITLE_PLACE.finditer(title):
        if _NOT_A_PLACE_NAME.search(m["name"]) or any(
            ms <= m.start() < me or m.start() <= ms < m.end() for ms, me, _c, _a in mentions
        ):
            continue
        return True
    return False


def main_zone(
    view: str,
    mentions: list[tuple[int, int, str, str]],
    dicts: Dictionaries,
    title_end: int,
    named_by_sidecar: list[str] | None = None,
) -> str:
    """The zone the article is about: most named, title mentions weighted, specific over generic;
    the zones its sidecar's title or URL names count as title mentions. UNKNOWN when its title names
    only a place the dictionary lacks, or when it names no zone at all (never a default district);
    the words that speak for the nation (国内生产总值, 国务院) name `china`."""
    sidecar = named_by_sidecar or []
    if UNKNOWN in sidecar:
        return UNKNOWN
    title_mentions = [m for m in mentions if m[0] < title_end and not is_generic(m[3], m[2])]
    if not title_mentions and not sidecar and unknown_place_in_title(view[:title_end], mentions):
        return UNKNOWN  # 玉环市2019年统计公报: the 台州 of its body is not what it is about
    scores: Counter[str] = Counter(sidecar * 3)
    for k, (start, end, code, alias) in enumerate(mentions):
        if alias in GENERIC_ZONE_ALIASES or code == "china":
            continue
        following = mentions[k + 1] if k + 1 < len(mentions) else None
        if following and following[0] == end and code in dicts.ancestors(following[2])[1:]:
            continue  # 宁波北仑区, 浙江宁波: the place named after it is the one meant
        if view.startswith(PORT_OF_ENTRY_AFTER_PLACE, end):
            code = UNKNOWN  # 宁波口岸: a port of entry, no zone of the dictionary
        scores[code] += 3 if start < title_end else 1
    for word in NATIONAL_WORDS:  # 国务院, 国内生产总值: the nation named (北京 is only where it met)
        for m in re.finditer(word, view):
            scores["china"] += 3 if m.start() < title_end else 1
    if not scores:
        return UNKNOWN
    best = max(scores.values())
    tied = [code for code, score in scores.items() if score == best]
    # Prefer district-like zones on a tie (a Beilun article names 宁波 as often as 北仑 sometimes).
    tied.sort(key=lambda c: -dicts.zones[c].depth if c in dicts.zones else 0)
    top = tied[0]
    city = _comparison_city(scores, dicts, view[:title_end])
    return city or top


def _comparison_city(scores: Counter[str], dicts: Dictionaries, title: str) -> str | None:
    """An article comparing several districts of a city (各区县…) is about the city."""
    districts = {c: n for c, n in scores.items() if c in dicts.zones and dicts.zones[c].zone_type in _DISTRICTS}
    if len(districts) < 3:
        return None
    total = sum(districts.values())
    if max(districts.values()) * 2 > total and not _EACH_DISTRICT.search(title):
        return None
    parents = {dicts.zones[c].parent_code for c in districts}
    if len(parents) == 1:
        parent = parents.pop()
        return parent if parent in dicts.zones else None
    return None


def _generic_target(alias: str, main: str, dicts: Dictionaries, own: frozenset[str] = frozenset()) -> str | None:
    """全区 → the main zone, 全市 → its city, 全省 → its province (a zone of that type up the tree).
    `own`: the generic words the article uses for its main zone itself (全区 of 大榭开发区, which it calls a 区
    of its own; 全市 of 奉化市, a district now that a text of 2003 calls a city)."""
    if alias in own:
        return main
    types = _GENERIC_TYPES.get(alias)
    if not types:
        return None
    for code in dicts.ancestors(main):
        if dicts.zones[code].zone_type in types:
            return code
    return None


_OWN_CITY_WORDS = frozenset({"全市", "我市", "本市"})


def _named_as_city(main: str, mentions: list[tuple[int, int, str, str]], dicts: Dictionaries) -> bool:
    """Whether the text calls `main`, a district or county of today, a city (奉化市 before 2016, when it
    was a county-level one): its 全市 is that place, not the city above it."""
    zone = dicts.zones.get(main)
    if zone is None or zone.zone_type not in _DISTRICT_TYPES:
        return False
    return any(code == main and alias.endswith("市") for _s, _e, code, alias in mentions)


def _named_as_area(view: str, main: str, mentions: list[tuple[int, int, str, str]], dicts: Dictionaries) -> bool:
    """Whether the text names `main`, an area within a district, with a word ending in 区 (大榭开发区)
    and never names the district it lies in, nor another place within it (春晓街道), other than as
    the whole of a share or the base of a comparison (占北仑区的三成): else 全区 may well be the
    district."""
    zone = dicts.zones.get(main)
    if zone is None or zone.zone_type in _DISTRICT_TYPES:
        return False
    districts = {c for c in dicts.ancestors(main) if dicts.zones[c].zone_type in _DISTRICT_TYPES}
    named = {
        code
        for s, _e, code, alias in mentions
        if alias not in GENERIC_ZONE_ALIASES and not _WHOLE_OR_BASE_BEFORE.search(view, max(0, s - 3), s)
    }
    others_within = {
        code
        for code in named
        if code != main and main not in dicts.ancestors(code) and districts & set(dicts.ancestors(code))
    }
    return (
        bool(districts)
        and not districts & named
        and not others_within
        and any(code == main and alias.endswith("区") for _s, _e, code, alias in mentions)
    )


class ZoneResolver:
    """Zone of each figure, walking paragraphs and clauses in order."""

    def __init__(
        self,
        view: str,
        dicts: Dictionaries,
        mentions: list[tuple[int, int, str, str]],
        main: str,
        port: str | None = None,
    ):
        self.view = view
        self.port = port or main  # the port the article names most
        self.dicts = dicts
        self.mentions = mentions
        self.main = main
        self.main_depth = dicts.zones[main].depth if main in dicts.zones else 3
        self.starts = [m[0] for m in mentions]
        self.own = (_OWN_AREA_WORDS if _named_as_area(view, main, mentions, dicts) else frozenset()) | (
            _OWN_CITY_WORDS if _named_as_city(main, mentions, dicts) else frozenset()
        )

    def place_before(self, pos: int) -> str | None:
        """The zone named right before `pos`, a generic word (全国, 全市) read from the main zone."""
        return next((self.zone_of(code, alias) for _s, end, code, alias in self.mentions if end == pos), None)

    def mention_at(self, pos: int) -> tuple[int, int, str, str] | None:
        """The zone mention (start, end, code, alias) starting at `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        return self.mentions[k] if k < len(self.starts) and self.starts[k] == pos else None

    def zone_of(self, code: str, alias: str) -> str:
        """A mention's zone, a generic word (全国, 全市) read from the main zone."""
        if alias in GENERIC_ZONE_ALIASES:
            target = _generic_target(alias, self.main, self.dicts, self.own)
            if target is None and self.main == UNKNOWN and alias not in _COUNTRY_WORDS:
                return UNKNOWN  # 全市 in an article about a place the dictionary lacks
            return target or code
        return code

    def clause_subject(self, clause_start: int, clause_end: int, label: bool = False) -> str | None:
        """The zone named as the subject of this clause, if any.

        A `label` (a table's row label, column header or caption) names its zone without a verb:
        a row 宁波市 in a Beilun table is Ningbo's figure."""
        prefix_end = _SUBJECT_PREFIX.match(self.view, clause_start, clause_end).end()
        first = bisect.bisect_left(self.starts, prefix_end)  # a place in a byline is not the subject
        if self.view.startswith(BARE_PORT, prefix_end):
            return BARE_PORT  # 港区…: the caller resolves the unnamed port area
        if self.view.startswith(_WITHIN_AREA, prefix_end):
            return self._area_named_before(clause_start)  # 区内共有外贸企业…
        if (under := UNDER_THE_PLACE.match(self.view, prefix_end, clause_end)) and not self._named_at(under.end()):
            return UNKNOWN  # 深圳港方面，辖下盐田港…: places under the one before, none the dictionary has
        if group := _GROUP_OF_ZONES.match(self.view, prefix_end, clause_end):
            composed = COMPOSED_OF.match(self.view, group.end(), clause_end)
            whole = self.mention_at(composed.end()) if composed else None
            if whole is not None:
                return self.zone_of(whole[2], whole[3])  # 由19个港区组成的宁波舟山港: the whole the group makes
            return UNKNOWN  # 229家国家级经开区实现…: the figure of a group of zones
        if self._bare_kind_of_zones(prefix_end, clause_end):
            return UNKNOWN  # 开发区创造出全市50%以上的生产总值: the zones of that kind together
        unknown = _UNKNOWN_PLACE.match(self.view, prefix_end, clause_end)
        if unknown and not any(
            m[0] == unknown.start() and m[1] >= unknown.end() for m in self.mentions[first : first + 3]
        ):
            return UNKNOWN  # 苏州工业园区: longer than any zone the dictionary knows
        for k, (start, end, code, alias) in enumerate(self.mentions[first:], start=first):
            if start >= clause_end:
                break
            prefix = self.view[clause_start:start]
            if _SUBJECT_PREFIX.fullmatch(prefix) is None:
                # a list of zones at the start: 慈溪市、余姚市…
                return None
            if self.view.startswith(PORT_OF_ENTRY_AFTER_PLACE, end):
                return UNKNOWN  # 宁波口岸进出口…: a port of entry, no zone of the dictionary
            if under := UNDER_THE_PLACE.match(self.view, end, clause_end):
                # 深圳港辖下盐田港、蛇口港…: the places under it; none the dictionary has, no zone
                return self.clause_subject(under.end(), clause_end, label) if self._named_at(under.end()) else UNKNOWN
            generic = alias in GENERIC_ZONE_ALIASES or code == "china"
            target = _generic_target(alias, self.main, self.dicts, self.own) if generic else code
            zone = self.dicts.zones.get(target or "")
            if zone is None:
                return None
            target, end = self._narrowest_of_chain(k, target, end)
            if self.dicts.zones[target].depth < self.main_depth and not label and not self._acts_as_subject(end):
                return None
            return target
        return None

    def _bare_kind_of_zones(self, pos: int, clause_end: int) -> bool:
        """A kind of zone (开发区) opening a clause that names no specific zone, in a text about no zone of
        that kind: the zones of that kind together, not one of the dictionary's."""
        main = self.dicts.zones.get(self.main)
        kind = next((k for k in _ZONE_KIND_WORDS if self.view.startswith(k, pos)), None)
        if kind is None or self._named_at(pos):
            return False
        if main is not None and any(name.endswith(kind) for name in (main.name_zh, *main.aliases)):
            return False  # a text about 宁波经济技术开发区 (杭州湾新区): 开发区 (新区) is it
        k, end = bisect.bisect_left(self.starts, pos), bisect.bisect_left(self.starts, clause_end)
        return all(is_generic(alias, code) for _s, _e, code, alias in self.mentions[k:end])

    def _named_at(self, pos: int) -> bool:
        """Whether a zone mention starts at `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        return k < len(self.starts) and self.starts[k] == pos

    def _area_named_before(self, pos: int) -> str:
        """The 区 of 区内: the one the article is about (北仑区, 保税区); in an article about a port,
        the last 区 named before (北仑区商务局表示…。区内现有外资企业…)."""
        main = self.dicts.zones.get(self.main)
        if main is None or main.zone_type not in _PORT_TYPES:
            return self.main
        for _start, _end, code, _alias in reversed(self.mentions[: bisect.bisect_left(self.starts, pos)]):
            if code in self.dicts.zones and self.dicts.zones[code].zone_type in _AREA_TYPES:
                return code
        return self.main

    def _narrowest_of_chain(self, k: int, target: str, end: int) -> tuple[str, int]:
        """宁波舟山港北仑港区, 宁波北仑, 北仑穿山港区: a zone named right after one it lies in is the subject."""
        for start, next_end, code, _alias in self.mentions[k + 1 :]:
            within = self.dicts.ancestors(code)[1:] + self.dicts.ancestors(self.dicts.district_of.get(code, ""))
            if start != end or target not in within:
                break
            target, end = code, next_end
        return target, end

    def _acts_as_subject(self, end: int) -> bool:
        """A verb or an indicator right after the zone (and its year): 宁波实现…, 全市规模以上工业增加值…,
        舟山市2024年实现…"""
        year = _YEAR_OR_YEAR_END_AFTER_PLACE.match(self.view, end)
        end = year.end() if year else end
        if _SUBJECT_VERB.match(self.view, end):
            return True
        m = (
            self.dicts.indicator_re.search(self.view, end, end + _QUALIFIED_INDICATOR)
            if self.dicts.indicator_re
            else None
        )
        # 浙江省高新技术产品出口737.0亿元: an indicator narrowed by a few words of its own (not 宁波“绿能港”项目)
        return m is not None and _HANZI.fullmatch(self.view, end, m.start()) is not None

    def zone_list_before(self, clause_start: int, pos: int) -> list[str]:
        """Zones listed at the start of a clause (A、B…) before `pos`: the owners of 分别 figures."""
        zones: list[str] = []
        last_end = None
        first = bisect.bisect_left(self.starts, clause_start)
        for start, end, code, alias in self.mentions[first:]:
            if start >= pos:
                break
            if alias in GENERIC_ZONE_ALIASES:
                continue
            if last_end is None:
                if _SUBJECT_PREFIX.fullmatch(self.view[clause_start:start]) is None:
                    return []
            elif not _LIST_SEP.match(self.view[last_end:start]):
                break
            zones.append(code)
            last_end = end
        return zones
