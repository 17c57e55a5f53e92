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

# Filled in the build copy for one dbt invocation, emptied after it (pipeline/raw_schema.py). dbt
# reads it as a source only when told so by a var (macros/incremental_by_scope.sql): an analyst's
# own `dbt build` recomputes the scoped models whole.
CHANGED_SCOPE = "raw.changed_scope"
_CURRENT = "SELECT article_id, content_hash FROM {db}raw.article_versions WHERE status = 'current'"


def _changed_articles_query() -> str:
    now, then = _CURRENT.format(db=""), _CURRENT.format(db="last_published.")
    return f"SELECT DISTINCT article_id FROM (({now} EXCEPT {then}) UNION ALL ({then} EXCEPT {now}))"


def _changed_articles_sql(table: str, temporary: bool) -> str:
    return f"CREATE OR REPLACE {'TEMP ' if temporary else ''}TABLE {table} AS {_changed_articles_query()}"


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
    articles = f"INSERT INTO {CHANGED_SCOPE} (scope, article_id) SELECT 'article', article_id FROM ({_changed_articles_query()})"
    cells = (
        f"INSERT INTO {CHANGED_SCOPE} (scope, zone_key, indicator_key, period_start, period_end) "
        "SELECT DISTINCT 'cell', zone_key, indicator_key, period_start, period_end "
        "FROM last_published.intermediate.int_indicator_values "
        f"WHERE article_id IN (SELECT article_id FROM {CHANGED_SCOPE} WHERE scope = 'article')"
    )
    try:
        recorded = _with_last_publication(con, published, [articles, cells])
    except duckdb.CatalogException:  # published by this code yet without the model: redo everything
        recorded = False
    if not recorded:
        forget_changes(con)
        return None
    return _count(con, f"{CHANGED_SCOPE} WHERE scope = 'article'")


def forget_changes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DELETE FROM {CHANGED_SCOPE}")
