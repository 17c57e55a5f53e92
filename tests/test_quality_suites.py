"""The suite files of expectations/ are valid, and the asset checks built from them target the right assets."""

from __future__ import annotations

import json

import duckdb
import pytest
from dagster import AssetKey

from beilun_etl.paths import DBT_PROJECT_DIR, EXPECTATIONS_DIR
from beilun_etl.quality import Suite, SuiteError, load_suite, load_suites
from beilun_etl.quality.frames import ROW_ID, ModelTable


def _dbt_model_exists(qualified: str) -> bool:
    schema, table = qualified.split(".")
    return any(DBT_PROJECT_DIR.joinpath("models", schema).glob(f"{table}.sql"))


def test_every_suite_loads_and_names_an_existing_model():
    suites = load_suites()
    assert len(suites) >= 13
    for suite in suites:
        assert suite.severity in ("error", "warn")
        assert _dbt_model_exists(suite.model), suite.model
        assert _dbt_model_exists(suite.guards), suite.guards
        for expectation in suite.expectations:
            assert expectation["type"].startswith("expect_")
            assert expectation.get("meta", {}).get("check"), f"{suite.name}: every expectation names its check"


def test_structural_suites_block_and_article_disagreements_warn():
    severities = {s.name: s.severity for s in load_suites()}
    assert {n for n, s in severities.items() if s == "error"} == {
        "structure_measure_units",
        "totals_value_domains",
    }
    assert all(s == "warn" for n, s in severities.items() if n.startswith("growth_"))


def test_a_malformed_suite_is_refused(tmp_path):
    bad = tmp_path / "bad_suite.json"
    bad.write_text(json.dumps({"name": "bad_suite", "meta": {"severity": "fatal"}, "expectations": []}))
    with pytest.raises(SuiteError, match="severity"):
        load_suite(bad)
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(
            {
                "name": "not_other",
                "meta": {"severity": "warn", "model": "a.b"},
                "expectations": [{"type": "expect_x", "kwargs": {}}],
            }
        )
    )
    with pytest.raises(SuiteError, match="file name"):
        load_suite(other)


def test_asset_checks_one_spec_per_suite_blocking_when_error():
    from beilun_etl.defs.quality.checks import great_expectations_suites as checks

    specs = {spec.name: spec for spec in checks.check_specs}
    suites = {s.name: s for s in load_suites(EXPECTATIONS_DIR)}
    assert set(specs) == set(suites)
    for name, spec in specs.items():
        assert spec.blocking == (suites[name].severity == "error")
        assert spec.asset_key == AssetKey(["marts", "fct_indicator_value"])
        model = AssetKey(suites[name].model.split("."))
        if model != spec.asset_key:
            assert model in {dep.asset_key for dep in spec.additional_deps}


def _suite_file(tmp_path, name: str, expectations: list[dict]) -> Suite:
    path = tmp_path / f"{name}.json"
    path.write_text(
        json.dumps({"name": name, "meta": {"severity": "warn", "model": "audit.t"}, "expectations": expectations})
    )
    return load_suite(path)


def test_a_table_is_read_with_the_columns_its_suites_and_findings_need(tmp_path):
    con = duckdb.connect()
    con.execute("CREATE SCHEMA audit")
    con.execute(
        "CREATE TABLE audit.t AS SELECT 'a#' || i AS figure_id, i AS ratio, repeat('x', 50) AS unused, "
        "'句子' AS sentence FROM range(5) r(i)"
    )
    ratio = _suite_file(
        tmp_path,
        "ratio",
        [{"type": "expect_column_values_to_be_between", "kwargs": {"column": "ratio", "max_value": 2}}],
    )
    table = ModelTable(con, [ratio])
    assert set(table.table.column_names) == {"figure_id", "ratio", "sentence", ROW_ID}
    assert list(table.frame_for(ratio).columns) == ["ratio"]
    # Failing rows are found again by position, with what a finding shows.
    assert table.rows_at([3]) == [{"figure_id": "a#3", "ratio": 3, "sentence": "句子", ROW_ID: 3}]

    conditioned = _suite_file(
        tmp_path,
        "conditioned",
        [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "ratio", "row_condition": "ratio>1"}}],
    )
    assert "unused" in ModelTable(con, [ratio, conditioned]).table.column_names  # a condition may read any column
