"""Is the published warehouse already what this run would build? Then the run has nothing to do.

A warehouse is determined by its inputs: the current article versions, the quarantined files, and
the code that turns them into tables (this package, the dbt project with its dictionaries, the
expectation suites). Their fingerprint is recorded at each publication; a run whose inputs have
the same fingerprint skips dbt, the checks and the publish step, and changes no row.

The code's own fingerprint is recorded too: the incremental dbt models keep their rows only while
it stays the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path

import duckdb

from beilun_etl.paths import DBT_PROJECT_DIR, EXPECTATIONS_DIR, PROJECT_ROOT

_SOURCE_TREES = (
    PROJECT_ROOT / "beilun_etl",
    DBT_PROJECT_DIR / "models",
    DBT_PROJECT_DIR / "seeds",
    DBT_PROJECT_DIR / "macros",
    DBT_PROJECT_DIR / "tests",
    EXPECTATIONS_DIR,
)
_SOURCE_FILES = (DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml")
_SOURCE_SUFFIXES = {".py", ".sql", ".yml", ".yaml", ".csv", ".json"}


@cache
def code_fingerprint() -> str:
    """Hash of every file that shapes the warehouse (read once per process)."""
    files = [p for tree in _SOURCE_TREES if tree.exists() for p in tree.rglob("*") if p.suffix in _SOURCE_SUFFIXES]
    digest = hashlib.sha256()
    for path in sorted({*files, *(f for f in _SOURCE_FILES if f.exists())}):
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
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
    row = con.execute(f"SELECT {column} FROM raw.publications ORDER BY published_at DESC LIMIT 1").fetchone()
    return row[0] if row else None


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
