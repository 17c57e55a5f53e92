"""Which articles changed since the last publication: the rows a suite of scope `article` validates.

A suite of scope `article` never compares rows of two articles, so a row that passed it when it was
published passes it again, as long as its article version, the code and the suites are the same.
An incremental run therefore validates only the articles whose current version is not the one
the last publication holds (new or edited; deleted ones have no rows left).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from beilun_etl.changes import fill_changed_articles

CHANGED_ARTICLES = "quality_changed_articles"  # a temporary table of the validating connection


def changed_articles(con: duckdb.DuckDBPyConnection, published: Path | None) -> int | None:
    """Fill the temporary table CHANGED_ARTICLES and return its size; None when every row must be validated."""
    return fill_changed_articles(con, published, CHANGED_ARTICLES, temporary=True)
