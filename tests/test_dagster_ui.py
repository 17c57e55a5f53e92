"""End to end through the real webserver and daemon (`make ui`): a run launched as the UI does, and the sensor.

`make ui` starts without a warning: none from Dagster about the folder it runs in (dagster.yaml), none
of our definitions' deprecations, none from dbt as the code location loads (the log, outside a run's
own events, has no warning line).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from dagster_dev import LOCATION, REPOSITORY, dagster_dev, warning_lines
from pipeline_helpers import PROJECT_ROOT, query

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

NEW_ARTICLE = """# 镇海区经济运行简况

2023年，镇海区实现地区生产总值1234.5亿元，同比增长6.6%。规模以上工业增加值640.2亿元，增长7.1%。
"""


def _wait_for_sensor_run(server, known: set[str], timeout: float = 300) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for run in server.runs("dagster/sensor_name", "new_articles_sensor"):
            if run["runId"] not in known and run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                return run["status"]
        time.sleep(2)
    raise TimeoutError("the sensor requested no run for the new article")


def _wait_until_idle(server, timeout: float = 400) -> None:
    deadline = time.monotonic() + timeout
    while any(r["status"] in ("QUEUED", "NOT_STARTED", "STARTING", "STARTED") for r in server.runs()):
        assert time.monotonic() < deadline, "runs still going"
        time.sleep(2)


def test_ui_run_schedule_and_sensor(tmp_path: Path):
    home, articles, warehouse = tmp_path / "home", tmp_path / "articles", tmp_path / "data" / "warehouse.duckdb"
    home.mkdir()
    articles.mkdir()
    shutil.copy(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    for path in (PROJECT_ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, articles / path.name)
    env = {
        "BEILUN_ARTICLES_DIR": str(articles),
        "BEILUN_WAREHOUSE": str(warehouse),
        "BEILUN_SENSOR_INTERVAL_SECONDS": "5",
    }
    with dagster_dev(home, env) as server:
        repo = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY}
        listing = server.graphql(
            """
            query($repo: RepositorySelector!) {
              repositoryOrError(repositorySelector: $repo) {
                ... on Repository {
                  schedules { name cronSchedule executionTimezone scheduleState { status } }
                  sensors { name minIntervalSeconds sensorState { status } }
                  assetNodes { assetKey { path } assetChecksOrError { ... on AssetChecks { checks { name } } } }
                }
              }
            }
            """,
            {"repo": repo},
        )["repositoryOrError"]
        schedule = {s["name"]: s for s in listing["schedules"]}["nightly_refresh"]
        assert (schedule["cronSchedule"], schedule["executionTimezone"]) == ("0 2 * * *", "Asia/Shanghai")
        assert schedule["scheduleState"]["status"] == "RUNNING"
        sensor = {s["name"]: s for s in listing["sensors"]}["new_articles_sensor"]
        assert sensor["sensorState"]["status"] == "RUNNING" and sensor["minIntervalSeconds"] == 5
        keys = {"/".join(node["assetKey"]["path"]) for node in listing["assetNodes"]}
        assert {"articles", "figures", "marts/fct_indicator_value", "published_warehouse"} <= keys
        checks = sum(len(n["assetChecksOrError"].get("checks", [])) for n in listing["assetNodes"])
        assert checks > 10
        # the code location is loaded: whatever start-up had to say is in the log
        startup = server.log.read_text()
        assert "Serving dagster-webserver" in startup and not warning_lines(startup), startup[-3000:]

        run_id = server.launch("refresh_warehouse")
        assert server.wait_for_run(run_id) == "SUCCESS", server.log.read_text()[-4000:]
        _wait_until_idle(server)
        gdp = query(warehouse, "SELECT count(*) FROM marts.fct_indicator_value WHERE indicator_code = 'gdp'")
        assert gdp[0][0] >= 4

        known = {r["runId"] for r in server.runs()}
        (articles / "zhenhai_2023.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        assert _wait_for_sensor_run(server, known) == "SUCCESS", server.log.read_text()[-4000:]
        zhenhai = query(
            warehouse, "SELECT value FROM marts.fct_indicator_value WHERE article_id = 'zhenhai_2023' ORDER BY value"
        )
        assert (123_450_000_000.0,) in zhenhai
        log = server.log.read_text()  # while it runs: stopping it makes the proxy warn of its exited code server
    assert "DEBUG" not in log and not warning_lines(log), warning_lines(log) or log[-3000:]
