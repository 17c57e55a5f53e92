"""The suite files of expectations/ are valid, and the asset checks built from them target the right assets."""

from __future__ import annotations

import json

import pytest
from dagster import AssetKey

from beilun_etl.paths import DBT_PROJECT_DIR, EXPECTATIONS_DIR
from beilun_etl.quality import SuiteError, load_suite, load_suites


def _dbt_model_exists(qualified: str) -> bool:
    schema, table = qualified.split(".")
    return any(DBT_PROJECT_DIR.joinpath("models", schema).glob(f"{table}.sql"))


def test_every_suite_loads_and_names_an_existing_model():
    suites = load_suites()
    assert len(suites) >= 15
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
        "structure_fact_keys",
        "structure_dimension_joins",
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
    from beilun_etl.checks import quality_checks

    [checks] = quality_checks
    specs = {spec.name: spec for spec in checks.check_specs}
    suites = {s.name: s for s in load_suites(EXPECTATIONS_DIR)}
    assert set(specs) == set(suites)
    for name, spec in specs.items():
        assert spec.blocking == (suites[name].severity == "error")
        assert spec.asset_key == AssetKey(["marts", "fct_indicator_value"])
        model = AssetKey(suites[name].model.split("."))
        if model != spec.asset_key:
            assert model in {dep.asset_key for dep in spec.additional_deps}
