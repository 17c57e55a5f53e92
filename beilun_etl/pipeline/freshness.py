"""Is the published warehouse already what this run would build? Then the run has nothing to do.

A warehouse is determined by its inputs: the current article versions, the quarantined files, and
the code that turns them into tables (this package, the dbt project with its dictionaries, the
expectation suites). Their fingerprint is recorded at each publication; a run whose inputs have
the same fingerprint skips dbt, the checks and the publish step, and changes no row.

The code's own fingerprint is recorded too: the incremental dbt models keep their rows only while
it stays the same.

`published_matches_folder` answers the same question before any run starts, from the files'
hashes and the published warehouse alone: the CLI then reports the warehouse current without
starting Dagster (loading the definitions and creating a run cost more than the check).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path

import duckdb

from beilun_etl.paths import DBT_PROJECT_DIR, PROJECT_ROOT, configured_expectations_dir
from beilun_etl.pipeline.article_files import ArticleRejected, list_article_files, read_raw

_SOURCE_TREES = (
    PROJECT_ROOT / "beilun_etl",
    DBT_PROJECT_DIR / "models",
    DBT_PROJECT_DIR / "seeds",
    DBT_PROJECT_DIR / "macros",
    DBT_PROJECT_DIR / "tests",
)
_SOURCE_FILES = (DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml")
_SOURCE_SUFFIXES = {".py", ".sql", ".yml", ".yaml", ".csv", ".json"}


def code_fingerprint() -> str:
    """Hash of every file that shapes the warehouse, with the suites of the configured folder."""
    return _fingerprint(configured_expectations_dir().resolve())


@cache
def _fingerprint(suites_dir: Path) -> str:
    """Read once per process and suites folder."""
    named = [
        (str(p.relative_to(PROJECT_ROOT)), p)
        for p in {
            *(p for tree in _SOURCE_TREES if tree.exists() for p in tree.rglob("*") if p.suffix in _SOURCE_SUFFIXES),
            *(f for f in _SOURCE_FILES if f.exists()),
        }
    ]
    named += [(f"expectations/{p.relative_to(suites_dir)}", p) for p in suites_dir.rglob("*.json")]
    digest = hashlib.sha256()
    for name, path in sorted(named):
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def state_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """The fingerprint of what a build from this raw state would publish."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for table, columns in (
        ("raw.article_versions WHERE status = 'current'", "article_id, content_hash"),
        ("raw.quarantined_articles", "source_file, reason, coalesce(content_hash, '')"),
    ):
        for row in con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall():
            digest.update("\0".join(row).encode() + b"\n")
        digest.update(b"--\n")
    return digest.hexdigest()


def _last_publication(con: duckdb.DuckDBPyConnection, column: str) -> str | None:
    # fetchall, not fetchone: DuckDB refuses a relation on a connection with an unfinished result
    rows = con.execute(f"SELECT {column} FROM raw.publications ORDER BY published_at DESC LIMIT 1").fetchall()
    return rows[0][0] if rows else None


def last_published_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    return _last_publication(con, "state_fingerprint")


def record_publication(con: duckdb.DuckDBPyConnection, run_id: str, now: dt.datetime) -> None:
    con.execute(
        "INSERT INTO raw.publications (state_fingerprint, published_at, run_id, code_fingerprint) VALUES (?, ?, ?, ?)",
        [state_fingerprint(con), now, run_id, code_fingerprint()],
    )


def built_with_current_code(con: duckdb.DuckDBPyConnection) -> bool:
    """Was the last publication built by this code and these dictionaries?

    Only then may the incremental dbt models keep their rows: with any other code (or none recorded,
    or no publication yet) a run rebuilds them whole.
    """
    return _last_publication(con, "code_fingerprint") == code_fingerprint()


def is_up_to_date(con: duckdb.DuckDBPyConnection, published: Path) -> bool:
    """True when the published warehouse was built from exactly this state."""
    return published.exists() and last_published_fingerprint(con) == state_fingerprint(con)


def current_figure_count(con: duckdb.DuckDBPyConnection) -> int:
    """Figures of the current article versions: what the marts show."""
    [(count,)] = con.execute(
        "SELECT count(*) FROM raw.figures AS f JOIN raw.article_versions AS v USING (article_id, content_hash) "
        "WHERE v.status = 'current'"
    ).fetchall()
    return count


def published_matches_folder(articles_dir: Path, published: Path, max_bytes: int) -> tuple[int, int] | None:
    """(current articles, current figures) when a run would find nothing new, else None.

    True only in the plainest case, so that it never skips a run that had work to do: every file is
    the current version of its article (same content hash, within the size limit), every current
    version still has its file, nothing is quarantined (a run re-reads quarantined files: their
    sidecar may have been mended), and the last publication was built by this code from exactly
    this state. Any doubt (a file or the warehouse that cannot be read) means a run.
    """
    if not published.exists() or not articles_dir.is_dir():
        return None
    if published.with_name(published.name + ".wal").exists():  # a foreign writer's log: a run deals with it
        return None
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            current = dict(
                con.execute(
                    "SELECT article_id, content_hash FROM raw.article_versions WHERE status = 'current'"
                ).fetchall()
            )
            files, refused, _ = list_article_files(articles_dir)
            if refused or {path.stem for path in files} != current.keys():  # new, deleted or refused: no need to hash
                return None
            if any(read_raw(path, max_bytes, articles_dir).content_hash != current[path.stem] for path in files):
                return None
            [(quarantined,)] = con.execute("SELECT count(*) FROM raw.quarantined_articles").fetchall()
            if quarantined or not built_with_current_code(con) or not is_up_to_date(con, published):
                return None
            return len(current), current_figure_count(con)
    except (ArticleRejected, OSError, duckdb.Error):
        return None
