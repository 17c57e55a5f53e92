"""The build copy's write-ahead log: kept between a run's connections, merged once at publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from beilun_etl.defs.transform.project import pipeline_environment
from beilun_etl.pipeline.warehouse_files import connect, connect_build_copy, publish, start_build
from tests.staging_helpers import DBT_DIR, run_dbt


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _rows(path: Path) -> list[tuple]:
    with connect(path, read_only=True) as con:
        return con.execute("SELECT note FROM main.notes ORDER BY note").fetchall()


def test_build_copy_keeps_its_writes_in_the_wal_until_publish(tmp_path: Path) -> None:
    published, build = tmp_path / "warehouse.duckdb", tmp_path / ".build" / "warehouse.duckdb"
    start_build(published, build)
    with connect_build_copy(build) as con:
        con.execute("CREATE TABLE main.notes AS SELECT 'first' AS note")
    assert _wal(build).stat().st_size > 0  # not checkpointed when the connection closed
    with connect_build_copy(build) as con:  # the next connection replays it
        con.execute("INSERT INTO main.notes VALUES ('second')")
    assert _rows(build) == [("first",), ("second",)]

    publish(build, published)
    assert not _wal(published).exists() and not _wal(build).exists() and not build.exists()
    assert _rows(published) == [("first",), ("second",)]


def test_a_failed_runs_wal_does_not_reach_the_next_build(tmp_path: Path) -> None:
    published, build = tmp_path / "warehouse.duckdb", tmp_path / ".build" / "warehouse.duckdb"
    start_build(published, build)
    with connect_build_copy(build) as con:
        con.execute("CREATE TABLE main.notes AS SELECT 'published' AS note")
    publish(build, published)
    start_build(published, build)
    with connect_build_copy(build) as con:
        con.execute("INSERT INTO main.notes VALUES ('from a run that failed')")
    assert _wal(build).exists()

    start_build(published, build)  # the next run
    assert _rows(build) == [("published",)]
    assert _rows(published) == [("published",)]


@pytest.mark.slow  # runs dbt twice: left out of `make test-fast`
def test_dbt_leaves_its_writes_in_the_wal_in_a_pipeline_run_only(tmp_path: Path) -> None:
    by_hand, piped = tmp_path / "by_hand.duckdb", tmp_path / ".build" / "warehouse.duckdb"
    run_dbt(by_hand, "seed", "--select", "zones")
    assert not _wal(by_hand).exists()  # a copy of the file alone holds everything

    start_build(tmp_path / "warehouse.duckdb", piped)
    with pipeline_environment(piped):
        run_dbt(piped, "seed", "--select", "zones")
    assert _wal(piped).stat().st_size > 0  # checkpointed once, by publish
    publish(piped, tmp_path / "warehouse.duckdb")
    with connect(tmp_path / "warehouse.duckdb", read_only=True) as con:
        (zones,) = con.execute("SELECT count(*) FROM reference.zones").fetchone()
    assert zones == len((DBT_DIR / "seeds" / "zones.csv").read_text(encoding="utf-8").splitlines()) - 1
