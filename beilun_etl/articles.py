"""Reading one article file: bytes → decoded, cleaned text with its publication date, or a rejection.

Every way a file can be unusable ends in an `ArticleRejected` with a reason code and a sentence a
person can act on, so that the pipeline can quarantine the file and carry on with the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from beilun_etl.extraction import clean_text, infer_publication_year

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
META_SUFFIX = ".meta.json"
# Chinese sources are often GB18030/GBK; GB18030 is the superset of both.
ENCODINGS = ("utf-8-sig", "gb18030")
_HEADING_MARKS = re.compile(r"^[#\s]+")


class ArticleRejected(Exception):
    """A file that cannot become an article; `reason` is one of the quarantine reason codes."""

    def __init__(self, reason: str, detail: str, content_hash: str | None = None, size_bytes: int | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.content_hash = content_hash
        self.size_bytes = size_bytes


@dataclass(frozen=True)
class RawArticle:
    """The bytes of an article file and its sidecar, read once and hashed."""

    path: Path
    data: bytes
    meta_data: bytes | None

    @property
    def article_id(self) -> str:
        return self.path.stem

    @property
    def text_hash(self) -> str:
        """Hash of the article bytes alone: two files with the same text are duplicates."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def content_hash(self) -> str:
        """Hash of the article and its sidecar: a new sidecar date is a new version too."""
        digest = hashlib.sha256(self.data)
        if self.meta_data is not None:
            digest.update(b"\0meta\0" + self.meta_data)
        return digest.hexdigest()


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


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + META_SUFFIX)


def read_raw(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Read the file and its sidecar; too large or unreadable files are rejected before decoding."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleRejected(
                "too_large",
                f"{size} bytes is more than the limit of {max_bytes} (BEILUN_MAX_ARTICLE_BYTES)",
                None,
                size,
            )
        data = path.read_bytes()
        meta_path = sidecar_path(path)
        meta_data = meta_path.read_bytes() if meta_path.exists() else None
    except OSError as error:
        raise ArticleRejected("unreadable", f"cannot read the file: {error.strerror or error}") from error
    return RawArticle(path, data, meta_data)


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
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\r\n\t\f")
    return bad <= max(2, len(sample) // 100)


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
