"""The per-article dbt models are built incrementally: that must give exactly what a full rebuild gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from pipeline_helpers import query, refresh

from beilun_etl.defs.transform.project import RUN_TARGET_PATH, dbt_cli_resource, pipeline_vars
from beilun_etl.paths import DBT_PROJECT_DIR, PROJECT_ROOT
from beilun_etl.pipeline import freshness
from beilun_etl.pipeline.raw_schema import create_raw_schema
from tests.data_paths import STYLES_DIR

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

TEST_ARTICLES = STYLES_DIR
# Schemas dbt builds; marts.quality_findings is written by the checks, not by dbt.
DBT_SCHEMAS = ("staging", "intermediate", "marts", "audit", "reference")
INCREMENTAL_MODELS = (
    "int_figures_current",
    "int_figures_mapped",
    "int_derived_figures",
    "int_figures_corrected",
    "int_rank_scopes",
    "int_multiple_bases",
    "int_indicator_values",
    "audit_figures",
)
# Models incremental by scope (macros/incremental_by_scope.sql): the changed cells, series or articles only.
CELL_SCOPED_MODELS = ("int_indicator_latest", "audit_cross_article", "audit_growth_levels")
SERIES_SCOPED_MODELS = (
    "audit_span_endpoints",
    "audit_cumulative",
)
ARTICLE_SCOPED_MODELS = (
    "audit_part_whole",
    "audit_sector_sum",
    "audit_trade_balance",
    "audit_structure_ratio",
    "audit_span_agreement",
)
# What one run changed: a full rebuild records nothing, so it is not compared.
RUN_RECORDS = ("intermediate.int_changed_cells",)


def _copy_article(name: str, folder: Path) -> None:
    for path in TEST_ARTICLES.glob(f"{name}.*"):
        shutil.copy(path, folder / path.name)


def _normalised(value):
    """Floats to 12 significant digits: sums over rows in another order may differ in the last bit."""
    if isinstance(value, float):
        return float(f"{value:.12g}")
    if isinstance(value, list):
        return [_normalised(v) for v in value]
    return value


def _dbt_tables(warehouse: Path) -> dict[str, list[str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name IN "
            f"({', '.join(repr(s) for s in DBT_SCHEMAS)}) AND table_name <> 'quality_findings' ORDER BY ALL"
        ).fetchall()
        return {
            f"{schema}.{table}": sorted(
                repr(tuple(map(_normalised, row)))
                for row in con.execute(f'SELECT * FROM {schema}."{table}"').fetchall()
            )
            for schema, table in tables
        }


def _run_results() -> list[dict]:
    return json.loads((RUN_TARGET_PATH / "run_results.json").read_text())["results"]


def _compiled_sql(model: str) -> str:
    return next(r["compiled_code"] for r in _run_results() if r["unique_id"] == f"model.beilun.{model}")


def _nodes_built() -> set[str]:
    return {r["unique_id"].split(".")[-1] for r in _run_results() if r["unique_id"].split(".")[0] in ("seed", "model")}


def test_an_incremental_build_gives_what_a_full_rebuild_gives(
    articles_dir: Path, warehouse_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    for name in ("bulletin_beilun_2023", "bulletin_tables_2024", "ftz_feature_2024", "multi_zone_fdi_2024"):
        _copy_article(name, articles_dir)
    first = refresh(articles_dir, warehouse_path)
    assert first.published
    assert "except\n    select article_id, content_hash from" not in _compiled_sql("int_indicator_values")

    # New articles, an edited one and a deleted one, in one incremental run.
    for name in ("traditional_port_2022",):
        _copy_article(name, articles_dir)
    edited = articles_dir / "ftz_feature_2024.txt"
    text = edited.read_text(encoding="utf-8")
    assert "亿元" in text
    edited.write_text(text.replace("亿元", "万元", 1), encoding="utf-8")
    (articles_dir / "multi_zone_fdi_2024.txt").unlink()
    # A later article that gives the bulletin's 2023 GDP another value: cells shared by articles, and
    # the previous year's level of bulletin_tables_2024's unchanged 2024 growth rate.
    revised = articles_dir / "bulletin_beilun_2023_revised.txt"
    revised.write_text(
        (articles_dir / "bulletin_beilun_2023.txt").read_text(encoding="utf-8").replace("2786.4亿元", "2790.1亿元"),
        encoding="utf-8",
    )
    revised.with_suffix(".meta.json").write_text('{"published": "2024-04-01"}', encoding="utf-8")
    second = refresh(articles_dir, warehouse_path)
    assert second.published and not second.failures
    assert (second.articles["articles_new"], second.articles["articles_changed"]) == (2, 1)
    assert second.articles["articles_deleted"] == 1
    # every node is built and every test run, so that each check the run plans shows its result
    assert "fct_indicator_value" in _nodes_built()
    assert any(r["unique_id"].startswith("test.beilun.not_null_zones_") for r in _run_results())
    for model in INCREMENTAL_MODELS:
        assert "except\n    select article_id, content_hash from" in _compiled_sql(model), model
    for model in CELL_SCOPED_MODELS:
        assert "period_end)\n    in (select zone_key, indicator_key, period_start, period_end from" in _compiled_sql(
            model
        ), model
    for model in SERIES_SCOPED_MODELS:
        assert "indicator_key) in (select zone_key, indicator_key from" in _compiled_sql(model), model
    for model in ARTICLE_SCOPED_MODELS:
        assert (
            """in (select article_id from "warehouse"."raw"."changed_scope" where scope = 'article')"""
            in _compiled_sql(model)
        ), model
    cells = "DISTINCT (zone_key, indicator_key, period_start, period_end)"
    changed_cells = query(warehouse_path, f"SELECT count({cells}) FROM intermediate.int_changed_cells")[0][0]
    assert 0 < changed_cells < query(warehouse_path, f"SELECT count({cells}) FROM marts.fct_indicator_value")[0][0]
    # the run's scope is emptied once dbt has read it: the published warehouse carries none
    assert query(warehouse_path, "SELECT count(*) FROM raw.changed_scope") == [(0,)]
    assert query(warehouse_path, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'changed_%'") == [(1,)]

    rebuilt = tmp_path / "rebuilt" / "warehouse.duckdb"
    rebuilt.parent.mkdir()
    shutil.copyfile(warehouse_path, rebuilt)
    monkeypatch.setenv("BEILUN_BUILD_WAREHOUSE", str(rebuilt))
    # the rebuild the pipeline would make: with its vars
    dbt_cli_resource().cli(["build", "--full-refresh", *pipeline_vars()], target_path=tmp_path / "dbt_target").wait()

    incremental, full = _dbt_tables(warehouse_path), _dbt_tables(rebuilt)
    assert incremental.keys() == full.keys()
    for table in RUN_RECORDS:
        del incremental[table], full[table]
    assert incremental["audit.audit_cross_article"] and incremental["audit.audit_growth_levels"]
    assert len(incremental["marts.fct_indicator_value"]) > 300
    articles = {r[0] for r in query(warehouse_path, "SELECT DISTINCT article_id FROM marts.fct_indicator_value")}
    assert {
        "bulletin_tables_2024",
        "traditional_port_2022",
        "ftz_feature_2024",
        "bulletin_beilun_2023_revised",
    } <= articles
    assert "multi_zone_fdi_2024" not in articles
    for table in incremental:
        assert incremental[table] == full[table], f"{table} differs from a full rebuild"


def test_a_change_of_code_makes_the_next_build_a_full_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        create_raw_schema(con)
        assert not freshness.built_with_current_code(con)  # nothing published yet
        freshness.record_publication(con, "run-1", freshness.dt.datetime(2026, 1, 1))
        assert freshness.built_with_current_code(con)
        monkeypatch.setattr(freshness, "code_fingerprint", lambda: "another version of the code")
        assert not freshness.built_with_current_code(con)


def test_a_warehouse_published_before_the_code_fingerprint_gets_the_column(tmp_path: Path):
    with duckdb.connect(str(tmp_path / "old.duckdb")) as con:
        con.execute("CREATE SCHEMA raw")
        con.execute(
            "CREATE TABLE raw.publications (state_fingerprint VARCHAR NOT NULL, published_at TIMESTAMP NOT NULL, run_id VARCHAR)"
        )
        con.execute("INSERT INTO raw.publications VALUES ('old', TIMESTAMP '2025-01-01', 'r')")
        create_raw_schema(con)
        assert not freshness.built_with_current_code(con)  # built by unknown code: rebuilt whole


def test_the_code_fingerprint_covers_the_dictionaries_and_the_models():
    """An alias added to indicators.csv must rebuild the incremental models: the fingerprint reads it."""
    covered = {p for tree in freshness._SOURCE_TREES for p in tree.rglob("*") if p.suffix in freshness._SOURCE_SUFFIXES}
    assert DBT_PROJECT_DIR / "seeds" / "indicators.csv" in covered
    assert DBT_PROJECT_DIR / "seeds" / "zones.csv" in covered
    assert DBT_PROJECT_DIR / "macros" / "incremental_by_article.sql" in covered
    assert DBT_PROJECT_DIR / "models" / "intermediate" / "int_figures_mapped.sql" in covered


def test_the_code_fingerprint_reads_the_configured_suites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Suites from BEILUN_EXPECTATIONS_DIR shape what is published: another folder is other code."""
    default = freshness.code_fingerprint()
    shutil.copytree(PROJECT_ROOT / "expectations", tmp_path / "suites")
    monkeypatch.setenv("BEILUN_EXPECTATIONS_DIR", str(tmp_path / "suites"))
    assert freshness.code_fingerprint() == default, "the same suites elsewhere are the same code"
    (tmp_path / "suites" / "zz_extra.json").write_text('{"name": "zz_extra", "expectations": []}', encoding="utf-8")
    monkeypatch.setenv("BEILUN_EXPECTATIONS_DIR", str(tmp_path / "suites2"))
    shutil.copytree(tmp_path / "suites", tmp_path / "suites2")
    assert freshness.code_fingerprint() != default
