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

from beilun_etl.extraction import clean_text, dateline_date, infer_publication_year
from beilun_etl.pipeline.article_files import DEFAULT_MAX_BYTES, META_SUFFIX, ArticleRejected, RawArticle, read_raw

# Chinese sources are often GB18030/GBK; GB18030 is the superset of both.
ENCODINGS = ("utf-8-sig", "gb18030")
_HEADING_MARKS = re.compile(r"^[#\s]+")
# C0/C1 controls other than white space, private-use characters, and U+FFFD (a decoder's replacement).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


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
    """Decode as UTF-8, else GB18030; binary or undecodable bytes are rejected."""
    if not data.strip():
        raise ArticleRejected("empty", "the file is empty")
    if b"\x00" in data[:4096]:
        raise ArticleRejected("binary", "the file holds NUL bytes: not a text file")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding.removesuffix("-sig")
        raise ArticleRejected("binary", f"decodes as {encoding} but is mostly control or unassigned characters")
    raise ArticleRejected("undecodable", "the bytes are neither UTF-8 nor GB18030/GBK text")


def _looks_like_text(text: str) -> bool:
    """Few control, private-use or replacement characters: what decoded binary is full of."""
    sample = text[:20000]
    return len(_NOT_TEXT.findall(sample)) <= max(2, len(sample) // 100)


def read_meta(raw: RawArticle) -> dict:
    if raw.meta_data is None:
        return {}
    try:
        meta = json.loads(raw.meta_data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArticleRejected(
            "bad_metadata", f"{raw.path.stem}{META_SUFFIX} is not valid UTF-8 JSON: {error}"
        ) from error
    if not isinstance(meta, dict):
        raise ArticleRejected("bad_metadata", f"{raw.path.stem}{META_SUFFIX} must hold a JSON object")
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
        title=meta.get("title") or _first_line(cleaned),
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
            return dt.date.fromisoformat(str(meta["published"])[:10]), False
        except ValueError as error:
            raise ArticleRejected(
                "bad_metadata", f"published {meta['published']!r} is not a YYYY-MM-DD date"
            ) from error
    dateline = dateline_date(text)
    if dateline is not None:
        return dateline, True  # read from the text, not given: still recorded as inferred
    year = infer_publication_year(text)
    if year is None:
        raise ArticleRejected(
            "undated",
            "no publication date in a sidecar and no year in the text to infer it from; add NAME.meta.json",
        )
    # Only the year is known: the article speaks as of that year's end.
    return dt.date(year, 12, 31), True


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = _HEADING_MARKS.sub("", line).strip()
        if line:
            return line[:200]
    return None
