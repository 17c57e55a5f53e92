"""Article files as bytes: reading an article and its sidecar, hashing them, rejecting what cannot be read.

Kept apart from decoding and extraction so that the sensor can hash the folder cheaply.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from beilun_etl.paths import DEFAULT_MAX_ARTICLE_BYTES as DEFAULT_MAX_BYTES

META_SUFFIX = ".meta.json"
ARTICLE_GLOB = "*.txt"


class ArticleRejected(Exception):
    """A file that cannot become an article; `reason` is one of the quarantine reason codes."""

    def __init__(self, reason: str, detail: str, content_hash: str | None = None, size_bytes: int | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.content_hash = content_hash
        self.size_bytes = size_bytes

    def __reduce__(self):  # rebuilt whole when it crosses processes (ingest decodes in a pool)
        return type(self), (self.reason, self.detail, self.content_hash, self.size_bytes)


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
