"""Unattended operation: incremental and idempotent refreshes, bad input quarantined, readers never blocked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pipeline_helpers import CLI, cli_refresh, query, refresh

from beilun_etl.pipeline import freshness

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

SEED_2024 = "000_0ffcbe62cd3a376b"
SEED_2023 = "003_e40ad7c70a5ae01c"
FACTS = "SELECT * EXCLUDE (published) FROM marts.fct_indicator_value ORDER BY figure_id"


def _marts_snapshot(warehouse: Path) -> dict[str, list]:
    tables = [t for (t,) in query(warehouse, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts'")]
    return {t: sorted(map(repr, query(warehouse, f'SELECT * FROM marts."{t}"'))) for t in tables}


def test_a_run_with_nothing_new_changes_no_row(articles_dir, warehouse_path):
    first = refresh(articles_dir, warehouse_path)
    before = _marts_snapshot(warehouse_path)
    raw_before = query(warehouse_path, "SELECT * FROM raw.article_versions ORDER BY ALL")
    second = refresh(articles_dir, warehouse_path)
    assert first.published and second.published
    assert second.articles["articles_unchanged"] == 2
    assert second.articles["articles_new"] == second.articles["articles_changed"] == 0
    assert second.up_to_date and not first.up_to_date
    assert second.figures == first.figures > 100
    assert _marts_snapshot(warehouse_path) == before
    assert query(warehouse_path, "SELECT * FROM raw.article_versions ORDER BY ALL") == raw_before
    assert len(before["fct_indicator_value"]) > 100


def test_the_cli_reports_a_current_warehouse_without_starting_a_run(
    articles_dir: Path, warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
):
    status, first = cli_refresh(articles_dir, warehouse_path)
    assert status == 0 and first["published"] and first["run_id"], first
    published = warehouse_path.read_bytes()

    status, second = cli_refresh(articles_dir, warehouse_path)
    assert status == 0 and second["published"] and second["up_to_date"], second
    assert second["run_id"] == "", "no Dagster run was started"
    assert second["articles_unchanged"] == 2 and second["figures"] == first["figures"] > 100
    assert warehouse_path.read_bytes() == published

    def check(max_bytes: int = 5 * 2**20):
        return freshness.published_matches_folder(articles_dir, warehouse_path, max_bytes)

    assert check() == (2, first["figures"])
    assert check(max_bytes=100) is None, "a file now over the limit is quarantined by a run"
    (articles_dir / "empty.txt").write_bytes(b"")
    assert check() is None, "a quarantined file is re-read by a run"
    (articles_dir / "empty.txt").unlink()
    with monkeypatch.context() as patched:
        patched.setattr(freshness, "code_fingerprint", lambda: "other code")
        assert check() is None, "other code rebuilds"
    seed = articles_dir / f"{SEED_2024}.txt"
    text = seed.read_bytes()
    seed.unlink()
    assert check() is None, "a deleted article leaves the marts in a run"
    seed.write_bytes(text.replace("1365.56亿元".encode(), "1401.23亿元".encode()))
    assert check() is None

    status, third = cli_refresh(articles_dir, warehouse_path)
    assert status == 0 and third["run_id"] and not third["up_to_date"], third
    assert third["articles_changed"] == 1


def test_an_edited_article_replaces_its_figures(articles_dir, warehouse_path):
    refresh(articles_dir, warehouse_path)
    path = articles_dir / f"{SEED_2024}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("1365.56亿元", "1401.23亿元"), encoding="utf-8")
    summary = refresh(articles_dir, warehouse_path, only=[path.name])
    assert summary.published and summary.articles["articles_changed"] == 1
    values = {v for (v,) in query(warehouse_path, "SELECT value FROM marts.fct_indicator_value")}
    assert 140_123_000_000 in values and 136_556_000_000 not in values
    statuses = query(
        warehouse_path,
        "SELECT status, count(*) FROM raw.article_versions WHERE article_id = ? GROUP BY 1 ORDER BY 1",
        [SEED_2024],
    )
    assert statuses == [("current", 1), ("superseded", 1)]


def test_a_deleted_article_leaves_the_marts_but_stays_in_history(articles_dir, warehouse_path):
    refresh(articles_dir, warehouse_path)
    (articles_dir / f"{SEED_2023}.txt").unlink()
    summary = refresh(articles_dir, warehouse_path)
    assert summary.published and summary.articles["articles_deleted"] == 1
    left = query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value WHERE article_id = ?", [SEED_2023])
    assert left == [(0,)]
    assert query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value")[0][0] > 30
    history = query(warehouse_path, "SELECT status FROM raw.article_versions WHERE article_id = ?", [SEED_2023])
    assert history == [("deleted",)]


def test_bad_input_is_quarantined_and_the_run_goes_on(articles_dir, warehouse_path):
    good = (articles_dir / f"{SEED_2024}.txt").read_bytes()
    (articles_dir / "empty.txt").write_bytes(b"")
    (articles_dir / "blank.txt").write_bytes(b" \n\n\t \n")
    (articles_dir / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (articles_dir / "latin.txt").write_bytes(b"\xff\xfe\xfd caf\xe9 \x81\x30 \xff" * 20)
    (articles_dir / "copy_of_seed.txt").write_bytes(good)
    (articles_dir / "huge.txt").write_bytes(good * 4)
    gbk = "2021年，镇海区实现地区生产总值1200.5亿元，同比增长8.1%。".encode("gb18030")
    (articles_dir / "gbk_article.txt").write_bytes(gbk)
    (articles_dir / "undated.txt").write_text("北仑区工业增加值增长较快，港口吞吐量持续提升。\n", encoding="utf-8")
    (articles_dir / "bad_date.txt").write_text("2024年北仑区实现地区生产总值2985.6亿元。\n", encoding="utf-8")
    (articles_dir / "bad_date.meta.json").write_text('{"published": "next week"}', encoding="utf-8")

    summary = refresh(articles_dir, warehouse_path, max_article_bytes=len(good) * 2)

    assert summary.published, summary.as_text()
    reasons = dict(query(warehouse_path, "SELECT source_file, reason FROM marts.quarantined_articles"))
    assert reasons == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "latin.txt": "undecodable",
        "copy_of_seed.txt": "duplicate",
        "huge.txt": "too_large",
        "undated.txt": "undated",
        "bad_date.txt": "bad_metadata",
    }
    assert summary.articles["articles_quarantined"] == 8
    assert summary.articles["articles_new"] == 3
    encodings = dict(query(warehouse_path, "SELECT article_id, encoding FROM raw.article_versions"))
    assert encodings["gbk_article"] == "gb18030"
    assert (
        query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value WHERE article_id = 'gbk_article'")[0][0]
        >= 2
    )
    # Nothing on disk was moved or deleted.
    assert {p.name for p in articles_dir.iterdir()} >= set(reasons)


def test_an_article_whose_file_turns_bad_keeps_its_last_good_version(articles_dir, warehouse_path):
    refresh(articles_dir, warehouse_path)
    before = query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value WHERE article_id = ?", [SEED_2023])
    (articles_dir / f"{SEED_2023}.txt").write_bytes(b"\x00\x01binary now")
    summary = refresh(articles_dir, warehouse_path)
    assert summary.published and summary.articles["articles_quarantined"] == 1
    after = query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value WHERE article_id = ?", [SEED_2023])
    assert after == before and before[0][0] > 30


READER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM marts.fct_indicator_value").fetchone()[0], flush=True)
sys.stdin.readline()  # hold the connection until told to go on
print(con.execute("SELECT count(*) FROM marts.fct_indicator_value").fetchone()[0], flush=True)
"""


def test_a_bi_reader_holding_the_warehouse_neither_blocks_nor_sees_a_half_built_state(articles_dir, warehouse_path):
    moved = articles_dir.parent / f"{SEED_2023}.txt"
    (articles_dir / moved.name).rename(moved)
    refresh(articles_dir, warehouse_path)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(warehouse_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        count_before = int(reader.stdout.readline())
        moved.rename(articles_dir / moved.name)
        started = time.monotonic()
        summary = refresh(articles_dir, warehouse_path)
        assert summary.published, summary.as_text()
        assert time.monotonic() - started < 300
        reader.stdin.write("\n")
        reader.stdin.flush()
        count_reader_after = int(reader.stdout.readline())
    finally:
        reader.kill()
    count_new_connection = query(warehouse_path, "SELECT count(*) FROM marts.fct_indicator_value")[0][0]
    assert count_reader_after == count_before, "the open connection keeps its snapshot"
    assert count_new_connection > count_before, "a new connection sees the new warehouse"


def test_a_second_writer_waits_for_the_first_instead_of_failing(articles_dir, warehouse_path):
    command = [str(CLI), "refresh", "--articles", str(articles_dir), "--warehouse", str(warehouse_path), "--json"]
    first, second = (
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=os.environ)
        for _ in range(2)
    )
    outputs = [process.communicate(timeout=600)[0] for process in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    summaries = [json.loads(out.strip().splitlines()[-1]) for out in outputs]
    assert all(summary["published"] for summary in summaries)
    # One of them built the warehouse; the other, serialized behind it, found nothing new, re-validated
    # that warehouse and published it again (a run with nothing new runs every check it plans).
    assert sorted(summary["articles_new"] for summary in summaries) == [0, 2]
    assert sorted(bool(summary["up_to_date"]) for summary in summaries) == [False, True]
    assert query(warehouse_path, "SELECT count(*) FROM raw.publications")[0][0] == 2
