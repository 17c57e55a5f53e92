"""The asset checks in a real in-process Dagster run: blocking suites stop the publish step, warnings do not.

dbt is stood in for by an asset that materializes the dbt model keys of the project over a build
warehouse prepared beforehand (staged and built with dbt once per module); the checks and the
publish asset are the real ones.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import (
    AssetCheckSeverity,
    AssetSpec,
    DagsterInstance,
    Definitions,
    MaterializeResult,
    define_asset_job,
    in_process_executor,
    multi_asset,
)
from staging_helpers import drop_mart_keys, gold_records, run_dbt, stage, stage_seed_gold

from beilun_etl.defs.refresh_options import RefreshOptions
from beilun_etl.defs.resources import WarehouseResource

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`


def _dbt_keys():
    from beilun_etl.defs.transform.assets import warehouse_models

    return sorted(warehouse_models.keys)


def _definitions(resource: WarehouseResource, tamper=None) -> Definitions:
    from beilun_etl.defs.publish.assets import build_published_warehouse, mart_keys
    from beilun_etl.defs.quality.checks import great_expectations_suites

    keys = _dbt_keys()

    @multi_asset(specs=[AssetSpec(k) for k in keys], name="dbt_stand_in")
    def dbt_stand_in():
        if tamper:
            with duckdb.connect(str(resource.build_path)) as con:
                drop_mart_keys(con)
                con.execute(tamper)
        for key in keys:
            yield MaterializeResult(asset_key=key)

    from beilun_etl.defs.transform.assets import warehouse_models

    publish = build_published_warehouse(mart_keys(warehouse_models))
    job = define_asset_job("refresh_stand_in", executor_def=in_process_executor)
    return Definitions(
        assets=[dbt_stand_in, publish],
        asset_checks=[great_expectations_suites],
        jobs=[job],
        resources={"warehouse": resource, "refresh": RefreshOptions()},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two build warehouses: the seed gold, and the seed gold with a loose multiple added (a warning)."""
    folder = tmp_path_factory.mktemp("quality_dagster")
    clean = folder / "clean.duckdb"
    stage_seed_gold(clean)
    run_dbt(clean, "build", "--resource-type", "seed", "--resource-type", "model")
    loose = folder / "loose.duckdb"
    article = "003_e40ad7c70a5ae01c"
    gdp = [g for g in gold_records(article) if g["indicator_code"] == "gdp" and not g.get("optional")]
    multiple = next(g for g in gdp if g["measure"] == "multiple") | {"value": 10, "text": "10倍", "figure_seq": 900}
    stage_seed_gold(loose)
    stage(loose, [], [multiple | {"article_id": article, "content_hash": article}])
    run_dbt(loose, "build", "--resource-type", "seed", "--resource-type", "model")
    return {"clean": clean, "loose": loose}


def _last_good(path: Path) -> str:
    """A real DuckDB file standing for the last published warehouse BI tools read; its digest."""
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE main.last_good AS SELECT 'the last good warehouse' AS note")
    return _digest(path)


def _run(tmp_path: Path, template: Path, tamper=None, last_good: Path | None = None):
    """A stand-in refresh of `template`; the published warehouse is `last_good` (same articles), else a
    file with none of them (every article of the build is new)."""
    published = tmp_path / "data" / "warehouse.duckdb"
    published.parent.mkdir(parents=True)
    if last_good is not None:
        shutil.copyfile(last_good, published)
        resource_last_good = _digest(published)
    else:
        resource_last_good = _last_good(published)
    resource = WarehouseResource(path=str(published), articles_dir=str(tmp_path))
    resource.build_path.parent.mkdir(parents=True)
    shutil.copyfile(template, resource.build_path)
    defs = _definitions(resource, tamper)
    result = defs.resolve_job_def("refresh_stand_in").execute_in_process(
        instance=DagsterInstance.ephemeral(), raise_on_error=False
    )
    result.last_good = resource_last_good
    return result, resource


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_clean_build_passes_and_publishes(tmp_path, built):
    result, resource = _run(tmp_path, built["clean"])
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == 13 and all(e.passed for e in evaluations)
    assert {e.asset_key.path[0] for e in evaluations} == {"marts"}
    assert result.asset_materializations_for_node("published_warehouse")
    with duckdb.connect(str(resource.published_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM marts.quality_findings").fetchone()[0] == 0
    docs = resource.published_path.parent / "quality_docs" / "index.html"
    assert docs.exists()
    metadata = evaluations[0].metadata
    assert metadata["data_docs"].value == str(docs)  # as text, not a file:// link
    assert not any(str(v.value).startswith("file://") for v in metadata.values())
    assert "unexpected_count" in metadata and "failing_rows_preview" in metadata
    assert "| pass |" in metadata["summary"].value and "build copy" in metadata["validated"].value


def test_warning_publishes_and_lands_in_quality_findings(tmp_path, built):
    result, resource = _run(tmp_path, built["loose"])
    assert result.success
    assert result.asset_materializations_for_node("published_warehouse")
    [warned] = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert warned.check_name == "growth_multiple_endpoints"
    assert warned.severity == AssetCheckSeverity.WARN
    assert warned.metadata["unexpected_count"].value == 1
    assert "10倍" in warned.metadata["failing_rows_preview"].value
    with duckdb.connect(str(resource.published_path), read_only=True) as con:
        rows = con.execute("SELECT check_name, severity, observed FROM marts.quality_findings").fetchall()
    assert rows == [("growth_multiple_endpoints.multiple_matches_endpoints", "warn", "10倍")]


def test_blocking_failure_fails_the_run_and_keeps_the_published_warehouse(tmp_path, built):
    # A share in `count` (the unit does not fit the measure): what a broken model would write. Keys,
    # duplicates and orphans are the marts' contracts' and dbt's tests' (tests/test_quality_checks.py).
    share_in_count = (
        "UPDATE marts.fct_indicator_value SET unit = 'count' WHERE figure_id = "
        "(SELECT min(figure_id) FROM marts.fct_indicator_value WHERE measure = 'share_pct' AND NOT is_derived)"
    )
    result, resource = _run(tmp_path, built["clean"], tamper=share_in_count, last_good=built["clean"])
    assert not result.success
    assert not result.asset_materializations_for_node("published_warehouse")
    assert _digest(resource.published_path) == result.last_good
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert [e.check_name for e in failed] == ["structure_measure_units"]
    assert failed[0].severity == AssetCheckSeverity.ERROR
    [failure] = [e for e in result.all_events if e.is_step_failure]
    message = failure.step_failure_data.error.message
    assert "structure_measure_units" in message and "unit_fits_measure" in message
    # the findings are in the check's metadata; the unpublished build copy is gone at the end of the run
    assert "figure_id" in failed[0].metadata["failing_rows_preview"].value
    assert "**fail**" in failed[0].metadata["summary"].value
    assert not resource.build_path.exists()
