"""The articles a run changes since the last publication, and the cells and series they touch.

Work that looks at one article at a time (a per-article audit, a suite of scope `article`), one
cell at a time (zone × indicator × period: its latest value, the articles that disagree on it) or
one series at a time (zone × indicator: a growth rate against last year's level) gives the same
rows for every other article, cell or series as the last publication did, as long as that
publication was built by the same code, dictionaries and suites. A run then redoes only the
changed articles, or the cells and series they touch.

An article has changed when its current version differs from the last publication's: new, edited
or deleted. The cells it touches are those of its published version's figures (found here, in the
last publication) and of its new version's (found by dbt's int_changed_cells, which maps them).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from beilun_etl.pipeline.freshness import built_with_current_code

# Written into the build copy for one dbt invocation (macros/incremental_by_scope.sql), then dropped:
# a dbt build that finds no such tables (an analyst's, say) recomputes the scoped models whole.
CHANGED_ARTICLES = "raw.changed_articles"
CHANGED_CELLS = "raw.changed_cells"
_CURRENT = "SELECT article_id, content_hash FROM {db}raw.article_versions WHERE status = 'current'"


def _changed_articles_sql(table: str, temporary: bool) -> str:
    now, then = _CURRENT.format(db=""), _CURRENT.format(db="last_published.")
    return (
        f"CREATE OR REPLACE {'TEMP ' if temporary else ''}TABLE {table} AS SELECT DISTINCT article_id "
        f"FROM (({now} EXCEPT {then}) UNION ALL ({then} EXCEPT {now}))"
    )


def _with_last_publication(con: duckdb.DuckDBPyConnection, published: Path | None, statements: list[str]) -> bool:
    """Run `statements` with the published warehouse attached as `last_published`.

    False, running nothing, when everything must be redone: no published warehouse to compare with,
    one built by other code or suites, or one that cannot be opened (a reader holding it for writing).
    """
    if published is None or not published.exists() or not built_with_current_code(con):
        return False
    try:
        con.execute("ATTACH ? AS last_published (READ_ONLY)", [str(published)])
    except duckdb.Error:
        return False
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.execute("DETACH last_published")
    return True


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    [(count,)] = con.execute(f"SELECT count(*) FROM {table}").fetchall()
    return count


def fill_changed_articles(
    con: duckdb.DuckDBPyConnection, published: Path | None, table: str, *, temporary: bool = False
) -> int | None:
    """Create `table` (article_id) with the changed articles and return their number; None when all changed."""
    if not _with_last_publication(con, published, [_changed_articles_sql(table, temporary)]):
        return None
    return _count(con, table)


def record_changes_for_dbt(con: duckdb.DuckDBPyConnection, published: Path) -> int | None:
    """Record the changed articles and the cells of their published versions; None when dbt must redo all.

    The cells come from the last publication, not from the build copy, whose models a failed
    attempt at this run may already have moved on.
    """
    forget_changes(con)
    cells = (
        f"CREATE TABLE {CHANGED_CELLS} AS SELECT DISTINCT zone_key, indicator_key, period_start, period_end "
        "FROM last_published.intermediate.int_indicator_values "
        f"WHERE article_id IN (SELECT article_id FROM {CHANGED_ARTICLES})"
    )
    try:
        recorded = _with_last_publication(con, published, [_changed_articles_sql(CHANGED_ARTICLES, False), cells])
    except duckdb.CatalogException:  # published by this code yet without the model: redo everything
        recorded = False
    if not recorded:
        forget_changes(con)
        return None
    return _count(con, CHANGED_ARTICLES)


def forget_changes(con: duckdb.DuckDBPyConnection) -> None:
    for table in (CHANGED_CELLS, CHANGED_ARTICLES):
        con.execute(f"DROP TABLE IF EXISTS {table}")
