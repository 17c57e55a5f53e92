"""The published warehouse as BI tools see it: a real refresh (Dagster job, dbt build, checks,
publish) of the seed articles, then the file opened read-only with DuckDB (its catalog lists the
marts' primary and foreign keys), with duckdb-engine + SQLAlchemy (the inspector Superset uses sees
the foreign keys; versions pinned in pyproject's dev group, see docs/bi.md), and the example queries
of docs/queries/ run on it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import sqlalchemy as sa
from pipeline_helpers import refresh

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

QUERIES = Path(__file__).resolve().parents[1] / "docs" / "queries"
FACT_KEYS = {
    ("article_key", "dim_article"),
    ("indicator_key", "dim_indicator"),
    ("zone_key", "dim_zone"),
    ("year", "dim_year"),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.data_paths import SEEDS_DIR

    root = tmp_path_factory.mktemp("bi_clients")
    articles = root / "articles"
    articles.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, articles / path.name)
    warehouse = root / "data" / "warehouse.duckdb"
    summary = refresh(articles, warehouse)
    assert summary.published, summary
    return warehouse


def test_duckdb_lists_the_keys_of_the_marts(published):
    with duckdb.connect(str(published), read_only=True) as con:
        rows = con.execute(
            "select table_name, constraint_type, constraint_column_names, referenced_table "
            "from duckdb_constraints() where schema_name = 'marts' and constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')"
        ).fetchall()
    primary = {t: cols for t, kind, cols, _ in rows if kind == "PRIMARY KEY"}
    assert primary["fct_indicator_value"] == ["figure_id"] and primary["fct_indicator_latest"] == ["latest_key"]
    assert {primary[d] == [c] for c, d in FACT_KEYS} == {True}
    for fact in ("fct_indicator_value", "fct_indicator_latest"):
        foreign = {(cols[0], ref) for t, kind, cols, ref in rows if kind == "FOREIGN KEY" and t == fact}
        assert foreign >= FACT_KEYS, fact
    assert ("figure_id", "fct_indicator_value") in {
        (cols[0], ref) for t, kind, cols, ref in rows if kind == "FOREIGN KEY" and t == "fct_indicator_latest"
    }


def test_the_sqlalchemy_inspector_sees_the_star_schema(published):
    engine = sa.create_engine(f"duckdb:///{published}", connect_args={"read_only": True})
    try:
        inspector = sa.inspect(engine)
        assert {"fct_indicator_value", "dim_zone", "unapplied_corrections"} <= set(
            inspector.get_table_names(schema="marts")
        )
        for fact in ("fct_indicator_value", "fct_indicator_latest"):
            keys = {
                (fk["constrained_columns"][0], fk["referred_table"], fk["referred_columns"][0])
                for fk in inspector.get_foreign_keys(fact, schema="marts")
            }
            assert {(c, d, c) for c, d in FACT_KEYS} <= keys, fact
        comments = {c["name"]: c.get("comment") for c in inspector.get_columns("fct_indicator_latest", schema="marts")}
        assert "statistical release" in comments["source_type"] and comments["n_figures"]
    finally:
        engine.dispose()


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.sql")))
def test_every_example_query_runs_on_the_refreshed_warehouse(published, name):
    with duckdb.connect(str(published), read_only=True) as con:
        cur = con.execute((QUERIES / name).read_text(encoding="utf-8"))
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    assert columns
    if name != "figures_that_disagree.sql":  # the extractor may well give no disagreement
        assert rows, name
    if name == "beilun_ranks.sql":
        scopes = {r[columns.index("rank_scope")] for r in rows}
        assert {"zhejiang", "china"} <= scopes, scopes
    if name == "beilun_gdp_over_the_years.sql":
        levels = {r[columns.index("period_label")] for r in rows if r[columns.index("measure")] == "level"}
        assert {"2002", "2022"} <= levels
