"""The articles a run changes since the last publication, and the cells and series they touch.

Work that looks at one article at a time (a per-article audit, a suite of scope `article`), one
cell at a time (zone × indicator × period: its latest value, the articles that disagree on it) or
one series at a time (zone × indicator: a growth rate against last year's level) gives the same
rows for every other article, cell or series as the last publication did, as long as that
publication was built by the same code, dictionaries and suites. A run then redoes only the
changed articles, or the cells and series they touch.

An article has changed when its current version differs from the last publication's: new, edited
or deleted. The cells it touches are those of its old version's figures (found here, before dbt
replaces them) and of its new version's (found by dbt's int_changed_cells, which maps them).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from beilun_etl.freshness import built_with_current_code

# Written into the build copy for one dbt invocation (macros/incremental_by_scope.sql), then dropped:
# a dbt build that finds no such tables (an analyst's, say) recomputes the scoped models whole.
CHANGED_ARTICLES = "raw.changed_articles"
CHANGED_CELLS = "raw.changed_cells"
_CURRENT = "SELECT article_id, content_hash FROM {db}raw.article_versions WHERE status = 'current'"


def fill_changed_articles(
    con: duckdb.DuckDBPyConnection, published: Path | None, table: str, *, temporary: bool = False
) -> int | None:
    """Create `table` (article_id) with the changed articles and return their number.

    None (and no table) when everything must be redone: no published warehouse to compare with, one
    built by other code or suites, or one that cannot be opened (a reader holding it for writing).
    """
    if published is None or not published.exists() or not built_with_current_code(con):
        return None
    try:
        con.execute("ATTACH ? AS last_published (READ_ONLY)", [str(published)])
    except duckdb.Error:
        return None
    try:
        now, then = _CURRENT.format(db=""), _CURRENT.format(db="last_published.")
        con.execute(
            f"CREATE OR REPLACE {'TEMP ' if temporary else ''}TABLE {table} AS SELECT DISTINCT article_id "
            f"FROM (({now} EXCEPT {then}) UNION ALL ({then} EXCEPT {now}))"
        )
    finally:
        con.execute("DETACH last_published")
    [(count,)] = con.execute(f"SELECT count(*) FROM {table}").fetchall()
    return count


def record_changes_for_dbt(con: duckdb.DuckDBPyConnection, published: Path) -> int | None:
    """Record the changed articles and the cells of their old versions; None when dbt must redo all."""
    forget_changes(con)
    count = fill_changed_articles(con, published, CHANGED_ARTICLES)
    if count is None:
        return None
    try:
        con.execute(
            f"CREATE TABLE {CHANGED_CELLS} AS SELECT DISTINCT zone_key, indicator_key, period_start, period_end "
            f"FROM intermediate.int_indicator_values WHERE article_id IN (SELECT article_id FROM {CHANGED_ARTICLES})"
        )
    except duckdb.CatalogException:  # built by this code yet without the model: redo everything
        forget_changes(con)
        return None
    return count


def forget_changes(con: duckdb.DuckDBPyConnection) -> None:
    for table in (CHANGED_CELLS, CHANGED_ARTICLES):
        con.execute(f"DROP TABLE IF EXISTS {table}")
