"""Assigning a zone to every figure of an article (the rules are in zones.py).

Walks the clauses in order keeping the current subject zone, resets it to the main zone at each
paragraph, hands 分别 lists out in order, and gives port epithets (世界第一大港) to the port.
"""

from __future__ import annotations

import bisect
import re

from beilun_etl.extraction.candidates import Candidate
from beilun_etl.extraction.dictionaries import Dictionaries
from beilun_etl.extraction.lexicon import word_alternations
from beilun_etl.extraction.rules import rule
from beilun_etl.extraction.segments import Segments
from beilun_etl.extraction.zones import (
    BARE_PORT,
    COMPOSED_OF,
    NATIONAL_INDICATORS,
    PLACE_ACTS,
    PORT_OF_ENTRY_AFTER_PLACE,
    UNDER_THE_PLACE,
    UNKNOWN,
    ZoneResolver,
    find_zone_mentions,
    is_generic,
    main_zone,
    zones_named_by,
)

_W = word_alternations("zone_words")  # lexicon/zone_words.yaml


def title_span(seg: Segments) -> tuple[int, int]:
    return seg.paragraphs.spans[0] if seg.paragraphs.spans else (0, 0)


_PLACE_SUFFIX = re.compile(rf"(?:{_W['unknown_place']})" + PLACE_ACTS)
_PORT_EPITHET = re.compile(r"大?(?:港口|大港|港)")
_RANKED_GROUP_END = re.compile(r"[^，,。；;：:、]{0,10}?(?:首位|之首|前列|第[一二三四五六七八九十\d]|最)")
# 成为3个扩展区域中最集中的, 在5个试点区中排名第一: the subject is one of a group of its peers
_AMONG_PEERS_BEFORE = re.compile(rf"(?:{_W['among_peers_before']})$")
_AMONG_PEERS_AFTER = re.compile(
    rf"[^，,。；;：:、]{{1,8}}?(?:之中|当中|中)[^，,。；;：:、]{{0,4}}?(?:{_W['among_peers_after']})"
)


def _article_port(mentions, dicts) -> str | None:
    """The port the article names most (世界第一大港 is about it)."""
    counts: dict[str, int] = {}
    for _s, _e, code, _alias in mentions:
        zone = dicts.zones.get(code)
        if zone is not None and zone.zone_type == "port":
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _peer_group_zone(view: str, cand: Candidate, subject: str, dicts: Dictionaries) -> str:
    """成为3个扩展区域中最集中的: a group of the subject's peers is counted in the zone above the subject."""
    if not (
        _AMONG_PEERS_BEFORE.search(view, max(0, cand.start - 2), cand.start)
        and _AMONG_PEERS_AFTER.match(view, cand.end)
    ):
        return subject
    zone = dicts.zones.get(subject)
    return zone.parent_code if zone is not None and zone.parent_code in dicts.zones else subject


# The zone rules, in their order: the subject of the clause walk, then the rules that revise it
_Z = "zone"
MAIN_ZONE = rule(
    _Z,
    "main_zone",
    "no zone is the subject in the paragraph before it: the zone the article names most (its title and its"
    " sidecar's title or URL host weigh more: www.haishu.gov.cn names haishu, a national body's www.gov.cn china)",
    "北仑区经济运行情况\n全年实现地区生产总值2985.6亿元。",
    "2985.6亿元",
)
SUBJECT = rule(
    _Z,
    "subject_of_clause",
    "the zone at the start of its clause (after a time or a connector)",
    "北仑区经济运行情况\n其中镇海区实现地区生产总值1365.6亿元。",
    "1365.6亿元",
)
SUBJECT_BEFORE = rule(
    _Z,
    "subject_of_earlier_clause",
    "the subject of an earlier clause of its paragraph",
    "北仑区经济运行情况\n镇海区实现地区生产总值1365.6亿元，同比增长6.1%。",
    "6.1%",
)
UNKNOWN_PLACE = rule(
    _Z,
    "unknown_place",
    "a place the dictionary lacks, or a group of zones (229家国家级经开区, 各开发区), is the subject: no zone",
    "北仑区经济运行情况\n苏州工业园区实现地区生产总值3686亿元。",
    "3686亿元",
)
PORT_AREA = rule(
    _Z,
    "unnamed_port_area",
    "an unnamed 港区: the one port area of the paragraph, else the port",
    "宁波舟山港北仑港区完成集装箱吞吐量1200万标准箱。港区集装箱航线达120条。",
    "120条",
)
NATIONAL = rule(
    _Z,
    "national_indicator",
    "国内生产总值达到99.1万亿元: a clause naming the nation's own indicator is the country's",
    "北仑区经济运行情况\n全年国内生产总值达到99.1万亿元。",
    "99.1万亿元",
    revises=True,
)
GROUP_PLACE = rule(
    _Z,
    "group_place",
    "居全国4个试点地区首位: the size of the group a rank is taken in belongs to the place before it",
    "北仑区居全国4个试点地区首位。",
    "4个",
    revises=True,
)
COUNTED_ZONES = rule(
    _Z,
    "counted_zones",
    "浙江省21家国家级经开区参评: a count of zones of a kind belongs to the place named right before it (or after"
    " it: 由19个港区组成的宁波舟山港)",
    "宁波开发区考评\n浙江省21家国家级经开区参评。",
    "21家",
    revises=True,
)
_ZONES_COUNTED = re.compile(rf"(?:国家级|省级|市级)?(?:{_W['zone_kinds']})")
# 全市共有各类开发区28个: the count after the kind, the place before what it has
_ZONES_COUNTED_BEFORE = re.compile(rf"(?:共有|拥有|有)(?:各类|各级)?(?:国家级|省级|市级)?(?:{_W['zone_kinds']})$")


def _place_of_counted_zones(view: str, seg: Segments, c: Candidate, resolver: ZoneResolver) -> str | None:
    """The place whose zones a count counts (浙江省21家国家级经开区, 全市共有各类开发区28个), if it is one."""
    if c.kind != "number" or c.unit != "count":
        return None
    if counted := _ZONES_COUNTED.match(view, c.end):
        composed = COMPOSED_OF.match(view, counted.end())
        whole = resolver.mention_at(composed.end()) if composed else None
        if whole is not None:
            return resolver.zone_of(whole[2], whole[3])  # 由19个港区组成的宁波舟山港
        return resolver.place_before(c.start)
    before = _ZONES_COUNTED_BEFORE.search(view, seg.clauses.span(c.num_start)[0], c.start)
    return resolver.place_before(before.start()) if before else None


BRACKET = rule(
    _Z,
    "place_before_bracket",
    "北仑（6.1%）、镇海（5.8%）: a figure in brackets after a place",
    "北仑区经济运行情况\n各区增速为：北仑（6.1%）、镇海（5.8%）。",
    "5.8%",
    revises=True,
)
EPITHET = rule(
    _Z,
    "port_epithet",
    "世界第一大港: the rank of a port's epithet is the port's",
    "北仑区经济运行情况\n宁波舟山港连续15年保持世界第一大港地位。",
    "世界第一",
    revises=True,
)
LISTED = rule(
    _Z,
    "place_listed_with_figure",
    "北仑增长8.5%、镇海增长6.1%: a place right after the 、 that closes a figure",
    "宁波各区经济\n北仑增长8.5%、镇海增长6.1%。",
    "6.1%",
    revises=True,
)
# 快于鄞州的6.1%, 远不及余姚的19.7%, 高于全省平均的5.2%: the figure of the place a figure is compared with
COMPARED_WITH = re.compile(
    r"(?:高于|低于|快于|慢于|不及|不如|好于|优于|超过|超出|领先于?|落后于?)(?P<place>[^，,。；;\d]{1,10}?)(?:平均水平|平均)?的$"
)
COMPARED = rule(
    _Z,
    "compared_place",
    "快于鄞州的6.1%: the figure a figure is compared with is the compared place's",
    "宁波各区经济\n北仑增长8.5%，快于鄞州的6.1%。",
    "6.1%",
    revises=True,
)
PORT_OF_CITY = rule(
    _Z,
    "port_of_city",
    "a port's figure (throughput, berths) of a city that has one port: the port (上海 for 上海港); so is"
    " a figure no indicator names in a sentence about the port's goods (港口貨品中,海運貨品下跌5.9%)",
    "全球港口排名\n上海集装箱吞吐量4730万标准箱。",
    "4730万标准箱",
    revises=True,
)
_PORT_GOODS = re.compile(_W["port_goods"])
CITY_OF_PORT = rule(
    _Z,
    "city_of_port",
    "a figure a port's earlier subject reaches whose indicator is none of a port's (机场旅客吞吐量 after"
    " 宁波舟山港…；): the port's city",
    "宁波交通\n宁波舟山港集装箱吞吐量2635.1万标箱，跃居全球第三；机场旅客吞吐量突破千万人次。",
    "突破千万人次",
    revises=True,
)
_PORT_SIDE = ("port", "trade")  # the indicator categories a port has figures of
PORT_OF_ENTRY = rule(
    _Z,
    "port_of_entry",
    "a figure whose words name a port of entry (口岸进出口总额) and whose zone no subject gives: no zone of the"
    " dictionary, as 宁波口岸 has none",
    "宁波市政府工作报告\n口岸进出口总额达到2004.4亿美元。",
    "2004.4亿美元",
    revises=True,
)


def revise_zones_by_indicator(
    view: str,
    seg: Segments,
    cands: list[Candidate],
    zones: list[str],
    rules: list[str],
    codes: list[str | None],
    dicts: Dictionaries,
    phrases: list[str],
) -> None:
    """The zones the figures' indicators revise, once the indicators are known (`codes`, and the words
    `phrases` naming them):
    - words naming a port of entry (口岸进出口总额): no zone;
    - a city's indicator named in full (机场旅客吞吐量) that a port's earlier subject reaches: the port's city;
    - port indicators whose zone is a city with exactly one port in the dictionary (上海以973.97万个标准箱居首:
      上海港's boxes) move to that port; a port, a port area or a city with several ports keeps its zone.
      A figure without a code whose sentence speaks of the port's goods before it (抵港港口貨品中,…
      韓國(升28.0%)) is a part of the port's throughput."""
    ports: dict[str, list[str]] = {}
    for z in dicts.zones.values():
        if z.zone_type == "port" and z.parent_code:
            ports.setdefault(z.parent_code, []).append(z.code)
    for i, code in enumerate(codes):
        if phrases[i].startswith(PORT_OF_ENTRY_AFTER_PLACE) and rules[i].startswith(MAIN_ZONE):
            # (其中，镇海区完成619.8亿元 after 口岸进出口总值: a place named as the subject keeps it)
            zones[i] = UNKNOWN
            _revise(rules, i, PORT_OF_ENTRY)
            continue
        indicator = dicts.indicators.get(code or "")
        named_in_full = indicator is not None and indicator.name_zh in phrases[i]
        if named_in_full and indicator.category not in _PORT_SIDE and rules[i].startswith(SUBJECT_BEFORE):
            city = _city_of_port(zones[i], dicts)  # 机场旅客吞吐量 (a port's 旅客吞吐量 is its ferries')
            if city:
                zones[i] = city
                _revise(rules, i, CITY_OF_PORT)
            continue
        if len(ports.get(zones[i], ())) != 1:
            continue
        pos = cands[i].num_start
        port_figure = indicator is not None and indicator.category == "port"
        if port_figure or (code is None and _PORT_GOODS.search(view, _scope_start(view, seg, pos), pos)):
            zones[i] = ports[zones[i]][0]
            _revise(rules, i, PORT_OF_CITY)


def _city_of_port(code: str, dicts: Dictionaries) -> str | None:
    """The city a port lies in, if the zone is a port and its parent a city."""
    zone = dicts.zones.get(code)
    parent = dicts.zones.get(zone.parent_code or "") if zone is not None and zone.zone_type == "port" else None
    return parent.code if parent is not None and parent.zone_type == "city" else None


_CONTINUING = re.compile(_W["continuing_sentence"])


def _scope_start(view: str, seg: Segments, pos: int) -> int:
    """Where the sentence holding `pos` starts, or the sentence before it when this one goes on with
    it (此外,美國(跌25.9%)…則下跌: the same goods as the sentence before)."""
    index = seg.sentences.index(pos)
    start = seg.sentences.spans[index][0]
    if index and _CONTINUING.match(view, start) and seg.paragraphs.index(start) == seg.paragraphs.index(pos - 1):
        return seg.sentences.spans[index - 1][0]
    return start


RESPECTIVELY = rule(
    _Z,
    "respectively_zones",
    "A、B分别X和Y: X is A's, Y is B's (两县…分别: the two places its sentence names before)",
    "北仑区经济运行情况\n镇海区、鄞州区分别增长5.2%和3.1%。",
    "3.1%",
    revises=True,
)


_PAIR = re.compile(_W["pair_words"])


def _places_named_before(resolver: ZoneResolver, start: int, end: int) -> list[str]:
    """The two specific places a pair word (两县) stands for: those its sentence names before it."""
    places: list[str] = []
    lo, hi = bisect.bisect_left(resolver.starts, start), bisect.bisect_left(resolver.starts, end)
    for _s, _e, code, alias in resolver.mentions[lo:hi]:
        if not is_generic(alias, code) and code not in places:
            places.append(code)
    return places if len(places) == 2 else []


def _revise(rules: list[str], i: int, name: str) -> None:
    rules[i] = f"{rules[i]}>{name}"


def _places_listed_with_their_figures(
    view: str,
    seg: Segments,
    cands: list[Candidate],
    zones: list[str],
    resolver: ZoneResolver,
    rules: list[str],
    shares: list[bool],
) -> None:
    """北仑增长8.5%、镇海增长6.1%、鄞州增长7.8%: a place right after the 、 that closes a figure is
    the subject of the figures after it in the clause (全市第一 after a 、 is a rank's scope, 全国1%份额
    a share's whole)."""
    listed: str | None = None
    for i in range(1, len(cands)):
        c, prev = cands[i], cands[i - 1]
        if seg.clauses.index(c.num_start) != seg.clauses.index(prev.num_start):
            listed = None
            continue
        mention = resolver.mention_at(prev.end + 1) if view.startswith("、", prev.end) else None
        if mention and c.kind != "rank" and not (shares[i] and is_generic(mention[3], mention[2])):
            listed = resolver.zone_of(mention[2], mention[3])
        if listed:
            zones[i] = listed
            _revise(rules, i, LISTED)


def _national_clause(view: str, seg: Segments, cand: Candidate) -> bool:
    """国内生产总值达到99.1万亿元: a figure whose clause names the nation's own indicator is the country's."""
    start = seg.clauses.span(cand.num_start)[0]
    return any(view.find(word, start, cand.start) >= 0 for word in NATIONAL_INDICATORS)


def assign_zones(
    view: str,
    seg: Segments,
    cands: list[Candidate],
    dicts: Dictionaries,
    title: str | None = None,
    url: str | None = None,
    shares: list[bool] | None = None,
) -> tuple[list[str], str, list[str]]:
    """The zone code of each candidate (or zones.UNKNOWN), the article's main zone, and the names of
    the rules that decided each zone; `title` and `url` (the sidecar's) name what the article is
    about when its text does not (全区 only); `shares` tells the shares among the candidates."""
    mentions = find_zone_mentions(view, dicts)
    title_end = title_span(seg)[1]
    # a short byline/title block: the first two paragraphs count as title
    if len(seg.paragraphs.spans) > 1 and seg.paragraphs.spans[1][1] - seg.paragraphs.spans[1][0] < 40:
        title_end = seg.paragraphs.spans[1][1]
    main = main_zone(view, mentions, dicts, title_end, zones_named_by(title, url, dicts))
    port = _article_port(mentions, dicts)
    resolver = ZoneResolver(view, dicts, mentions, main, port)
    clause_zone: dict[int, str] = {}
    clause_rule: dict[int, str] = {}
    current, current_rule, current_from = main, MAIN_ZONE, -1
    named = set()
    needed = {seg.clauses.index(c.num_start) for c in cands}
    max_needed = max(needed) if needed else -1
    # Only clauses naming a zone (or an unknown place) can change the subject.
    active = {seg.clauses.index(m[0]) for m in mentions}
    active |= {seg.clauses.index(m.start()) for m in _PLACE_SUFFIX.finditer(view)}
    active |= {seg.clauses.index(m.start()) for m in re.finditer(BARE_PORT, view)}
    active |= {seg.clauses.index(m.start()) for m in re.finditer("区内", view)}
    active |= {seg.clauses.index(m.start()) for m in UNDER_THE_PLACE.finditer(view)}
    for ci, (cs, ce) in enumerate(seg.clauses.spans):
        if ci > max_needed:
            break
        if cs == 0 or view[cs - 1] == "\n":
            current, current_rule, current_from = main, MAIN_ZONE, -1  # a new paragraph
            named: set[str] = set()
        if ci in active:
            subject = resolver.clause_subject(cs, ce)
            found = SUBJECT if subject != UNKNOWN else UNKNOWN_PLACE
            if subject == BARE_PORT:
                # an unnamed 港区 is the one port area of the paragraph, else the port as a whole
                subject, found = (current if len(named) <= 1 else resolver.port), PORT_AREA
            if subject:
                current, current_rule, current_from = subject, found, ci
                named.add(subject)
        clause_zone[ci] = current
        clause_rule[ci] = SUBJECT_BEFORE if current_rule == SUBJECT and current_from != ci else current_rule
    zones = [clause_zone.get(seg.clauses.index(c.num_start), main) for c in cands]
    rules = [clause_rule.get(seg.clauses.index(c.num_start), MAIN_ZONE) for c in cands]
    for i, c in enumerate(cands):
        if _national_clause(view, seg, c):
            zones[i] = "china"
            _revise(rules, i, NATIONAL)
        # 居全国4个试点地区首位: the size of the group a rank is taken in, counted in the place named
        # right before it (辐射全国16个省 counts the subject's reach and keeps the subject's zone)
        if c.kind == "number" and c.unit == "count" and _RANKED_GROUP_END.match(view, c.end):
            zones[i] = resolver.place_before(c.start) or _peer_group_zone(view, c, zones[i], dicts)
            _revise(rules, i, GROUP_PLACE)
        place = _place_of_counted_zones(view, seg, c, resolver)
        if place:
            zones[i] = place
            _revise(rules, i, COUNTED_ZONES)
        if c.start and view[c.start - 1] in "(（":
            # 北仑（6.1%）、镇海（5.8%）: a figure in brackets right after a place is that place's
            place = resolver.place_before(c.start - 1)
            if place:
                zones[i] = place
                _revise(rules, i, BRACKET)
        compared = COMPARED_WITH.search(view, seg.clauses.span(c.num_start)[0], c.start)
        place = resolver.place_before(compared.end("place")) if compared else None
        if place:
            zones[i] = place
            _revise(rules, i, COMPARED)
        epithet = _PORT_EPITHET.match(view, c.end) if c.kind == "rank" else None
        if epithet:
            after = [m for m in mentions if m[0] == epithet.end()]
            zones[i] = after[0][2] if after else (port or zones[i])
            _revise(rules, i, EPITHET)
    _places_listed_with_their_figures(view, seg, cands, zones, resolver, rules, shares or [False] * len(cands))
    # 分别: A、B…分别…X和Y (the list may stand in an earlier clause of the sentence)
    for ci in sorted(needed):
        cs, ce = seg.clauses.spans[ci]
        k = view.find("分别", cs, ce)
        if k < 0:
            continue
        listed = resolver.zone_list_before(cs, k)
        sent_start = seg.sentences.span(cs)[0]
        back = ci - 1
        while not listed and back >= 0 and seg.clauses.spans[back][0] >= sent_start:
            bs, be = seg.clauses.spans[back]
            bk = view.find("分别", bs, be)
            listed = resolver.zone_list_before(bs, bk if bk >= 0 else be)
            back -= 1
        idxs = [i for i, c in enumerate(cands) if cs <= c.num_start < ce and c.num_start > k]
        if len(listed) < 2 and (pair := _PAIR.search(view, sent_start, k)):
            listed = _places_named_before(resolver, sent_start, pair.start())  # 宁海…和象山…，两县…分别
        if len(listed) >= 2 and len(idxs) == len(listed):
            for i, code in zip(idxs, listed, strict=True):
                zones[i] = code
                _revise(rules, i, RESPECTIVELY)
    return zones, main, rules
