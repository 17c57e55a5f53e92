"""Which articles changed since the last publication: the rows a suite of scope `article` validates.

A suite of scope `article` never compares rows of two articles, so a row that passed it when it was
published passes it again, as long as its article version, the code and the suites are the same.
An incremental run therefore validates only the articles whose current version is not the one
the last publication holds (new or edited); deleted ones have no rows left.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from beilun_etl.freshness import built_with_current_code

CHANGED_ARTICLES = "quality_changed_articles"  # a temporary table of the validating connection
_CURRENT = "SELECT article_id, content_hash FROM {db}raw.article_versions WHERE status = 'current'"


def changed_articles(con: duckdb.DuckDBPyConnection, published: Path | None) -> int | None:
    """Fill the temporary table CHANGED_ARTICLES and return its size; None when every row must be validated.

    Every row is validated when there is no published warehouse to compare with, when it was built
    by other code or suites, or when it cannot be opened (a reader holding it for writing).
    """
    if published is None or not published.exists() or not built_with_current_code(con):
        return None
    try:
        con.execute("ATTACH ? AS last_published (READ_ONLY)", [str(published)])
    except duckdb.Error:
        return None
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {CHANGED_ARTICLES} AS SELECT DISTINCT article_id FROM "
            f"({_CURRENT.format(db='')} EXCEPT {_CURRENT.format(db='last_published.')})"
        )
    finally:
        con.execute("DETACH last_published")
    [(count,)] = con.execute(f"SELECT count(*) FROM {CHANGED_ARTICLES}").fetchall()
    return count
