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
from typing import Any, Protocol

from beilun_etl.extraction.candidates import BARE, Candidate, find_candidates
from beilun_etl.extraction.dictionaries import Dictionaries, load_dictionaries
from beilun_etl.extraction.indicator_rules import (
    Scene,
    _labelled_clause,
    _part_named_after,
    attribute,
)
from beilun_etl.extraction.indicators import Attribution, IndicatorResolver
from beilun_etl.extraction.leadins import LeadIns
from beilun_etl.extraction.lexicon import LEX, alternation, word_alternations
from beilun_etl.extraction.links import is_respectively_tail, link_parts, respectively_indicators
from beilun_etl.extraction.measures import MeasureInfo, bracketed_item, classify
from beilun_etl.extraction.periods import (
    PUBLICATION_YEAR,
    TITLE_PERIOD,
    YEAR_UNDER_REVIEW,
    FigureTiming,
    apply_end_named,
    apply_following_span,
    apply_planned,
    apply_respective_periods,
    assign_periods,
    data_year,
    widen_inherited_days,
)
from beilun_etl.extraction.publication import TITLE_YEAR
from beilun_etl.extraction.rules import rule
from beilun_etl.extraction.segments import Segments
from beilun_etl.extraction.table_layout import find_tables, mask_tables
from beilun_etl.extraction.tables import TableFigure, table_figures
from beilun_etl.extraction.textnorm import matching_view
from beilun_etl.extraction.timeexpr import find_time_expressions, review_year
from beilun_etl.extraction.zones import UNKNOWN, ZoneResolver, find_zone_mentions
from beilun_etl.extraction.zoning import COMPARED_WITH, assign_zones, revise_zones_by_indicator, title_span

_W = word_alternations("indicator_words")  # lexicon/indicator_words.yaml

# A work report is named for the year it is delivered in; the year it reports on is the one before
_WORK_REPORT = "工作报告"
# 新引进内资项目, 净增市场主体: new things counted over a period, a flow whatever the noun
_NEW_THINGS = re.compile(r"(?:新|净增|引进|签约)")


_SAME_PERIOD_BEFORE = re.compile("(?:" + alternation(LEX.periods["earlier_years"]) + ")同期(?:为|是)?")


def _is_flow(attribution: Attribution | None, dicts: Dictionaries) -> bool:
    if attribution is None:
        return False
    indicator = dicts.indicators.get(attribution.code or "")
    if indicator is not None:
        return indicator.kind == "flow"
    return bool(_NEW_THINGS.match(attribution.phrase))


# A bulletin's title on a line of its own in the text's head (after a page's menus)
_BULLETIN_TITLE = re.compile(r"(?m)^[^\n。]{0,30}(?:19|20)\d{2}年[^\n。]{0,30}公报\s*$")
_A_YEAR = re.compile(r"(?:19|20)\d{2}")


def _document_default(view: str, seg: Segments, pub: dt.date) -> tuple[tuple[dt.date, dt.date], int | None]:
    """The period the title names is the default: 北仑区2023年…统计公报, 2024年前三季度…, or one relative
    to the publication date (上半年北仑经济… published in July) when it has ended by then. With it
    the year it lies in, the one the article reports on; None when the title names no period."""
    title_start, title_end = title_span(seg)
    title = view[title_start:title_end]
    if not _A_YEAR.search(title) and (bulletin := _BULLETIN_TITLE.search(seg.opening)):
        title = bulletin.group()  # 当前位置 : 首页 > 统计公报 \n\n 舟山市2016年…统计公报: the page's menus first
    if len(title.strip()) > 60 or "。" in title or _WORK_REPORT in title:
        title = ""  # not a title: the text starts with its body; 2025年政府工作报告 reports on 2024
    for e in find_time_expressions(title, pub.year, pub.year):
        ended = not e.relative or (e.period is not None and e.period[1] <= pub)
        dateline = title[e.end - 1 : e.end] in ("日", "号")  # 2024年04月29日 星期一: a day, no period (年末 is one)
        if e.kind == "explicit" and e.period and not e.future and e.year <= pub.year and ended and not dateline:
            return e.period, e.year or pub.year
    trailing = TITLE_YEAR.search(title)
    if trailing and int(trailing["year"]) <= pub.year:  # 数说北仑2024 (科创甬江2035 is a plan's name)
        year = int(trailing["year"])
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)), year
    return (dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31)), None


def _reviewed_default(
    exprs, default: tuple[dt.date, dt.date], base_year: int | None, published: dt.date, reviewed: int
) -> tuple[dt.date, dt.date]:
    """A text whose title names no year, published early in a year (review_year), that names last
    year and not this one (刚刚过去的2007年…, 表2 2014年…; a January report, a February bulletin):
    its figures that name no time are last year's, not the publication year's."""
    if base_year is not None or reviewed == published.year:
        return default
    named = {e.year for e in exprs if e.kind == "explicit" and e.year and not (e.future or e.comparison or e.relative)}
    if reviewed in named and published.year not in named:
        return dt.date(reviewed, 1, 1), dt.date(reviewed, 12, 31)
    return default


class ArticleLike(Protocol):
    """What extraction reads of an article (pipeline.articles.Article, a staged version)."""

    article_id: str
    text: str
    published: dt.date
    published_inferred: bool
    title: str | None
    url: str | None


def extract_article(article: ArticleLike) -> list[dict[str, Any]]:
    """extract_figures on an article's fields: the one call staging, `extract` and evaluation make."""
    return extract_figures(
        article.article_id,
        article.text,
        article.published,
        article.published_inferred,
        title=article.title,
        url=article.url,
    )


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
    records = _explained_headlines(records)
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
    work_report = _WORK_REPORT in (title or "") or _WORK_REPORT in seg.opening
    reviewed_year = review_year(published, work_report)
    exprs = find_time_expressions(view, published.year, base_year, reviewed_year)
    default_rule = TITLE_PERIOD if base_year is not None else PUBLICATION_YEAR
    reviewed = _reviewed_default(exprs, default, base_year, published, reviewed_year)
    if reviewed != default:
        default, default_rule = reviewed, YEAR_UNDER_REVIEW

    infos = _measures(view, seg, cands)
    zones, main, zone_rules = assign_zones(
        view, seg, cands, dicts, title, url, [mi.measure == "share_pct" for mi in infos]
    )

    timings = [FigureTiming(c.num_start, mi.measure, mi.cue, c.unit) for c, mi in zip(cands, infos, strict=True)]
    last_year = data_year(exprs, [c.num_start for c in cands], seg, published.year, reviewed_year)
    period_rules = [f"{default_rule}@document"] * len(cands)
    periods = assign_periods(seg, exprs, timings, default, last_year, published.year - 1, period_rules)
    apply_planned(view, seg, exprs, timings, periods, period_rules)
    apply_following_span(seg, exprs, timings, periods, period_rules)
    apply_respective_periods(seg, exprs, timings, periods, period_rules)

    parts = link_parts(view, seg, cands, infos)
    listed = respectively_indicators(view, seg, cands, resolver)
    scene = Scene(view, seg, resolver, LeadIns(view, seg, resolver), cands, infos)
    attributions, shares_of, indicator_rules = attribute(scene, listed, parts)
    codes, phrases = [a.code if a else None for a in attributions], [a.phrase if a else "" for a in attributions]
    revise_zones_by_indicator(view, seg, cands, zones, zone_rules, codes, dicts, phrases)

    flows = [_is_flow(a, dicts) for a in attributions]
    widen_inherited_days(seg, exprs, [c.num_start for c in cands], periods, flows, period_rules)
    apply_end_named([a.phrase if a else None for a in attributions], periods, period_rules)

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
                unit="pct_point" if mi.measure == "pct_points" else c.unit,  # 收窄0.7%: points written %
                qualifier=c.qualifier,
                period=(start, end),
                classifier=c.classifier,
                share_of=shares_of[i],
                part_of=text[cands[parts[i]].start : cands[parts[i]].end] if parts[i] is not None else None,
                part_of_seq=parts[i],
                period_inferred=inferred,
                published_inferred=published_inferred,
                trace={
                    "indicator": indicator_rules[i],
                    "zone": zone_rules[i],
                    "period": period_rules[i].partition("@")[0],
                    "period_scope": period_rules[i].partition("@")[2],
                    "measure": mi.rule,
                },
            )
        )
    return records, main


# A 数说 item: the figure as a headline on its own line (1、99.1万亿元, or 99.1万亿元 alone), then the
# sentence that explains it (——国内生产总值达到99.1万亿元): the headline is that sentence's figure.
HEADLINE = rule(
    "indicator",
    "explained_headline",
    "a figure alone on its line (after an item number) means what the same value means in the line after it",
    "1、99.1万亿元\n——国内生产总值达到99.1万亿元，比上年增长6.1%。",
    "99.1万亿元",
    revises=True,
)
_HEADLINE_LINE = re.compile(r"\s*(?:\d{1,2}\s*[、.．)）]|[（(]\d{1,2}[)）])?\s*")
_EXPLAINED_WITHIN = 200  # characters from the headline to the explaining figure
_EXPLAINED = ("indicator", "indicator_code", "zone", "measure", "unit", "period_start", "period_end", "share_of")


def _explained_headlines(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each headline figure takes what its explaining figure means (the first of the same value after it,
    within the next lines); its text, offsets and qualifier stay its own."""
    for k, r in enumerate(records):
        head, _sep, tail = r["sentence"].partition(r["text"])
        if tail.strip() or not _HEADLINE_LINE.fullmatch(head):
            continue
        explaining = next(
            (
                x
                for x in records[k + 1 :]
                if x["char_start"] - r["char_end"] <= _EXPLAINED_WITHIN
                and x["value"] == r["value"]
                and x["sentence"] != r["sentence"]
            ),
            None,
        )
        if explaining is not None:
            r.update({key: explaining[key] for key in _EXPLAINED})
            r["trace"] = {**r["trace"], "indicator": f"{r['trace']['indicator']}>{HEADLINE}"}
            r["trace"]["measure"] = explaining["trace"]["measure"]
    return records


# The measure rules extract.py adds after measures.classify, each revising its answer
PART_NAMED_AFTER = rule(
    "measure",
    "part_named_after",
    "a percentage opening its clause, then 为 and the part it names, is a share",
    "全区企业6.1万家，其中近四成为科技型企业。",
    "近四成",
    revises=True,
)
SAME_RATE_EARLIER = rule(
    "measure",
    "same_rate_year_earlier",
    "去年同期为5.2% after a growth is that growth a year earlier",
    "规上工业增加值增长6.1%，去年同期为5.2%。",
    "5.2%",
    revises=True,
)
COMPARED_RATE = rule(
    "measure",
    "compared_rate",
    "快于鄞州的6.1% after a growth: the compared place's figure measures the same",
    "北仑增长8.5%，快于鄞州的6.1%。",
    "6.1%",
    revises=True,
)
RESPECTIVELY_SAME = rule(
    "measure",
    "respectively_same_measure",
    "the later values of 分别X和Y measure what the first one does",
    "出口和进口分别占全市的36.2%和38.5%。",
    "38.5%",
    revises=True,
)


def _measures(view: str, seg: Segments, cands: list[Candidate]) -> list[MeasureInfo]:
    """The measure of each figure: measures.classify, revised by what the figures around it say."""
    infos: list[MeasureInfo] = []
    for i, c in enumerate(cands):
        cs, _ce = _labelled_clause(view, seg, c.num_start)
        info = classify(view, cs, c.start, c.unit, c.kind, c.end)
        if info.measure == "level" and c.unit == "percent" and _part_named_after(view, cs, c):
            info = MeasureInfo("share_pct", rule=f"{info.rule}>{PART_NAMED_AFTER}")
        if info.measure == "level" and c.unit == "percent":
            item = bracketed_item(view, seg.full.span(c.num_start), c.start, c.end)
            if item is not None:
                info = MeasureInfo(item.measure, item.sign, rule=f"{info.rule}>{item.rule}")
        if (
            info.measure == "level"
            and i
            and _SAME_PERIOD_BEFORE.fullmatch(view, cs, c.start)
            and cands[i - 1].unit == c.unit
        ):
            # 增长6.1%，去年同期为5.2%: the same rate, a year earlier
            info = MeasureInfo(infos[i - 1].measure, rule=f"{info.rule}>{SAME_RATE_EARLIER}")
        if (
            info.measure == "level"
            and i
            and cands[i - 1].unit == c.unit
            and seg.full.index(cands[i - 1].num_start) == seg.full.index(c.num_start)
            and COMPARED_WITH.search(view, cs, c.start)
        ):
            info = MeasureInfo(infos[i - 1].measure, infos[i - 1].sign, rule=f"{info.rule}>{COMPARED_RATE}")
        if i and is_respectively_tail(view, cands[i - 1], c, cs) and cands[i - 1].unit == c.unit:
            prev = infos[i - 1]
            info = MeasureInfo(prev.measure, prev.sign, prev.cue, rule=f"{info.rule}>{RESPECTIVELY_SAME}")
        infos.append(info)
    return infos


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
    trace: dict[str, str],
) -> dict[str, Any]:
    """One FACTS.md record; the confidence drops for a missing code and for guessed dates. `trace`
    names the rules that decided its indicator, zone, period and measure (rules.py)."""
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
        "trace": trace,
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
        trace=f.trace,
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
    rf"(?:{_W['amount_nouns']})"
    rf"(?:{_W['amount_outlook']}|[达到为了]|{alternation(LEX.qualifiers_before)})*$"
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
    """The value with its measure's sign; a number written with its own minus keeps it (负增长-25.1%)."""
    v = value if value < 0 else value * mi.sign
    return int(v) if float(v).is_integer() and abs(v) < 1e15 else v


def _original_phrase(text: str, view: str, phrase: str, sentence: tuple[int, int], pos: int) -> str:
    """The phrase as written in the stored text (traditional characters stay traditional)."""
    if not phrase:
        return ""
    k = view.rfind(phrase, sentence[0], pos)
    if k < 0:
        k = view.find(phrase, sentence[0], sentence[1])
    return text[k : k + len(phrase)] if k >= 0 else phrase
