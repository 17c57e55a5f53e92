"""Helpers for the reliability tests: runs of the refresh job on a selection, the runs' logs and tags."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dagster import AssetKey, DagsterInstance, ExecuteInProcessResult

from beilun_etl.defs.automation.jobs import REFRESH_JOB_NAME


def run_selection(articles_dir: Path, warehouse_path: Path, keys: list[str]) -> ExecuteInProcessResult:
    """The refresh job on a selection of its assets, as the UI's "Materialize" on those assets runs it."""
    from beilun_etl.definitions import defs

    # A subset job keeps the resources bound to its assets: the paths go in as the run's resource config.
    config = {"path": str(warehouse_path), "articles_dir": str(articles_dir)}
    return defs.resolve_job_def(REFRESH_JOB_NAME).execute_in_process(
        instance=DagsterInstance.get(),
        raise_on_error=False,
        run_config={"resources": {"warehouse": {"config": config}}},
        asset_selection=[AssetKey(key) for key in keys],
    )


def run_messages(run_id: str) -> str:
    """Every log message of a run, one a line."""
    return "\n".join(entry.message or "" for entry in DagsterInstance.get().all_logs(run_id))


def run_tags(run_id: str) -> dict[str, str]:
    return dict(DagsterInstance.get().get_run_by_id(run_id).tags)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_copy(warehouse_path: Path) -> Path:
    return warehouse_path.parent / ".build" / warehouse_path.name
