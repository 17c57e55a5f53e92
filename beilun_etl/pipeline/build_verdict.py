"""The checks' verdict on a build copy, recorded in the copy itself: what the publish step demands.

Write-audit-publish holds only if the publish step can tell that the copy it is about to rename
was audited, in this run, and passed. The check step writes one row (`raw.build_verdict`: run,
passed or not, what failed) into the copy after validating it; the publish step reads it and
refuses any copy whose verdict is missing, from another run, or a failure. A copy left by a
blocked run, or one a publish-only run (the UI's "Materialize" on `published_warehouse`) finds, is
discarded, never published. The verdict is published with the warehouse: it tells which run's
checks passed it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

VERDICT_TABLE = "raw.build_verdict"
_DDL = f"""
CREATE OR REPLACE TABLE {VERDICT_TABLE} (
    run_id      VARCHAR NOT NULL,   -- the Dagster run whose check step validated this copy
    passed      BOOLEAN NOT NULL,   -- no blocking check failed
    detail      VARCHAR NOT NULL,   -- what failed, or what passed
    checked_at  TIMESTAMP NOT NULL  -- UTC
)
"""


@dataclass(frozen=True)
class Verdict:
    run_id: str
    passed: bool
    detail: str


def record_verdict(con: duckdb.DuckDBPyConnection, run_id: str, passed: bool, detail: str) -> None:
    """Replace the copy's verdict with this run's."""
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute(_DDL)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(f"INSERT INTO {VERDICT_TABLE} VALUES (?, ?, ?, ?)", [run_id, passed, detail, now])


def read_verdict(con: duckdb.DuckDBPyConnection) -> Verdict | None:
    """The copy's verdict, or None when no check step ever judged it."""
    [(exists,)] = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name = 'build_verdict'"
    ).fetchall()
    if not exists:
        return None
    rows = con.execute(f"SELECT run_id, passed, detail FROM {VERDICT_TABLE}").fetchall()
    return Verdict(*rows[0]) if len(rows) == 1 else None


def refusal(verdict: Verdict | None, run_id: str) -> str | None:
    """Why a copy with this verdict may not be published by run `run_id`, or None when it may."""
    if verdict is None:
        return "no check step of this run validated it (a publish-only run, or the checks did not run)"
    if verdict.run_id != run_id:
        outcome = "passed" if verdict.passed else f"failed: {verdict.detail}"
        return f"it was validated by another run ({verdict.run_id}, which {outcome}), not by this one"
    if not verdict.passed:
        return f"its blocking checks failed in this run: {verdict.detail}"
    return None
