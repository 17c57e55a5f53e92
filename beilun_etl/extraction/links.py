"""Links between figures: 其中 parts and their totals, 分别 lists, sub-indicators of a total.

其中进口额211.41亿元 after 跨境电商进出口总额597.7亿元 is a part of that total and, by the total's
prefix, the indicator 跨境电商进口额; 孵化器8家（国家级2家） links the parenthesis to the 8;
出口、进口分别增长5.2%和3.1% hands the n-th value to the n-th indicator.
"""

from __future__ import annotations

import bisect
import re

from beilun_etl.extraction.candidates import RANGE_DASHES, Candidate
from beilun_etl.extraction.indicators import SCOPE_WORDS, Attribution, IndicatorResolver, is_trail
from beilun_etl.extraction.lexicon import alternation
from beilun_etl.extraction.measures import MeasureInfo
from beilun_etl.extraction.segments import Segments

_PAREN_OPEN = re.compile(r"[（(][^）)]*$")


_LIST_JOINER = re.compile(r"^(?:、|和|及|与|以及|,)$")


# 城乡居民人均可支配收入分别为…和…: 城乡 names two indicators, the urban one's and the rural one's.
_URBAN_AND_RURAL = "城乡"
_URBAN_THEN_RURAL = ("城镇", "农村")


def _urban_and_rural(view: str, alias: tuple[int, int, str], resolver: IndicatorResolver) -> list[tuple]:
    """The urban and the rural indicator of an alias that 城乡 opens, when the dictionary has both."""
    start = alias[0] - len(_URBAN_AND_RURAL)
    if view[start : alias[0]] != _URBAN_AND_RURAL:
        return []
    phrases = [prefix + alias[2] for prefix in _URBAN_THEN_RURAL]
    if not all(resolver.code_of(phrase) for phrase in phrases):
        return []
    return [(start, alias[1], phrase) for phrase in phrases]


# 三次产业增加值分别为…, 第一、二、三产业增加值分别增长…, 第二、第三产业对GDP增长的拉动分别为…: one phrase
# names the values of the sectors it lists (三次产业: all three); their contributions to growth are read as theirs
_SECTOR_LIST = re.compile(
    r"(?:三次产业|(?P<listed>第?[一二三](?:产业)?(?:(?:、|和|及|与)第?[一二三](?:产业)?)+)产(?:业)?)(?P<what>增加值)?"
    r"(?:对(?:GDP|地区生产总值|经济)增长的(?:贡献率|拉动贡献|拉动|贡献))?[^，,。；;\d]{0,4}$"
)
_SECTORS = {"一": "第一产业", "二": "第二产业", "三": "第三产业"}


def _listed_sectors(view: str, start: int, k: int, resolver: IndicatorResolver) -> list[tuple]:
    """The indicators of the sectors a phrase names together, when the dictionary has them."""
    m = _SECTOR_LIST.search(view, start, k)
    if m is None:
        return []
    ordinals = re.findall("[一二三]", m["listed"]) if m["listed"] else list(_SECTORS)
    phrases = [_SECTORS[o] + (m["what"] or "增加值") for o in ordinals]
    if len(set(phrases)) < len(phrases) or not all(resolver.code_of(phrase) for phrase in phrases):
        return []
    return [(m.start(), m.end(), phrase) for phrase in phrases]


# 城镇和农村居民人均可支配收入, 进口、出口总额: heads joined by 和/、 that share the words after the last one.
_HEAD_JOINERS = ("和", "、", "与", "及")
_MAX_HEAD = 6


def _shared_tail(view: str, alias: tuple[int, int, str], resolver: IndicatorResolver) -> list[tuple]:
    """The indicators of heads listed before an alias that share its tail (城镇和农村居民人均可支配收入:
    城镇 + 居民人均可支配收入 and 农村居民人均可支配收入), when the dictionary has each of them."""
    start, end, phrase = alias
    for cut in range(1, len(phrase)):
        tail, at, listed = phrase[cut:], start, []
        while at > 0 and view[at - 1] in _HEAD_JOINERS:
            left = at - 1
            head = next(
                (
                    view[left - n : left]
                    for n in range(1, min(_MAX_HEAD, left) + 1)
                    if _is_head(view[left - n : left]) and resolver.code_of(view[left - n : left] + tail)
                ),
                None,
            )
            if head is None:
                break
            listed.insert(0, head + tail)
            at = left - len(head)
        if listed:
            return [(at, end, p) for p in listed] + [alias]
    return []


_LISTED_AFTER = re.compile(r"(?:、|和|及|与)(?P<item>[\u4e00-\u9fff]{1,8}?)(?=、|和|及|与|$)")


def _shared_head(view: str, alias: tuple[int, int, str], k: int, resolver: IndicatorResolver) -> list[tuple]:
    """The indicators of items listed after an alias that drop its head (规上工业总产值、增加值: 规上工业 +
    增加值 is 规上工业增加值), when the dictionary has each of them; the words before the values (分别)
    are the items and a trail (达到, 同比)."""
    start, end, phrase = alias
    rest = view[end:k]
    while rest and is_trail(rest[-1:]):  # 、增加值分别: the trail between the last item and the values
        rest = rest[:-1]
    items = [m["item"] for m in _LISTED_AFTER.finditer(rest)]
    if not items or "".join(f"、{i}" for i in items) != re.sub(r"和|及|与", "、", rest):
        return []
    for cut in range(len(phrase) - 1, 0, -1):
        head = phrase[:cut]
        if all(resolver.code_of(head + item) for item in items):
            return [alias] + [(start, k, head + item) for item in items]
    return []


_VERB_AFTER_RESPECTIVELY = re.compile(r"分别(?:实现|完成|达到|达|为|有)?")
_WORDS_BEFORE_VALUE = re.compile(r"([\u4e00-\u9fff]{2,8})(?=[\d０-９])")
_SCOPE_PREFIX = re.compile(f"^(?:{alternation(SCOPE_WORDS)})")
_HOLDER_LIST = re.compile(r"(?:[\u4e00-\u9fff()（）]{2,14}[、和及与]){1,8}[\u4e00-\u9fff()（）]{2,14}$")


def _holders_listed(view: str, cs: int, k: int, ce: int, resolver: IndicatorResolver) -> list[tuple]:
    """A、B、C分别实现X a、b、c: the holders listed before 分别 hold the indicator named after it
    (数字经济核心产业、战略性新兴产业分别实现规上工业增加值21.1亿元、41.1亿元: 战略性新兴产业增加值 is
    the second's), each read with the longest tail of that alias that the dictionary has after it."""
    verb = _VERB_AFTER_RESPECTIVELY.match(view, k)
    after = [a[2] for a in resolver.aliases_between(verb.end(), ce) if a[0] == verb.end()]
    words = _WORDS_BEFORE_VALUE.match(view, verb.end(), ce)  # …分别实现增加值109.78亿元: words, no alias
    listed = _HOLDER_LIST.search(resolver.clean_phrase(view[cs:k]))
    if not (after or words) or not listed:
        return []
    alias = after[0] if after else words.group(1)
    items = re.split(r"[、和及与]", listed.group())
    chain = []
    for item in items:
        holder = re.sub(r"[(（][^()（）]*[)）]$", "", item)
        holders = (holder, _SCOPE_PREFIX.sub("", holder))  # 规上战略性新兴产业: the dictionary's name has no scope
        named = next(
            (h + alias[n:] for n in range(len(alias) - 1) for h in holders if resolver.code_of(h + alias[n:])), None
        )
        chain.append((cs, k, named or item + alias))
    return chain if any(resolver.code_of(p) for _s, _e, p in chain) else []


def _is_head(words: str) -> bool:
    """A listed head is words alone: no digit, punctuation or joiner inside it."""
    return words.isalpha() and not any(j in words for j in _HEAD_JOINERS)


def respectively_indicators(
    view: str, seg: Segments, cands: list[Candidate], resolver: IndicatorResolver
) -> dict[int, Attribution]:
    """出口、进口分别增长5.2%和3.1%: the n-th value measures the n-th listed indicator.

    城乡 before a single indicator lists its urban and rural ones, 三次产业 the three sectors'. A 分别
    with no list of its own in its clause takes the list of the one before it in the sentence
    (城乡居民人均可支配收入分别为8.2万元和5.1万元，分别增长4.6%和6.0%) when no other figure stands
    between them, else the indicators of the figures just before it (_stated_before)."""
    out: dict[int, Attribution] = {}
    previous: tuple[int, list[tuple[int, int, str]], int] | None = None  # (sentence start, list, its values' end)
    k = view.find("分别")
    while k >= 0:
        cs, ce = seg.clauses.span(k)
        chain = _listed_indicators(view, cs, k, resolver)
        sentence_start = seg.full.span(k)[0]
        following = view.find("分别", k + 2, ce)  # …分别达到89210元和55680元、分别增长4.6%和6.1%
        idxs = [i for i, c in enumerate(cands) if k < c.num_start < (following if following >= 0 else ce)]
        if (
            not chain
            and previous is not None
            and previous[0] == sentence_start
            and not any(previous[2] <= c.num_start < k for c in cands)
        ):
            chain = previous[1]
        if not chain:
            chain = _holders_listed(view, cs, k, ce, resolver)
        if not chain:
            chain = _stated_before(view, seg, cands, resolver, sentence_start, k, len(idxs))
        if len(chain) >= 2 and len(idxs) == len(chain):
            for i, a in zip(idxs, chain, strict=True):
                out[i] = Attribution(a[2], resolver.code_of(a[2]))
        if len(chain) >= 2:  # a list whose values a PDF copy glued together still lists the next 分别's
            previous = (sentence_start, chain, cands[idxs[-1]].end if idxs else k)
        k = view.find("分别", k + 2)
    _values_listed_without_respectively(view, seg, cands, resolver, out)
    _one_value_for_a_list(view, seg, cands, resolver, out)
    return out


# 外贸进出口总额、实际利用外资分别位列全国第三; 固定资产投资、工业投资、服务业投资均增长12%左右
_ALL_OF_THEM = re.compile(r"(?<![年平])(?:均|都|皆|分别)")


def _one_value_for_a_list(
    view: str, seg: Segments, cands: list[Candidate], resolver: IndicatorResolver, out: dict[int, Attribution]
) -> None:
    """One value after a list of indicators and 均/都/分别 (…均增长12%左右): it holds for each of them,
    and the record, which has one indicator, takes the first listed (the others read the same value)."""
    for m in _ALL_OF_THEM.finditer(view):
        cs, ce = seg.clauses.span(m.start())
        idxs = [i for i, c in enumerate(cands) if m.start() < c.num_start < ce]
        if len(idxs) != 1 or idxs[0] in out:
            continue
        chain = _listed_indicators(view, cs, m.start(), resolver)
        if len(chain) >= 2:
            out[idxs[0]] = Attribution(chain[0][2], resolver.code_of(chain[0][2]))


def _listed_indicators(view: str, cs: int, k: int, resolver: IndicatorResolver) -> list[tuple[int, int, str]]:
    """The indicators listed in view[cs:k], the words before a list of values: 出口、进口; 城乡…,
    城镇和农村… and 存贷款… (heads sharing one tail); 三次产业…; a single one otherwise."""
    chain: list[tuple[int, int, str]] = []
    for a in reversed(resolver.aliases_between(cs, k)):
        joined = _LIST_JOINER.match(view[a[1] : chain[-1][0]]) if chain else is_trail(view[a[1] : k])
        if not joined:
            break
        chain.append(a)
    chain.reverse()
    aliases = resolver.aliases_between(cs, k)
    if not chain and aliases:
        chain = _shared_head(view, aliases[-1], k, resolver)
    if len(chain) <= 1:
        phrase = (cs, k, resolver.clean_phrase(view[cs:k]))
        chain = _contracted(phrase, resolver) or chain
    if len(chain) == 1:
        chain = _urban_and_rural(view, chain[0], resolver) or _shared_tail(view, chain[0], resolver) or chain
    if len(chain) <= 1:
        chain = _listed_sectors(view, cs, k, resolver) or chain
    return chain


def _contracted(phrase: tuple[int, int, str], resolver: IndicatorResolver) -> list[tuple[int, int, str]]:
    """存贷款余额: two one-character heads before a shared tail (存款余额, 贷款余额), each in the dictionary
    as an indicator of its own."""
    start, end, words = phrase
    for i in range(len(words) - 2):
        prefix, tail = words[:i], words[i + 2 :]
        listed = [prefix + words[i] + tail, prefix + words[i + 1] + tail]
        codes = [resolver.code_of(p) for p in listed]
        if all(codes) and codes[0] != codes[1] and not resolver.code_of(words[i:]):
            return [(start, end, p) for p in listed]
    return []


def _values_listed_without_respectively(
    view: str, seg: Segments, cands: list[Candidate], resolver: IndicatorResolver, out: dict[int, Attribution]
) -> None:
    """城镇和农村居民人均可支配收入达到73860元和42794元，增长5.4%和7.1%: values joined by 和 or 、 after
    a list of as many indicators pair up as with 分别 (and a later clause of the sentence whose values
    form a list as long takes the indicators of the list just before it, 分别 or not)."""
    i = 0
    while i < len(cands):
        group = [i]
        while group[-1] + 1 < len(cands) and _joined(view, cands[group[-1]], cands[group[-1] + 1]):
            group.append(group[-1] + 1)
        i = group[-1] + 1
        first = cands[group[0]]
        if len(group) < 2 or any(j in out for j in group):
            continue
        cs, _ce = seg.clauses.span(first.num_start)
        if view.find("分别", cs, first.start) >= 0:
            continue
        chain = _listed_indicators(view, cs, first.start, resolver)
        if len(chain) < 2:  # …增长5.4%和7.1%: the list before it, else the figures the sentence stated before it
            chain = _list_just_before(seg, cands, out, group) or _stated_before(
                view, seg, cands, resolver, seg.full.span(first.num_start)[0], first.start, len(group)
            )
        if len(chain) == len(group):
            for j, a in zip(group, chain, strict=True):
                out[j] = Attribution(a[2], resolver.code_of(a[2]))


def _list_just_before(
    seg: Segments, cands: list[Candidate], out: dict[int, Attribution], group: list[int]
) -> list[tuple[int, int, str]]:
    """The indicators of the values paired with a list last in the sentence before `group`, when there
    are as many (…存贷款余额分别为8837亿元和10972亿元，增长16.3%和11.8%: 存款余额, 贷款余额)."""
    sentence = seg.full.index(cands[group[0]].num_start)
    before = [j for j in sorted(out) if j < group[0] and seg.full.index(cands[j].num_start) == sentence]
    last = before[-len(group) :]
    phrases = [out[j].phrase for j in last]
    if len(last) != len(group) or len(set(phrases)) != len(phrases):
        return []
    return [(cands[j].start, cands[j].end, p) for j, p in zip(last, phrases, strict=True)]


def _joined(view: str, a: Candidate, b: Candidate) -> bool:
    """Two values of one list: numbers with the same unit, nothing but 和 or 、 between them."""
    return a.kind == b.kind == "number" and a.unit == b.unit and view[a.end : b.start] in ("和", "、")


def _stated_before(
    view: str, seg: Segments, cands: list[Candidate], resolver: IndicatorResolver, start: int, k: int, n: int
) -> list[tuple[int, int, str]]:
    """接待游客2150万人次，实现旅游总收入312亿元，分别增长12.5%和15.1%: the values of a 分别 with no list
    go to the indicators of the figures the sentence stated just before it, each named after the
    figure before it (one clause each, or items of one clause: 第一产业增加值13.05亿元、第二产业…)."""
    before = [c for c in cands if start <= c.num_start < k][-n:] if n >= 2 else []
    chain = []
    previous_end = -1
    for c in before:
        lo = max(seg.clauses.span(c.num_start)[0], previous_end)
        previous_end = c.end
        aliases = resolver.aliases_between(lo, c.start)
        phrase = resolver.clean_phrase(view[lo : c.start])
        if not aliases or resolver.code_of(phrase):
            # 省级科技型中小企业2850家: a phrase the dictionary lacks names it all the same;
            # 规上工业企业实现营业收入: one it has, but around a verb
            aliases = [] if resolver.is_anaphoric(phrase) else [(lo, c.start, phrase)]
        if not aliases:
            return []  # a figure without an indicator of its own
        chain.append(aliases[-1])
    return chain if len(chain) == n and len({a[2] for a in chain}) == n else []


def is_respectively_tail(view: str, prev: Candidate, cand: Candidate, clause_start: int) -> bool:
    """…分别增长5.1%和7.2%: the second value of a list shares the first one's measure and indicator,
    and so does the upper end of a range (增长5.5%-6%, 3%至5%, 200-300家)."""
    gap = view[prev.end : cand.start]
    if gap in ("和", "、", "与", "及"):
        return prev.kind == cand.kind == "number"
    if gap in (*RANGE_DASHES, "至", "到"):
        return prev.kind == cand.kind == "number" and prev.unit == cand.unit
    if gap not in (",", "，"):
        return False
    return view.rfind("分别", clause_start, prev.start) >= 0


_BALANCE = re.compile(r"顺差|逆差|差额")


def link_parts(view: str, seg: Segments, cands: list[Candidate], infos: list[MeasureInfo]) -> list[int | None]:
    """其中 figures and （国家级2家） parentheticals → the index of their total."""
    parts: list[int | None] = [None] * len(cands)
    starts = [c.num_start for c in cands]
    for i, c in enumerate(cands):
        if infos[i].measure != "level" or c.kind != "number":
            continue
        clause_start = seg.clauses.span(c.num_start)[0]
        if _BALANCE.search(view, clause_start, c.start):
            continue  # 其中出口…，进口…，贸易顺差700亿元: a balance is no part of the total
        if _PAREN_OPEN.search(view, max(0, c.start - 12), c.start):
            j = i - 1
            if j >= 0 and cands[j].unit == c.unit and infos[j].measure == "level" and c.start - cands[j].end < 14:
                parts[i] = j
                continue
        s_start, _s_end = seg.full.span(c.num_start)
        k = view.rfind("其中", s_start, c.start)
        if k < 0:
            continue
        lo = s_start
        if view[s_start:k].strip(" ，,") == "":
            para_start = seg.paragraphs.span(c.num_start)[0]
            lo = para_start
            if view[para_start:k].strip(" ，,\u3000") == "":
                # 其中 opens the paragraph: the total closes the previous one
                lo = _previous_paragraph_start(seg, para_start)
        first = bisect.bisect_left(starts, lo)
        for j in range(bisect.bisect_left(starts, k) - 1, first - 1, -1):
            if cands[j].unit == c.unit and infos[j].measure == "level" and parts[j] is None:
                parts[i] = j
                break
    return parts


def _previous_paragraph_start(seg: Segments, para_start: int) -> int:
    idx = seg.paragraphs.index(para_start) - 1
    while idx > 0 and not seg.view[slice(*seg.paragraphs.spans[idx])].strip():
        idx -= 1
    return seg.paragraphs.spans[idx][0] if idx >= 0 else para_start


def sub_indicator(resolver: IndicatorResolver, total_phrase: str, part_phrase: str) -> str | None:
    """跨境电商进出口总额 … 其中进口额 → 跨境电商进口额: the total's qualifier prefix on the part."""
    if not total_phrase or not part_phrase:
        return None
    for cut in range(1, len(total_phrase)):
        suffix = total_phrase[cut:]
        if suffix in resolver.dicts.indicator_alias and cut >= 2:
            code = resolver.code_of(total_phrase[:cut] + part_phrase)
            if code:
                return code
            break
    # 居民人均可支配收入 … 其中城镇居民 → 城镇居民人均可支配收入: the part names a kind of the total's
    # holder, and the rest of the total's name follows it
    for overlap in range(min(len(part_phrase), len(total_phrase)) - 1, 1, -1):
        at = total_phrase.find(part_phrase[-overlap:])
        if at >= 0:
            return resolver.code_of(part_phrase + total_phrase[at + overlap :])
    return resolver.code_of(part_phrase + total_phrase)
