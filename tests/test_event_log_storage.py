"""The project's Dagster instance keeps its event log where, and how, Dagster's own storage reads it."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from dagster import (
    AssetCheckKey,
    AssetCheckResult,
    AssetCheckSpec,
    AssetKey,
    DagsterEventType,
    DagsterInstance,
    Definitions,
    MaterializeResult,
    asset,
    define_asset_job,
    materialize,
)
from dagster._core.storage.event_log import SqliteEventLogStorage

from beilun_etl.runtime.event_log_storage import PooledSqliteEventLogStorage
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.slow  # runs Dagster (small jobs, seconds each): left out of `make test-fast`


@asset(check_specs=[AssetCheckSpec("counted", asset="tally")])
def tally() -> MaterializeResult:
    return MaterializeResult(metadata={"rows": 3}, check_results=[AssetCheckResult(passed=True)])


@pytest.fixture
def instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with DagsterInstance.get() as active:
        yield active


def test_the_project_instance_uses_the_pooled_event_log_in_dagsters_place(instance: DagsterInstance) -> None:
    storage = instance.event_log_storage
    assert isinstance(storage, PooledSqliteEventLogStorage)
    assert Path(storage._base_dir) == Path(instance.root_directory) / "history" / "runs"


def test_runs_stored_through_it_read_the_same_with_dagsters_own_storage(instance: DagsterInstance) -> None:
    for _ in range(2):  # the second run reuses the engines the first one made
        result = materialize([tally], instance=instance)
        assert result.success

    stock = SqliteEventLogStorage(str(Path(instance.root_directory) / "history" / "runs"))
    try:
        ours = [entry.dagster_event_type for entry in instance.all_logs(result.run_id)]
        theirs = [r.event_log_entry.dagster_event_type for r in stock.get_records_for_run(result.run_id).records]
        assert theirs == ours
        assert DagsterEventType.ASSET_MATERIALIZATION in theirs
        # the cross-run index: latest materialization and the check's history
        latest = stock.get_latest_materialization_events([AssetKey("tally")])[AssetKey("tally")]
        assert latest is not None and latest.run_id == result.run_id
        history = stock.get_asset_check_execution_history(AssetCheckKey(AssetKey("tally"), "counted"), limit=5)
        assert len(history) == 2 and history[0].run_id == result.run_id
    finally:
        stock.dispose()


def test_a_live_run_is_seen_by_a_watcher_in_another_storage(instance: DagsterInstance) -> None:
    """The webserver follows a run by watching its shard file: every write must reach that file."""
    watcher = SqliteEventLogStorage(str(Path(instance.root_directory) / "history" / "runs"))
    seen: list[DagsterEventType] = []
    ended = threading.Event()

    def on_event(entry, _cursor):
        seen.append(entry.dagster_event_type)
        if entry.dagster_event_type == DagsterEventType.RUN_SUCCESS:
            ended.set()

    run_id = "0f6b3a52-5d1c-4c3e-9d0a-7e2b9c1d4a11"
    watcher.watch(run_id, None, on_event)
    try:
        job = Definitions(assets=[tally], jobs=[define_asset_job("tally_job")]).resolve_job_def("tally_job")
        result = job.execute_in_process(instance=instance, run_id=run_id)
        assert result.success
        assert ended.wait(timeout=30), f"the watcher saw only {seen}"
        assert DagsterEventType.ASSET_MATERIALIZATION in seen
    finally:
        watcher.end_watch(run_id, on_event)
        watcher.dispose()
