"""A process that opens the published warehouse for writing (a BI tool without read-only, a
`duckdb` shell) never makes a refresh break readers or drop its writes silently.

Before, a refresh renamed its build over the file and reported success while the foreign
`warehouse.duckdb.wal` stayed beside it: every new reader then failed replaying it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from pipeline_helpers import cli_refresh, query, refresh
from reliability_helpers import run_messages

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

NEW_ARTICLE = "# 北仑区2022年经济运行情况\n\n2022年，北仑区实现地区生产总值2700亿元，同比增长3.5%。\n"
# A writer as a BI tool or a duckdb shell is one: it opens the file read-write and writes a table.
WRITER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE main.bi_notes AS SELECT 'written by hand' AS note")
print("written", flush=True)
sys.stdin.readline()  # hold the file open until told to close it
con.close()
print("closed", flush=True)
"""


def _writer(warehouse: Path) -> subprocess.Popen:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(warehouse)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout.readline().strip() == "written"
    return writer


def _wal(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".wal")


def test_a_stale_wal_of_a_killed_writer_is_moved_aside_and_readers_still_open(articles_dir, warehouse_path):
    assert refresh(articles_dir, warehouse_path).published
    writer = _writer(warehouse_path)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert _wal(warehouse_path).stat().st_size > 0, "the killed writer left its log"
    (articles_dir / "qa_gdp_2022.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    summary = refresh(articles_dir, warehouse_path)

    assert summary.published, summary.as_text()
    assert not _wal(warehouse_path).exists()
    [aside] = warehouse_path.parent.glob("warehouse.duckdb.wal.stale-*")
    assert aside.stat().st_size > 0, "the foreign writes are kept in the moved log, not deleted"
    assert "moved aside a write-ahead log" in run_messages(summary.run_id)
    # A new reader opens the published warehouse and sees the new article.
    count = query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value WHERE article_id = 'qa_gdp_2022'")
    assert count[0][0] >= 1
    again = refresh(articles_dir, warehouse_path)
    assert again.published and again.up_to_date


def test_a_live_writer_fails_the_run_and_keeps_its_writes(articles_dir, warehouse_path):
    assert refresh(articles_dir, warehouse_path).published
    writer = _writer(warehouse_path)
    try:
        (articles_dir / "qa_gdp_2022.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        status, summary = cli_refresh(articles_dir, warehouse_path)
        assert status != 0 and summary["published"] is False, summary
        assert any(f"open for writing by process {writer.pid}" in f for f in summary["failures"]), summary["failures"]
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "closed"
    finally:
        writer.kill()
        writer.wait()
    # The writer's table is in the file it wrote; nothing of this run was published over it.
    assert query(warehouse_path, "SELECT note FROM main.bi_notes") == [("written by hand",)]
    assert query(warehouse_path, "SELECT count(*) FROM raw.publications") == [(1,)]
    # Once it has closed, the next run publishes (and carries the writer's table along).
    status, summary = cli_refresh(articles_dir, warehouse_path)
    assert status == 0 and summary["published"], summary
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        assert con.execute("SELECT note FROM main.bi_notes").fetchall() == [("written by hand",)]
        assert con.execute("SELECT count(*) FROM raw.publications").fetchone()[0] == 2
