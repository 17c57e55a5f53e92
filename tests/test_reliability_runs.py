"""A refresh killed with kill -9 never blocks the unattended runs.

Before, the killed run stayed STARTED for ever and, with one run at a time and no run monitoring,
the daemon launched neither the nightly schedule nor the sensor's runs again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from dagster import DagsterInstance, DagsterRunStatus
from pipeline_helpers import CLI, refresh

from beilun_etl.defs.resources import WORKER_TAG

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`


def _started_run_of(pid: int, deadline_seconds: float = 600) -> str:
    """The id of the run process `pid` is executing, once it holds the writer lock's resource."""
    instance = DagsterInstance.get()
    give_up = time.monotonic() + deadline_seconds
    while time.monotonic() < give_up:
        for run in instance.get_runs(limit=5):
            if run.status == DagsterRunStatus.STARTED and f"-{pid}-" in run.tags.get(WORKER_TAG, ""):
                return run.run_id
        time.sleep(0.5)
    raise AssertionError(f"process {pid} never started a run")


def test_a_run_killed_with_kill_9_is_marked_failed_by_the_next_run(articles_dir, warehouse_path):
    command = [str(CLI), "refresh", "--articles", str(articles_dir), "--warehouse", str(warehouse_path)]
    victim = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ, start_new_session=True
    )
    try:
        killed_run = _started_run_of(victim.pid)
    finally:
        os.killpg(victim.pid, signal.SIGKILL)  # the refresh and its dbt, as an OOM killer would
        victim.wait()
    instance = DagsterInstance.get()
    assert instance.get_run_by_id(killed_run).status == DagsterRunStatus.STARTED, "Dagster cannot know by itself"

    summary = refresh(articles_dir, warehouse_path)

    assert summary.published, summary.as_text()
    assert instance.get_run_by_id(killed_run).status == DagsterRunStatus.FAILURE
    messages = [entry.message or "" for entry in instance.all_logs(killed_run)]
    assert any("its process is gone" in m and summary.run_id in m for m in messages), messages[-3:]


def test_run_monitoring_ends_runs_the_daemon_cannot_see_end():
    instance = DagsterInstance.get()  # the tests' instance, configured by the project's dagster.yaml
    assert instance.run_monitoring_enabled
    assert instance.run_monitoring_max_runtime_seconds == 3600
    assert instance.run_monitoring_start_timeout_seconds == 300
