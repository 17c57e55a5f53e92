"""Article files as bytes: finding them, reading an article and its sidecar, rejecting what cannot be read.

Kept apart from decoding and extraction so that the sensor can hash the folder cheaply.

Only regular files inside the drop folder are read. A symlink that leaves the folder (to
`/etc/passwd`, a token file), a symlink loop, a directory or a device named `*.txt`, and a path
of a partial run (`only`) outside the folder are refused with a reason, never followed: whatever
they point at never reaches `raw.article_versions`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from beilun_etl.paths import DEFAULT_MAX_ARTICLE_BYTES as DEFAULT_MAX_BYTES

META_SUFFIX = ".meta.json"
ARTICLE_SUFFIX = ".txt"
ARTICLE_GLOB = "*" + ARTICLE_SUFFIX
# A sidecar holds a title, a source, a URL and a date: a few hundred bytes.
MAX_SIDECAR_BYTES = 64 * 1024


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


@dataclass(frozen=True)
class RefusedPath:
    """A name in the folder (or of a partial run) that is no article file to read, and why."""

    source_file: str
    reason: str  # outside_folder | not_a_file
    detail: str


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + META_SUFFIX)


def _inside(path: Path, folder: Path | None) -> Path:
    """The real path of `path` when it is a regular file (inside `folder`, if given); raises ArticleRejected."""
    try:
        real = path.resolve(strict=True)
    except RuntimeError as error:  # Python < 3.13 reports a symlink loop so
        raise ArticleRejected("not_a_file", f"a symlink loop ({error})") from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ArticleRejected("not_a_file", "a symlink loop") from error
        if path.is_symlink():
            raise ArticleRejected("not_a_file", f"a symlink to {os.readlink(path)}, which does not exist") from error
        raise ArticleRejected("unreadable", f"cannot read the file: {error.strerror or error}") from error
    if folder is not None and not real.is_relative_to(folder):
        raise ArticleRejected(
            "outside_folder",
            f"leads to {real}, outside the articles folder {folder}: not read (only files inside it are)",
        )
    mode = real.stat().st_mode
    if not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
        raise ArticleRejected("not_a_file", f"{kind}, not an article file: skipped")
    return real


def check_in_folder(path: Path, folder: Path) -> Path:
    """`path` resolved, if it is a regular file inside `folder` (symlinks within it allowed)."""
    return _inside(path, folder.resolve())


def _read_bounded(real: Path, max_bytes: int, what: str) -> bytes:
    """Read a regular file without following a symlink swapped in since it was checked."""
    fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArticleRejected("not_a_file", f"{what} is not a regular file")
        if info.st_size > max_bytes:
            raise ArticleRejected(
                "too_large",
                f"{what}: {info.st_size} bytes is more than the limit of {max_bytes}"
                + (" (BEILUN_MAX_ARTICLE_BYTES)" if what == "the file" else ""),
                None,
                info.st_size,
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew while being read
            raise ArticleRejected("too_large", f"{what} grew past the limit of {max_bytes} bytes", None, len(data))
        return data
    finally:
        os.close(fd)


def read_raw(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, folder: Path | None = None) -> RawArticle:
    """Read the file and its sidecar; too large, unreadable or out-of-folder files are rejected before decoding.

    `folder`: the drop folder both files must be inside (None: a file named by hand, anywhere).
    """
    folder = folder.resolve() if folder is not None else None
    try:
        data = _read_bounded(_inside(path, folder), max_bytes, "the file")
        meta_path = sidecar_path(path)
        meta_data = None
        if meta_path.exists() or meta_path.is_symlink():
            meta_data = _read_bounded(_inside(meta_path, folder), MAX_SIDECAR_BYTES, f"its sidecar {meta_path.name}")
    except ArticleRejected:
        raise
    except OSError as error:
        raise ArticleRejected("unreadable", f"cannot read the file: {error.strerror or error}") from error
    return RawArticle(path, data, meta_data)


def list_article_files(folder: Path, only: list[str] | None = None) -> tuple[list[Path], list[RefusedPath], list[str]]:
    """The article files to read, the names refused (with why), and (for `only`) the named ones that are gone.

    A refused name keeps its article's last good version: it is neither read nor counted as deleted.
    """
    folder = folder.resolve()
    if only is None:
        candidates = sorted(folder.glob(ARTICLE_GLOB))
    else:
        candidates = []
        refused: list[RefusedPath] = []
        for name in sorted(set(only)):
            path = folder / name
            if not Path(os.path.normpath(path)).is_relative_to(folder):
                refused.append(
                    RefusedPath(name, "outside_folder", f"the path {name!r} is outside the articles folder {folder}")
                )
            elif not name.endswith(ARTICLE_SUFFIX):
                refused.append(RefusedPath(name, "not_a_file", f"{name!r} is not an article file ({ARTICLE_GLOB})"))
            else:
                candidates.append(path)
    files, missing = [], []
    refused = [] if only is None else refused
    for path in candidates:
        name = str(path.relative_to(folder))
        if only is not None and not (path.exists() or path.is_symlink()):
            missing.append(path.stem)
            continue
        try:
            _inside(path, folder)
        except ArticleRejected as rejection:
            refused.append(RefusedPath(name, rejection.reason, rejection.detail))
            continue
        files.append(path)
    return files, refused, missing
