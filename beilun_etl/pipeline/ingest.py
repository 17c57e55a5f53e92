"""Ingesting the article drop folder into `raw.article_versions` and `raw.quarantined_articles`.

Every file is read and hashed on each run (cheap), but only new or edited files are decoded and
cleaned, and those whose stored text an older cleaning made (a new EXTRACTOR_VERSION): figure
offsets point into the cleaned text, so a new cleaning rule must reach every article, not only
the ones that arrive after it. A file that cannot be used is quarantined with its reason and the
run goes on; an article whose file turns bad keeps its last good version. Nothing on disk is ever
moved or deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from beilun_etl.extraction import EXTRACTOR_VERSION
from beilun_etl.pipeline.article_files import (
    DEFAULT_MAX_BYTES,
    ArticleRejected,
    RawArticle,
    RefusedPath,
    list_article_files,
    read_raw,
)
from beilun_etl.pipeline.articles import Article, parse_article
from beilun_etl.pipeline.check_quarantine import FAILED_CHECK, failed_check_versions
from beilun_etl.pipeline.disk import rollback_keeping_cause
from beilun_etl.pipeline.parallel import process_mapper


@dataclass(frozen=True)
class Quarantined:
    source_file: str
    reason: str
    detail: str
    content_hash: str | None = None
    size_bytes: int | None = None
    duplicate_of: str | None = None


@dataclass
class IngestResult:
    new: list[Article] = field(default_factory=list)
    changed: list[Article] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    recleaned: list[Article] = field(default_factory=list)  # unchanged, but cleaned anew
    deleted: list[str] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {
            "articles_new": len(self.new),
            "articles_changed": len(self.changed),
            "articles_unchanged": len(self.unchanged),
            "articles_recleaned": len(self.recleaned),
            "articles_deleted": len(self.deleted),
            "articles_quarantined": len(self.quarantined),
        }


def article_files(articles_dir: Path, only: list[str] | None = None) -> tuple[list[Path], list[str]]:
    """The article files to read, and (for a partial run) the named ones that no longer exist."""
    files, _, missing = list_article_files(articles_dir, only)
    return files, missing


@dataclass(frozen=True)
class CurrentVersion:
    content_hash: str
    text_hash: str
    cleaned_by: str | None


def current_versions(con: duckdb.DuckDBPyConnection) -> dict[str, CurrentVersion]:
    """article_id → the article's current version."""
    rows = con.execute(
        "SELECT article_id, content_hash, text_hash, cleaned_by FROM raw.article_versions WHERE status = 'current'"
    ).fetchall()
    return {article_id: CurrentVersion(*version) for article_id, *version in rows}


def ingest(
    con: duckdb.DuckDBPyConnection,
    articles_dir: Path,
    run_id: str,
    now: dt.datetime,
    max_bytes: int = DEFAULT_MAX_BYTES,
    only: list[str] | None = None,
    processes: int | None = None,
) -> IngestResult:
    """Bring the raw tables in line with the folder (or, with `only`, with the named files)."""
    folder = articles_dir.resolve()
    files, refused, missing = list_article_files(folder, only)
    current = current_versions(con)
    result = IngestResult()
    result.quarantined += [_refused(r) for r in refused]
    raws: list[RawArticle] = []
    for path in files:
        try:
            raws.append(read_raw(path, max_bytes, folder))
        except ArticleRejected as rejection:
            result.quarantined.append(_quarantined(_name(path, folder), rejection))

    scope = None if only is None else {p.stem for p in files} | set(missing)
    keepers = _drop_duplicates(raws, current, scope, result)
    failed = failed_check_versions(con)
    to_parse = []
    for raw in keepers:
        if raw.content_hash in failed:  # this very version failed a blocking check of this code
            detail = failed[raw.content_hash]
            result.quarantined.append(Quarantined(raw.path.name, FAILED_CHECK, detail, raw.content_hash, len(raw.data)))
            continue
        known = current.get(raw.article_id)
        unchanged = known is not None and known.content_hash == raw.content_hash
        if unchanged:
            result.unchanged.append(raw.article_id)
        if not unchanged or known.cleaned_by != EXTRACTOR_VERSION:
            to_parse.append(raw)
    text_hashes: dict[str, str] = {}
    # Decoding, cleaning and dating (a publication year read from the text) cost about 1 ms an
    # article: a first refresh of 10,000 articles runs them across processes.
    with process_mapper(_parse, len(to_parse), processes) as parse_all:
        parsed = list(parse_all(to_parse))
    for raw, (article, rejection) in zip(to_parse, parsed, strict=True):
        known = current.get(raw.article_id)
        if known is not None and known.content_hash == raw.content_hash:
            if article is not None:  # a text the new cleaning rejects keeps its old cleaning
                result.recleaned.append(article)
        elif rejection is not None:
            result.quarantined.append(_quarantined(raw.path.name, rejection))
        else:
            text_hashes[article.article_id] = raw.text_hash
            (result.changed if known is not None else result.new).append(article)

    # A refused name (a symlink out of the folder, say) keeps its article's last good version.
    seen_ids = {p.stem for p in files} | {Path(r.source_file).stem for r in refused}
    gone = missing if only is not None else [a for a in current if a not in seen_ids]
    result.deleted = sorted(a for a in gone if a in current)
    scope_files = (
        None
        if only is None
        else [p.name for p in files] + [r.source_file for r in refused] + [f"{m}.txt" for m in missing]
    )
    _write(con, result, text_hashes, now, run_id, scope_files)
    return result


def _parse(raw: RawArticle) -> tuple[Article | None, ArticleRejected | None]:
    """`parse_article` with its rejection returned, not raised: it runs in another process."""
    try:
        return parse_article(raw), None
    except ArticleRejected as rejection:
        return None, rejection


def _drop_duplicates(
    raws: list[RawArticle], current: dict[str, CurrentVersion], scope: set[str] | None, result: IngestResult
) -> list[RawArticle]:
    """Quarantine files whose text another article has; the article that already holds the text wins.

    `scope` is the set of article ids this run decides about (None: all). A current article outside
    the scope still holds its text; one inside it holds it only while its file still has that text.
    """
    holder_of = {version.text_hash: article_id for article_id, version in current.items()}
    groups: dict[str, list[RawArticle]] = {}
    for raw in raws:
        groups.setdefault(raw.text_hash, []).append(raw)
    keepers = []
    for text_hash, group in groups.items():
        ids = {raw.article_id for raw in group}
        holder = holder_of.get(text_hash)
        holds = holder is not None and (holder in ids or (scope is not None and holder not in scope))
        keeper = holder if holds else min(ids)
        for raw in group:
            if raw.article_id == keeper:
                keepers.append(raw)
            else:
                detail = f"same text as article {keeper}; only that one is kept"
                result.quarantined.append(
                    Quarantined(raw.path.name, "duplicate", detail, raw.text_hash, len(raw.data), keeper)
                )
    return keepers


def _name(path: Path, folder: Path) -> str:
    return str(path.relative_to(folder)) if path.is_relative_to(folder) else path.name


def _refused(refused: RefusedPath) -> Quarantined:
    return Quarantined(refused.source_file, refused.reason, refused.detail)


def _quarantined(source_file: str, rejection: ArticleRejected) -> Quarantined:
    return Quarantined(source_file, rejection.reason, rejection.detail, rejection.content_hash, rejection.size_bytes)


def _write(
    con: duckdb.DuckDBPyConnection,
    result: IngestResult,
    text_hashes: dict[str, str],
    now: dt.datetime,
    run_id: str,
    scope: list[str] | None,
) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for article_id in [a.article_id for a in result.changed] + result.deleted:
            status = "deleted" if article_id in result.deleted else "superseded"
            con.execute(
                "UPDATE raw.article_versions SET status = ? WHERE article_id = ? AND status = 'current'",
                [status, article_id],
            )
        versions = result.new + result.changed
        if versions:
            frame = _cleaned_frame(versions).assign(
                text_hash=[text_hashes[a.article_id] for a in versions],
                source_file=[a.source_file for a in versions],
                source=[a.source for a in versions],
                source_type=[None if a.source_type is None else str(a.source_type) for a in versions],
                url=[a.url for a in versions],
                size_bytes=[a.size_bytes for a in versions],
                status="current",
                first_seen_at=now,
            )
            con.register("new_versions", frame)
            # A version seen before (an edit reverted, a file put back) becomes current again.
            con.execute(
                f"""
                INSERT INTO raw.article_versions BY NAME SELECT * FROM new_versions
                ON CONFLICT (article_id, content_hash) DO UPDATE SET status = 'current', {_set_cleaned_columns("excluded")}
                """
            )
            con.unregister("new_versions")
        if result.recleaned:
            con.register("recleaned", _cleaned_frame(result.recleaned))
            con.execute(
                f"""
                UPDATE raw.article_versions AS v SET {_set_cleaned_columns("r")}
                FROM recleaned AS r
                WHERE v.article_id = r.article_id AND v.content_hash = r.content_hash
                """
            )
            con.unregister("recleaned")
            # Their figures point into the old text: extract them again even if the cache has them.
            con.execute(
                "DELETE FROM raw.extractions WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))",
                [[a.content_hash for a in result.recleaned]],
            )
        _write_quarantine(con, result.quarantined, now, run_id, scope)
        con.execute("COMMIT")
    except Exception as error:
        rollback_keeping_cause(con, error)
        raise


# The columns the cleaning decides, set anew when a stored version is cleaned again.
_CLEANED_COLUMNS = ("title", "published", "published_inferred", "encoding", "char_count", "cleaned_text", "cleaned_by")


def _set_cleaned_columns(source: str) -> str:
    return ", ".join(f"{column} = {source}.{column}" for column in _CLEANED_COLUMNS)


def _cleaned_frame(articles: list[Article]) -> pd.DataFrame:
    """The key and the cleaning's columns of these articles."""
    return pd.DataFrame(
        {
            "article_id": [a.article_id for a in articles],
            "content_hash": [a.content_hash for a in articles],
            "title": [a.title for a in articles],
            "published": [a.published for a in articles],
            "published_inferred": [a.published_inferred for a in articles],
            "encoding": [a.encoding for a in articles],
            "char_count": [len(a.text) for a in articles],
            "cleaned_text": [a.text for a in articles],
            "cleaned_by": EXTRACTOR_VERSION,
        }
    )


def _write_quarantine(
    con: duckdb.DuckDBPyConnection,
    quarantined: list[Quarantined],
    now: dt.datetime,
    run_id: str,
    scope: list[str] | None,
) -> None:
    """Keep one row per file that is quarantined now; a file that still fails keeps its first detection."""
    if scope is None:
        con.execute(
            "DELETE FROM raw.quarantined_articles WHERE source_file NOT IN (SELECT unnest(?::VARCHAR[]))",
            [[q.source_file for q in quarantined]],
        )
    else:
        still_bad = {q.source_file for q in quarantined}
        con.execute(
            "DELETE FROM raw.quarantined_articles WHERE source_file IN (SELECT unnest(?::VARCHAR[]))",
            [[s for s in scope if s not in still_bad]],
        )
    for q in quarantined:
        known = con.execute(
            "SELECT count(*) FROM raw.quarantined_articles WHERE source_file = ? AND reason = ? "
            "AND content_hash IS NOT DISTINCT FROM ?",
            [q.source_file, q.reason, q.content_hash],
        ).fetchone()[0]
        if known:
            continue
        con.execute("DELETE FROM raw.quarantined_articles WHERE source_file = ?", [q.source_file])
        con.execute(
            "INSERT INTO raw.quarantined_articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [q.source_file, q.content_hash, q.reason, q.detail, q.size_bytes, q.duplicate_of, now, run_id],
        )
