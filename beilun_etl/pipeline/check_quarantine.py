"""A blocking check failure that belongs to particular articles quarantines them; the rest is published.

One bad article used to block every publication until someone removed it. When every failing row
of every failed blocking suite names its articles, and those articles are new or edited in this
run (a version already published passed these checks, so a failure there is the pipeline's, not
the article's), and they are at most half of the articles, the failure is the articles': their
new versions are taken out of the build copy (an edited article keeps its published version), each
is recorded in `raw.quarantined_articles` with reason `failed_check` naming the check and the
figures, and the caller rebuilds the dbt models and validates again, in the same run. Any other
failure (a suite that could not run, a finding that names no article, an old article) blocks
publication as before.

The failed version is remembered (`raw.failed_check_versions`, with the code fingerprint): later
runs quarantine the same file again without rebuilding twice, until the file or the code changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

from beilun_etl.pipeline.freshness import code_fingerprint

FAILED_CHECK = "failed_check"
FAILED_CHECKS_TABLE = "raw.failed_check_versions"
_DDL = f"""
CREATE TABLE IF NOT EXISTS {FAILED_CHECKS_TABLE} (
    article_id        VARCHAR NOT NULL,
    content_hash      VARCHAR NOT NULL,   -- the version that failed (raw.article_versions.content_hash)
    source_file       VARCHAR NOT NULL,
    code_fingerprint  VARCHAR NOT NULL,   -- the code and suites it failed with; other code tries again
    detail            VARCHAR NOT NULL,   -- the checks and figures that failed
    run_id            VARCHAR,
    detected_at       TIMESTAMP NOT NULL
)
"""
MAX_DETAIL = 1500


def failed_check_versions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """content_hash → detail of the versions that failed a blocking check of this code."""
    [(exists,)] = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name = 'failed_check_versions'"
    ).fetchall()
    if not exists:
        return {}
    rows = con.execute(
        f"SELECT content_hash, detail FROM {FAILED_CHECKS_TABLE} WHERE code_fingerprint = ?", [code_fingerprint()]
    ).fetchall()
    return dict(rows)


def blocking_findings(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["severity"] == "error"]


def failing_articles(findings: list[dict[str, Any]]) -> list[str]:
    """The articles the blocking findings name, in order of first mention."""
    return list(dict.fromkeys(a for f in blocking_findings(findings) for a in f["article_ids"]))


def _published_versions(published: Path | None) -> dict[str, str]:
    if published is None or not published.exists():
        return {}
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            return dict(
                con.execute(
                    "SELECT article_id, content_hash FROM raw.article_versions WHERE status = 'current'"
                ).fetchall()
            )
    except duckdb.Error:
        return {}


def attribute_to_articles(
    con: duckdb.DuckDBPyConnection, findings: list[dict[str, Any]], suites_errored: bool, published: Path | None
) -> tuple[dict[str, list[dict[str, Any]]] | None, str]:
    """The blocking findings by article when the failure is the articles' (see the module), else None; and why."""
    blocking = blocking_findings(findings)
    if suites_errored:
        return None, "a blocking suite could not run at all"
    if not blocking:
        return None, "no finding names what failed"
    if any(not f["article_ids"] for f in blocking):
        return None, "a failing row names no article (a failure of the whole table)"
    current = dict(
        con.execute("SELECT article_id, content_hash FROM raw.article_versions WHERE status = 'current'").fetchall()
    )
    published_now = _published_versions(published)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for finding in blocking:
        for article_id in finding["article_ids"]:
            if article_id not in current:
                return None, f"article {article_id} is not a current article"
            if published_now.get(article_id) == current[article_id]:
                return None, f"article {article_id} is published as it is: it passed these checks before"
            by_article.setdefault(article_id, []).append(finding)
    if 2 * len(by_article) > len(current):
        return (
            None,
            f"{len(by_article)} of the {len(current)} articles fail: more likely the pipeline than the articles",
        )
    return by_article, ""


def describe(findings: list[dict[str, Any]]) -> str:
    """`check on figure … (observed …: detail)`, for the quarantine record and the run log."""
    parts = []
    for f in findings:
        figures = ", ".join(f["figure_ids"][:5]) or "no figure named"
        said = "; ".join(str(x) for x in (f.get("observed"), f.get("detail")) if x)
        parts.append(f"{f['check_name']} on figure {figures}" + (f" ({said})" if said else ""))
    text = "failed blocking check " + "; ".join(parts)
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 3] + "..."


def quarantine_articles(
    con: duckdb.DuckDBPyConnection, by_article: dict[str, list[dict[str, Any]]], run_id: str, published: Path | None
) -> list[tuple[str, str]]:
    """Take the failing versions out of the build copy; returns (source file, detail) per article."""
    con.execute(_DDL)
    published_now = _published_versions(published)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    fingerprint = code_fingerprint()
    done = []
    con.execute("BEGIN TRANSACTION")
    try:
        for article_id, findings in sorted(by_article.items()):
            content_hash, source_file, size = con.execute(
                "SELECT content_hash, source_file, size_bytes FROM raw.article_versions "
                "WHERE article_id = ? AND status = 'current'",
                [article_id],
            ).fetchone()
            kept = published_now.get(article_id)
            detail = describe(findings) + (
                f". Left out; its published version ({kept[:12]}) stays until the file is fixed"
                if kept
                else ". Left out of the warehouse until the file (or the code) is fixed"
            )
            # Only this run made the version (it is not the published one): nothing published is lost.
            con.execute(
                "DELETE FROM raw.article_versions WHERE article_id = ? AND content_hash = ?", [article_id, content_hash]
            )
            for table in ("raw.figures", "raw.extractions"):
                con.execute(f"DELETE FROM {table} WHERE content_hash = ?", [content_hash])
            if kept:
                con.execute(
                    "UPDATE raw.article_versions SET status = 'current' WHERE article_id = ? AND content_hash = ?",
                    [article_id, kept],
                )
            con.execute(
                f"INSERT INTO {FAILED_CHECKS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)",
                [article_id, content_hash, source_file, fingerprint, detail, run_id, now],
            )
            con.execute("DELETE FROM raw.quarantined_articles WHERE source_file = ?", [source_file])
            con.execute(
                "INSERT INTO raw.quarantined_articles VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                [source_file, content_hash, FAILED_CHECK, detail, size, now, run_id],
            )
            done.append((source_file, detail))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return done


def rebuild_models(build: Path) -> None:
    """`dbt build --full-refresh` on the build copy: the quarantined articles leave every model.

    Whole, not incremental: the scoped models would not see articles that vanished within a run.
    """
    from beilun_etl.defs.transform.project import RUN_TARGET_PATH, dbt_cli_resource, pipeline_environment, pipeline_vars

    with pipeline_environment(build):
        invocation = dbt_cli_resource().cli(["build", "--full-refresh", *pipeline_vars()], target_path=RUN_TARGET_PATH)
    invocation.wait()
