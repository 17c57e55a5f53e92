"""The new-article sensor and the nightly schedule, evaluated directly (no daemon needed)."""

from __future__ import annotations

import json
import shutil

import pytest
from dagster import RunRequest, SkipReason, build_schedule_context, build_sensor_context
from pipeline_helpers import refresh

from beilun_etl.defs.automation.schedules import nightly_refresh
from beilun_etl.defs.automation.sensors import new_articles_sensor


def _tick(cursor: str | None):
    context = build_sensor_context(cursor=cursor)
    result = new_articles_sensor(context)
    return result, context.cursor


def test_sensor_requests_runs_for_exactly_the_changed_files(articles_dir, warehouse_path, monkeypatch):
    monkeypatch.setenv("BEILUN_ARTICLES_DIR", str(articles_dir))
    monkeypatch.setenv("BEILUN_WAREHOUSE", str(warehouse_path))  # none published yet
    first, cursor = _tick(None)
    assert isinstance(first, RunRequest)
    assert first.run_config["ops"]["articles"]["config"]["only"] == sorted(p.name for p in articles_dir.glob("*.txt"))

    idle, cursor_after_idle = _tick(cursor)
    assert isinstance(idle, SkipReason) and cursor_after_idle == cursor

    new = articles_dir / "new.txt"
    new.write_text("2023年，北仑区新增高新技术企业120家。", encoding="utf-8")
    added, cursor = _tick(cursor)
    assert added.run_config["ops"]["articles"]["config"]["only"] == ["new.txt"]

    new.write_text("2023年，北仑区新增高新技术企业121家。", encoding="utf-8")
    edited, cursor = _tick(cursor)
    assert edited.run_config["ops"]["articles"]["config"]["only"] == ["new.txt"]
    assert edited.run_key != added.run_key, "each file version has its own run key"

    new.unlink()
    deleted, cursor = _tick(cursor)
    assert deleted.run_config["ops"]["articles"]["config"]["only"] == ["new.txt"]
    assert "new.txt" not in json.loads(cursor)


def test_sensor_cursor_records_content_hashes_not_the_clock(articles_dir, warehouse_path, monkeypatch):
    monkeypatch.setenv("BEILUN_ARTICLES_DIR", str(articles_dir))
    monkeypatch.setenv("BEILUN_WAREHOUSE", str(warehouse_path))
    _, cursor = _tick(None)
    seen = json.loads(cursor)
    assert set(seen) == {p.name for p in articles_dir.glob("*.txt")}
    assert all(len(entry[2]) == 64 for entry in seen.values())
    # Touching a file without changing it requests nothing.
    path = next(articles_dir.glob("*.txt"))
    path.write_bytes(path.read_bytes())
    result, _ = _tick(cursor)
    assert isinstance(result, SkipReason)


def test_nightly_schedule_runs_at_two_in_ningbo():
    assert nightly_refresh.cron_schedule == "0 2 * * *"
    assert nightly_refresh.execution_timezone == "Asia/Shanghai"
    assert nightly_refresh.default_status.value == "RUNNING"


@pytest.mark.slow
def test_sensor_and_schedule_start_no_run_when_the_warehouse_is_current(tmp_path, articles_dir, monkeypatch):
    """After a real refresh, a first sensor tick (no cursor) and the nightly tick skip, with the reason."""
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    monkeypatch.setenv("BEILUN_ARTICLES_DIR", str(articles_dir))
    monkeypatch.setenv("BEILUN_WAREHOUSE", str(warehouse))
    assert isinstance(nightly_refresh(build_schedule_context()), RunRequest), "no warehouse yet: a run"
    assert refresh(articles_dir, warehouse).published

    skipped, cursor = _tick(None)
    assert isinstance(skipped, SkipReason) and "nothing new" in skipped.skip_message
    assert str(len(list(articles_dir.glob("*.txt")))) in skipped.skip_message
    nightly = nightly_refresh(build_schedule_context())
    assert isinstance(nightly, SkipReason) and "nothing new" in nightly.skip_message

    shutil.copy(next(articles_dir.glob("*.txt")), articles_dir / "copy_of_an_article.txt")
    added, _ = _tick(cursor)
    assert isinstance(added, RunRequest) and added.run_config["ops"]["articles"]["config"]["only"] == [
        "copy_of_an_article.txt"
    ]
    assert isinstance(nightly_refresh(build_schedule_context()), RunRequest)
