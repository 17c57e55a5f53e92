"""extract_figures: every figure of one article as a FACTS.md record.

The steps run on the matching view (simplified, half-width, same length as the stored text):
candidates → measure → zone → period → indicator → part/whole links; text, sentence and offsets
are taken from the stored text. Pipe tables are read cell by cell (tables.py) and blanked in the view
the sentence rules read, so that a table figure is found once and prose is read as without the table.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from beilun_etl.extraction.candidates import BARE, Candidate, find_candidates
from beilun_etl.extraction.dictionaries import Dictionaries, load_dictionaries
from beilun_etl.extraction.indicators import Attribution, IndicatorResolver
from beilun_etl.extraction.leadins import LeadIns
from beilun_etl.extraction.links import is_respectively_tail, link_parts, respectively_indicators, sub_indicator
from beilun_etl.extraction.measures import MeasureInfo, classify
from beilun_etl.extraction.periods import (
    FigureTiming,
    apply_following_span,
    apply_planned,
    apply_respective_periods,
    assign_periods,
    data_year,
    widen_inherited_days,
)
from beilun_etl.extraction.publication import TITLE_YEAR
from beilun_etl.extraction.segments import Segments
from beilun_etl.extraction.table_layout import find_tables, mask_tables
from beilun_etl.extraction.tables import TableFigure, table_figures
from beilun_etl.extraction.textnorm import matching_view
from beilun_etl.extraction.timeexpr import find_time_expressions, review_year
from beilun_etl.extraction.zones import UNKNOWN, ZoneResolver, find_zone_mentions
from beilun_etl.extraction.zoning import assign_zones, title_span

_RATIO_PARTS = ("value_added_primary", "value_added_secondary", "value_added_tertiary")
# A work report is named for the year it is delivered in; the year it reports on is the one before
_WORK_REPORT = "工作报告"
_RATIO_NAMES = ("第一产业增加值", "第二产业增加值", "第三产业增加值")
# 新引进内资项目, 净增市场主体: new things counted over a period, a flow whatever the noun
_NEW_THINGS = re.compile(r"(?:新|净增|引进|签约)")


_ADDED = r"(?:新增|新引进|新认定|新获批|新批|净增)"
_NEW_PREFIX = re.compile(_ADDED)
_ADDED_BEFORE = re.compile(_ADDED + "了?$")
# 企业6.1万家，其中近四成为科技型企业: a percentage opening its clause, then the part it names
_PART_NAMED_AFTER = re.compile(r"(?:以上|左右)?(?:为|是)(?=[\u4e00-\u9fff])")
_OPENS_CLAUSE = re.compile(r"(?:其中|[，,、\s])*")
_SAME_PERIOD_BEFORE = re.compile(r"(?:去年|上年|前年)同期(?:为|是)?")
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
    if new and _RUNNING_TOTAL.search(view, clause_start, start):
        things = inherited.phrase[new.end() :]
        return Attribution(things, resolver.code_of(things), inherited=True)
    added = _ADDED_BEFORE.search(view[clause_start:start])
    if new is None and added:
        things = added.group().rstrip("了") + inherited.phrase
        return Attribution(things, resolver.code_of(things), inherited=True)
    return inherited


def _is_flow(attribution: Attribution | None, dicts: Dictionaries) -> bool:
    if attribution is None:
        return False
    indicator = dicts.indicators.get(attribution.code or "")
    if indicator is not None:
        return indicator.kind == "flow"
    return bool(_NEW_THINGS.match(attribution.phrase))


def _document_default(view: str, seg: Segments, pub: dt.date) -> tuple[tuple[dt.date, dt.date], int | None]:
    """The period the title names is the default: 北仑区2023年…统计公报, 2024年前三季度…, or one relative
    to the publication date (上半年北仑经济… published in July) when it has ended by then. With it
    the year it lies in, the one the article reports on; None when the title names no period."""
    title_start, title_end = title_span(seg)
    title = view[title_start:title_end]
    if len(title.strip()) > 60 or "。" in title or _WORK_REPORT in title:
        title = ""  # not a title: the text starts with its body; 2025年政府工作报告 reports on 2024
    for e in find_time_expressions(title, pub.year, pub.year):
        ended = not e.relative or (e.period is not None and e.period[1] <= pub)
        if e.kind == "explicit" and e.period and not e.future and e.year <= pub.year and ended:
            return e.period, e.year or pub.year
    trailing = TITLE_YEAR.search(title)
    if trailing and int(trailing["year"]) <= pub.year:  # 数说北仑2024 (科创甬江2035 is a plan's name)
        year = int(trailing["year"])
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)), year
    return (dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)), None


def extract_figures(
    article_id: str,
    text: str,
    published: dt.date,
    published_inferred: bool = False,
    title: str | None = None,
    url: str | None = None,
) -> list[dict[str, Any]]:
    """All figures of one article, ordered by char_start (see FACTS.md for the fields); the
    sidecar's `title` and `url` tell the zone the article is about when its text does not."""
    dicts = load_dictionaries()
    full_view = matching_view(text)
    tables = find_tables(full_view)
    view = mask_tables(full_view, tables)  # the sentence rules never see a table row
    seg = Segments(view)
    resolver = IndicatorResolver(view, dicts)
    cands = _resolve_bare_units(find_candidates(view), seg, resolver)
    if not cands and not tables:
        return []
    default, base_year = _document_default(view, seg, published)
    if cands:
        records, main = _sentence_records(
            article_id, text, view, seg, resolver, cands, default, base_year, published, published_inferred, title, url
        )
    else:  # tables only
        records, main = [], assign_zones(view, seg, [], dicts, title, url)[1]
    if not tables:
        return records
    figures = table_figures(
        full_view,
        tables,
        IndicatorResolver(full_view, dicts),
        ZoneResolver(full_view, dicts, find_zone_mentions(full_view, dicts), main),
        default,
        main,
    )
    return _merge(records, [_table_record(article_id, text, full_view, f, published_inferred) for f in figures])


def _sentence_records(
    article_id: str,
    text: str,
    view: str,
    seg: Segments,
    resolver: IndicatorResolver,
    cands: list[Candidate],
    default: tuple[dt.date, dt.date],
    base_year: int | None,
    published: dt.date,
    published_inferred: bool,
    title: str | None = None,
    url: str | None = None,
) -> tuple[list[dict[str, Any]], str]:
    """The figures the sentence rules find, ordered by char_start, and the article's main zone."""
    dicts = resolver.dicts
    exprs = find_time_expressions(view, published.year, base_year, review_year(published))

    infos: list[MeasureInfo] = []
    for i, c in enumerate(cands):
        cs, _ce = _labelled_clause(view, seg, c.num_start)
        info = classify(view, cs, c.start, c.unit, c.kind, c.end)
        if info.measure == "level" and c.unit == "percent" and _part_named_after(view, cs, c):
            info = MeasureInfo("share_pct")
        if (
            info.measure == "level"
            and i
            and _SAME_PERIOD_BEFORE.fullmatch(view, cs, c.start)
            and cands[i - 1].unit == c.unit
        ):
            info = MeasureInfo(infos[i - 1].measure)  # 增长6.1%，去年同期为5.2%: the same rate, a year earlier
        if i and is_respectively_tail(view, cands[i - 1], c, cs) and cands[i - 1].unit == c.unit:
            prev = infos[i - 1]
            info = MeasureInfo(prev.measure, prev.sign, prev.cue)
        infos.append(info)

    zones, main = assign_zones(view, seg, cands, dicts, title, url)

    timings = [FigureTiming(c.num_start, mi.measure, mi.cue, c.unit) for c, mi in zip(cands, infos, strict=True)]
    last_year = data_year(exprs, [c.num_start for c in cands], seg, published.year)
    periods = assign_periods(seg, exprs, timings, default, last_year, published.year - 1)
    apply_planned(view, seg, exprs, timings, periods)
    apply_following_span(seg, exprs, timings, periods)
    apply_respective_periods(seg, exprs, timings, periods)

    parts = link_parts(view, seg, cands, infos)
    listed = respectively_indicators(view, seg, cands, resolver)
    leadins = LeadIns(view, seg, resolver)
    attributions: list[Attribution | None] = []
    shares_of: list[str | None] = []
    for i, (c, mi) in enumerate(zip(cands, infos, strict=True)):
        clause = seg.clauses.span(c.num_start)
        share_of = None
        if c.kind == "ratio":
            part = c.ratio_part or 0
            attr: Attribution | None = Attribution(_RATIO_NAMES[part], _RATIO_PARTS[part])
            share_of = "地区生产总值"
        elif i and attributions[i - 1] is not None and is_respectively_tail(view, cands[i - 1], c, clause[0]):
            prev_attr = attributions[i - 1]
            attr = Attribution(prev_attr.phrase, prev_attr.code, inherited=True)
            share_of = shares_of[i - 1]  # 分别占全市的36.2%和38.5%: of the same whole
        elif mi.measure == "level":
            attr = resolver.level(clause, c.start, c.end, c.unit)
            if attr is None:
                attr = leadins.attribution(c.num_start, c.unit)
            if attr is None:
                attr = _inherit(i, cands, attributions, seg, same_unit=True, infos=infos)
                attr = _new_ones_or_all(view, clause[0], c.start, attr, resolver)
            if attr is None:  # 进出口总额超过千亿元，达1053.2亿元
                attr = resolver.nearest_alias_before(seg.full.span(c.num_start)[0], c.start, unit=c.unit)
            if attr is None:  # 宁波各区县GDP排名 over 北仑区以2985.6亿元位居全市第一
                attr = resolver.nearest_alias_before(*title_span(seg), unit=c.unit)
            if attr is None:  # 产业产值同比翻番，达到420亿元: the level the multiple reached
                attr = _inherit(i, cands, attributions, seg)
        elif mi.measure == "share_pct":
            attr, share_of = resolver.share(_labelled_clause(view, seg, c.num_start), c.start, c.end)
            named_after = _PART_NAMED_AFTER.match(view, c.end)
            if attr is None and named_after:  # the part named after the share, the whole before it
                share_of = share_of or _whole_before(i, cands, infos, attributions, seg)
                attr = Attribution(resolver.noun_after(named_after.end(), clause[1]), None)
            if attr is None:
                prev = _inherit(i, cands, attributions, seg)
                attr = (
                    Attribution(prev.phrase, resolver.share_code(prev.phrase, prev.code, share_of), inherited=True)
                    if prev
                    else None
                )
        elif mi.measure == "rank":
            attr = resolver.rank(clause, c.start)
            if attr is None:
                attr = _inherit(i, cands, attributions, seg, prefer_coded=True)
            if attr is None:
                attr = leadins.attribution(c.num_start, None)
            if attr is None:
                attr = resolver.nearest_alias_before(seg.full.span(c.num_start)[0], c.start)
        else:
            attr = resolver.change_like(clause, c.start)
            if attr is None:
                attr = _indicator_of_clause_before(seg, cands, i, resolver)
            if attr is None:
                attr = _subject_of_unlisted_quantity(view, seg, cands, i, resolver, _MEASURED_QUANTITY)
            if attr is None:
                attr = _inherit(i, cands, attributions, seg)
            if attr is None:
                attr = _subject_of_unlisted_quantity(view, seg, cands, i, resolver)
            if attr is None:
                attr = leadins.attribution(c.num_start, None)
            if attr is None:
                attr = _inherit(i, cands, attributions, seg, within_paragraph=True)
            if attr is None:
                attr = resolver.nearest_alias_before(seg.paragraphs.span(c.num_start)[0], c.start)
        if i in listed:
            attr = listed[i]
        total = parts[i]
        if attr is not None and total is not None and attributions[total] is not None:
            refined = sub_indicator(resolver, attributions[total].phrase, attr.phrase)
            if refined:
                attr = Attribution(attr.phrase, refined)
        attributions.append(attr)
        shares_of.append(share_of)

    flows = [_is_flow(a, dicts) for a in attributions]
    widen_inherited_days(seg, exprs, [c.num_start for c in cands], periods, flows)

    records = []
    for i, (c, mi) in enumerate(zip(cands, infos, strict=True)):
        attr = attributions[i]
        start, end, inferred = periods[i]
        code = attr.code if attr else None
        phrase = _original_phrase(text, view, attr.phrase if attr else "", seg.full.span(c.num_start), c.start)
        records.append(
            _record(
                article_id,
                text,
                c.start,
                c.end,
                sentence=seg.sentence_text(text, c.num_start),
                indicator=phrase,
                code=code,
                zone=None if zones[i] == UNKNOWN else zones[i],
                measure=mi.measure,
                value=_signed(c.value, mi),
                unit=c.unit,
                qualifier=c.qualifier,
                period=(start, end),
                classifier=c.classifier,
                share_of=shares_of[i],
                part_of=text[cands[parts[i]].start : cands[parts[i]].end] if parts[i] is not None else None,
                part_of_seq=parts[i],
                period_inferred=inferred,
                published_inferred=published_inferred,
            )
        )
    return records, main


def _record(
    article_id: str,
    text: str,
    start: int,
    end: int,
    *,
    sentence: str,
    indicator: str,
    code: str | None,
    zone: str | None,
    measure: str,
    value: float | int,
    unit: str,
    qualifier: str,
    period: tuple[dt.date, dt.date],
    classifier: str | None,
    share_of: str | None,
    part_of: str | None,
    part_of_seq: int | None,
    period_inferred: bool,
    published_inferred: bool,
) -> dict[str, Any]:
    """One FACTS.md record; the confidence drops for a missing code and for guessed dates."""
    confidence = (
        0.9 - (0.15 if code is None else 0) - (0.1 if period_inferred else 0) - (0.1 if published_inferred else 0)
    )
    return {
        "article_id": article_id,
        "text": text[start:end],
        "sentence": sentence,
        "char_start": start,
        "char_end": end,
        "indicator": indicator,
        "indicator_code": code,
        "zone": zone,
        "measure": measure,
        "value": value,
        "unit": unit,
        "qualifier": qualifier,
        "period_start": _iso(period[0]),
        "period_end": _iso(period[1]),
        "classifier": classifier,
        "share_of": share_of,
        "part_of": part_of,
        "part_of_seq": part_of_seq,
        "confidence": round(max(0.05, confidence), 2),
        "period_inferred": period_inferred,
    }


@functools.lru_cache(maxsize=4096)
def _iso(day: dt.date) -> str:
    """A period's date as text; cached because the figures of an article share a few periods and
    formatting a date costs more than looking it up."""
    return day.isoformat()


def _table_record(article_id: str, text: str, view: str, f: TableFigure, published_inferred: bool) -> dict[str, Any]:
    attr = f.attribution
    return _record(
        article_id,
        text,
        f.start,
        f.end,
        sentence=text[f.row[0] : f.row[1]].strip(),
        indicator=_original_phrase(text, view, attr.phrase if attr else "", f.phrase_span, f.phrase_span[1]),
        code=attr.code if attr else None,
        zone=f.zone,
        measure=f.info.measure,
        value=_signed(f.value, f.info),
        unit=f.unit,
        qualifier=f.qualifier,
        period=f.period,
        classifier=f.classifier,
        share_of=f.share_of,
        part_of=None,
        part_of_seq=None,
        period_inferred=f.period_inferred,
        published_inferred=published_inferred,
    )


def _merge(records: list[dict[str, Any]], table_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sentence and table records in text order; part_of_seq follows its total to its new place."""
    merged = sorted(records + table_records, key=lambda r: r["char_start"])
    place = {id(r): k for k, r in enumerate(merged)}
    for r in records:
        if r["part_of_seq"] is not None:
            r["part_of_seq"] = place[id(records[r["part_of_seq"]])]
    return merged


_BARE_UNITS = frozenset({"person", "count", "CNY", "USD", "tonne", "TEU", "m2", "mu", "km2"})


# 产值超过100个亿: words for an amount of money right before a bare 亿
_AMOUNT_BEFORE = re.compile(
    r"(?:产值|收入|营收|销售额|投资|总额|利润|税收|增加值|成交额|交易额|营业额)(?:可望|有望|预计|可|将|[达到为约近超过突破逾了])*$"
)


def _resolve_bare_units(cands: list[Candidate], seg: Segments, resolver: IndicatorResolver) -> list[Candidate]:
    """人口约85万: a number with only 万/亿 is a figure in the unit of the indicator named just before it."""
    kept = []
    for c in cands:
        if c.unit == BARE:
            cs, _ce = seg.clauses.span(c.num_start)
            near = [a for a in resolver.aliases_between(max(cs, c.start - 12), c.start)]
            ind = resolver.dicts.indicators.get(resolver.code_of(near[-1][2]) or "") if near else None
            if ind is not None and ind.unit in _BARE_UNITS:
                c.unit = ind.unit
            elif _AMOUNT_BEFORE.search(resolver.view, max(cs, c.start - 12), c.start):
                c.unit = "CNY"  # 汽车产业产值超过100个亿: an amount of money the dictionary lacks
            else:
                continue
            c.classifier = None
        kept.append(c)
    return kept


def _signed(value: float, mi: MeasureInfo) -> float | int:
    v = value * mi.sign
    return int(v) if float(v).is_integer() and abs(v) < 1e15 else v


# A quantity in a unit no figure has (120.5亿千瓦时): not a year, a date or a code like 5G or PM2.5.
_UNLISTED_QUANTITY = re.compile(r"(?<![\dA-Za-z.])\d+(?:\.\d+)?(?:万亿|亿|万|千)?(?=[\u4e00-\u9fff])(?![年月日号])")
# One in a unit of measurement (24微克/立方米, 68.2亿千瓦时): what a growth after it in the sentence is of,
# rather than a figure before it
_MEASURED_QUANTITY = re.compile(
    _UNLISTED_QUANTITY.pattern + r"(?=(?:万|亿)?(?:千瓦时|千瓦|兆瓦|微克|毫克|千克|公斤|立方米|公里|千米|小时))"
)


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
    return bool(_OPENS_CLAUSE.fullmatch(view, clause_start, c.start) and _PART_NAMED_AFTER.match(view, c.end))


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
    """The indicator of the previous figure in the sentence (or, for a level, the paragraph).

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
        if attributions[j] is not None:
            prev = attributions[j]
            found = Attribution(prev.phrase, prev.code, inherited=True)
            if not prefer_coded or prev.code or seg.clauses.index(cands[j].num_start) != clause:
                return found
            fallback = fallback or found
    return fallback


def _original_phrase(text: str, view: str, phrase: str, sentence: tuple[int, int], pos: int) -> str:
    """The phrase as written in the stored text (traditional characters stay traditional)."""
    if not phrase:
        return ""
    k = view.rfind(phrase, sentence[0], pos)
    if k < 0:
        k = view.find(phrase, sentence[0], sentence[1])
    return text[k : k + len(phrase)] if k >= 0 else phrase
