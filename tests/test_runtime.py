"""The runtime tuning (beilun_etl/runtime) is one switch: off, every framework behaves as shipped."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest


def test_the_switch_off_gives_the_stock_dbt_resource(monkeypatch):
    from dagster_dbt import DbtCliResource

    from beilun_etl.defs.transform.project import dbt_cli_resource
    from beilun_etl.runtime.lean_dbt import LeanDbtCliResource

    assert type(dbt_cli_resource()) is LeanDbtCliResource
    monkeypatch.setenv("BEILUN_RUNTIME_TUNING", "0")
    assert type(dbt_cli_resource()) is DbtCliResource


def test_the_switch_off_keeps_the_default_garbage_collection(monkeypatch):
    from beilun_etl.runtime.gc_settings import THRESHOLDS, collect_less_often

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        monkeypatch.setenv("BEILUN_RUNTIME_TUNING", "0")
        collect_less_often()
        assert gc.get_threshold() == (700, 10, 10)
        monkeypatch.setenv("BEILUN_RUNTIME_TUNING", "1")
        collect_less_often()
        assert gc.get_threshold() == THRESHOLDS
    finally:
        gc.set_threshold(*saved)


def test_the_switch_off_exits_the_ordinary_way(monkeypatch):
    from beilun_etl.runtime.gc_settings import end_process

    monkeypatch.setenv("BEILUN_RUNTIME_TUNING", "0")
    with pytest.raises(SystemExit) as exit_:
        end_process(3)
    assert exit_.value.code == 3


@pytest.mark.parametrize("tuning", ["0", "1"])
def test_the_event_log_records_a_run_either_way(tmp_path, tuning):
    """A real Dagster run on an instance configured with the pooled storage, tuned and not."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(
        "event_log_storage:\n  module: beilun_etl.runtime.event_log_storage\n  class: PooledSqliteEventLogStorage\n"
    )
    script = (
        "import dagster as dg\n"
        "@dg.asset\n"
        "def a(): return 1\n"
        "with dg.DagsterInstance.get() as i:\n"
        "    r = dg.materialize([a], instance=i)\n"
        "    print(len(i.all_logs(r.run_id)) > 5, type(i.event_log_storage).__name__)\n"
    )
    env = {"DAGSTER_HOME": str(home), "BEILUN_RUNTIME_TUNING": tuning, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "PooledSqliteEventLogStorage"]
