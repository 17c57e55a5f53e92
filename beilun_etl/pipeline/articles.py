"""Parsing one article: bytes → decoded, cleaned text with its publication date, or a rejection.

Every way a file can be unusable ends in an `ArticleRejected` with a reason code and a sentence a
person can act on, so that the pipeline can quarantine the file and carry on with the others.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from beilun_etl.extraction import clean_text, dateline_date, infer_publication_year, url_date
from beilun_etl.pipeline.article_files import DEFAULT_MAX_BYTES, META_SUFFIX, ArticleRejected, RawArticle, read_raw

# Chinese sources are often GB18030/GBK (GB18030 is the superset of both), Taiwanese and Hong Kong
# ones Big5 (cp950: Big5 with Microsoft's extensions); UTF-16 is read when the file starts with its BOM.
ENCODINGS = ("utf-8-sig", "gb18030", "cp950")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HEADING_MARKS = re.compile(r"^[#\s]+")
_REPOST_YEARS = 2  # a URL this many years or more after the text's latest year files a repost
_MAX_TITLE = 80  # a longer first line is a paragraph, not a title
# C0/C1 controls other than white space, private-use characters, and U+FFFD (a decoder's replacement).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
# Control bytes other than white space: what binary files hold and text files (in any encoding) do not.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# Characters common in any Chinese economic text, simplified and traditional: Big5 bytes read as
# GB18030 (or the reverse) decode to valid but unrelated characters, which these tell apart.
_COMMON_HANZI = frozenset(
    "的一是在年了和有中区亿元万增长经济发展业工产值全比同期上下总额计划进出口投资企业"
    "區億萬增長經濟發展業產總額計劃進出資"
)
_CJK = re.compile("[\u4e00-\u9fff]")
# Bounds of a sidecar's publication date: the People's Republic (and its statistics) begins in 1949,
# and a date after tomorrow is a typo or a placeholder (it would become the latest value of its cells).
EARLIEST_PUBLICATION = dt.date(1949, 1, 1)
# The sidecar's strings: type-checked and bounded (a megabyte of title is no title).
SIDECAR_STRINGS = {"title": 500, "source": 200, "url": 2000}


@dataclass(frozen=True)
class Article:
    article_id: str
    source_file: str
    content_hash: str
    size_bytes: int
    encoding: str
    text: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date
    published_inferred: bool
    source_type: str | None = None  # the sidecar's `source_type` as written; dbt validates and ranks it


def decode(data: bytes) -> tuple[str, str]:
    """Decode as UTF-16 (with a BOM), UTF-8, GB18030 or Big5; binary or undecodable bytes are rejected.

    Of GB18030 and Big5, which both accept most byte pairs, the one whose text holds more of the
    commonest characters wins (GB18030 on a tie).
    """
    if not data.strip():
        raise ArticleRejected("empty", "the file is empty")
    candidates: list[tuple[str, str]] = []
    decoded_any = False
    encodings = (("utf-16",) if data.startswith(_UTF16_BOMS) else ()) + ENCODINGS
    if b"\x00" in data[:4096] and not data.startswith(_UTF16_BOMS):
        raise ArticleRejected("binary", "the file holds NUL bytes: not a text file")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded_any = True
        if _looks_like_text(text) and (encoding in ("utf-16", "utf-8-sig") or _reads_as_chinese(text)):
            candidates.append((text, encoding.removesuffix("-sig")))
            if encoding in ("utf-16", "utf-8-sig"):  # a BOM or valid UTF-8 is never an accident
                break
    if candidates:
        return max(candidates, key=lambda c: _common_share(c[0]))  # max keeps the first of equals
    if _looks_like_text_bytes(data):
        raise ArticleRejected(
            "undecodable", "text, but in none of the encodings read (UTF-8, UTF-16 with a BOM, GB18030/GBK, Big5)"
        )
    if decoded_any:
        raise ArticleRejected("binary", "decodes only as mostly control or unassigned characters: not a text file")
    raise ArticleRejected("undecodable", "the bytes are neither UTF-8, UTF-16, GB18030/GBK nor Big5 text")


def _looks_like_text(text: str) -> bool:
    """Few control, private-use or replacement characters: what decoded binary is full of."""
    sample = text[:20000]
    return len(_NOT_TEXT.findall(sample)) <= max(2, len(sample) // 100)


def _looks_like_text_bytes(data: bytes) -> bool:
    """Hardly any control byte: text in some encoding, not binary."""
    sample = data[:20000]
    return len(_CONTROL_BYTES.findall(sample)) <= max(2, len(sample) // 200)


def _reads_as_chinese(text: str) -> bool:
    """Text decoded by a legacy Chinese codec holds some of the commonest characters (Shift-JIS read as GB18030 does not)."""
    sample = text[:20000]
    return len(_CJK.findall(sample)) < 20 or _common_share(sample) > 0


def _common_share(text: str) -> float:
    sample = text[:20000]
    return sum(ch in _COMMON_HANZI for ch in sample) / max(1, len(sample))


def read_meta(raw: RawArticle) -> dict:
    """The sidecar as a dict, its strings type-checked and bounded (`SIDECAR_STRINGS`)."""
    if raw.meta_data is None:
        return {}
    name = f"{raw.path.stem}{META_SUFFIX}"
    try:
        meta = json.loads(raw.meta_data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArticleRejected("bad_metadata", f"{name} is not valid UTF-8 JSON: {error}") from error
    if not isinstance(meta, dict):
        raise ArticleRejected("bad_metadata", f"{name} must hold a JSON object")
    for key, limit in SIDECAR_STRINGS.items():
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ArticleRejected("bad_metadata", f"{name}: {key} must be a string, not a JSON {type(value).__name__}")
        if len(value) > limit:
            raise ArticleRejected(
                "bad_metadata", f"{name}: {key} is {len(value):,} characters long, at most {limit:,} are allowed"
            )
        if _NOT_TEXT.search(value):
            raise ArticleRejected("bad_metadata", f"{name}: {key} holds control characters")
    if meta.get("published") is not None and not isinstance(meta["published"], str):
        raise ArticleRejected("bad_metadata", f"{name}: published must be a 'YYYY-MM-DD' string")
    return meta


def parse_article(raw: RawArticle, source_file: str | None = None, published: dt.date | None = None) -> Article:
    """Decode, clean and date an article; `published` overrides the sidecar and the inference."""
    try:
        text, encoding = decode(raw.data)
        meta = read_meta(raw)
        cleaned = clean_text(text)
        if not cleaned.strip():
            raise ArticleRejected("empty", "the file holds only white space")
        published, inferred = _publication_date(meta, cleaned, published)
    except ArticleRejected as rejection:
        rejection.content_hash = raw.text_hash
        rejection.size_bytes = len(raw.data)
        raise
    return Article(
        article_id=raw.article_id,
        source_file=source_file or raw.path.name,
        content_hash=raw.content_hash,
        size_bytes=len(raw.data),
        encoding=encoding,
        text=cleaned,
        title=(meta.get("title") or "").strip() or _first_line(cleaned),
        source=meta.get("source"),
        url=meta.get("url"),
        published=published,
        published_inferred=inferred,
        source_type=meta.get("source_type"),
    )


def load_article(path: Path, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and parse one article file (raises ArticleRejected)."""
    return parse_article(read_raw(path, max_bytes), published=published)


def _publication_date(meta: dict, text: str, override: dt.date | None) -> tuple[dt.date, bool]:
    if override is not None:
        return override, False
    if meta.get("published"):
        try:
            published = dt.date.fromisoformat(str(meta["published"])[:10])
        except ValueError as error:
            raise ArticleRejected(
                "bad_metadata", f"published {meta['published']!r} is not a YYYY-MM-DD date"
            ) from error
        latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
        if not EARLIEST_PUBLICATION <= published <= latest:
            raise ArticleRejected(
                "bad_metadata",
                f"published {published.isoformat()} is not a plausible publication date "
                f"(between {EARLIEST_PUBLICATION.isoformat()} and tomorrow, {latest.isoformat()})",
            )
        return published, False
    dateline = dateline_date(text)
    if dateline is not None:
        return dateline, True  # read from the text, not given: still recorded as inferred
    filed = url_date(meta.get("url"))
    year = infer_publication_year(text)
    if filed is not None and (year is None or filed.year - year < _REPOST_YEARS):
        return filed, True  # the day the page's URL files it under (…/2021/0913/…)
    # A URL dated years after the latest year the text reports on files a repost (1997年至2007年6月… under
    # /2019-02-27/): the text's own year dates it.
    if year is None:
        raise ArticleRejected(
            "undated",
            "no publication date in a sidecar and no year in the text to infer it from; add NAME.meta.json",
        )
    # Only the year is known: the article speaks as of that year's end.
    return dt.date(year, 12, 31), True


def _first_line(text: str) -> str | None:
    """The title an article without a sidecar title has: its first line, unless that line is a paragraph (a
    text that starts with its body: 上半年,全市上下…。), which is no title and names no place the title would."""
    for line in text.splitlines():
        line = _HEADING_MARKS.sub("", line).strip()
        if line:
            return None if len(line) > _MAX_TITLE or "。" in line else line
    return None
