"""Ingesting a large folder decodes and dates its articles across processes: same result as one process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from beilun_etl.pipeline.ingest import ingest
from beilun_etl.pipeline.parallel import PARALLEL_THRESHOLD, process_mapper
from beilun_etl.pipeline.raw_schema import create_raw_schema
from beilun_etl.pipeline.warehouse_files import connect

NOW = dt.datetime(2026, 11, 22, 2, 0)


def _write_folder(folder: Path, count: int) -> None:
    """`count` distinct dated articles, one undated, one empty and one in GB18030."""
    folder.mkdir()
    for i in range(count):
        text = f"北仑区{2000 + i % 25}年规模以上工业增加值{100 + i}亿元，增长{i % 9}.{i % 7}%。\n"
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "undated.txt").write_text("北仑区工业增加值增长较快，港口吞吐量持续提升。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gbk.txt").write_bytes("2023年北仑区外贸进出口总额2800亿元。\n".encode("gb18030"))


def _ingest(folder: Path, db: Path, processes: int):
    with connect(db) as con:
        create_raw_schema(con)
        result = ingest(con, folder, "run", NOW, processes=processes)
        rows = con.execute(
            "SELECT article_id, content_hash, published, published_inferred, encoding, cleaned_text "
            "FROM raw.article_versions ORDER BY article_id"
        ).fetchall()
        quarantined = con.execute(
            "SELECT source_file, reason, detail FROM raw.quarantined_articles ORDER BY source_file"
        ).fetchall()
    return result, rows, quarantined


def test_ingest_across_processes_matches_one_process(tmp_path):
    folder = tmp_path / "articles"
    _write_folder(folder, PARALLEL_THRESHOLD + 6)  # above the threshold: the pool is used

    pooled, pooled_rows, pooled_quarantine = _ingest(folder, tmp_path / "pooled.duckdb", processes=2)
    serial, serial_rows, serial_quarantine = _ingest(folder, tmp_path / "serial.duckdb", processes=1)

    assert len(pooled.new) == PARALLEL_THRESHOLD + 6 + 1  # the GB18030 one is decoded too
    assert pooled.summary() == serial.summary()
    assert pooled_rows == serial_rows
    # Rejections raised in a worker process come back whole: reason and detail, not a pickling error.
    assert pooled_quarantine == serial_quarantine
    assert {(f, r) for f, r, _ in pooled_quarantine} == {("empty.txt", "empty"), ("undated.txt", "undated")}
    gbk = next(r for r in pooled_rows if r[0] == "gbk")
    assert gbk[4] == "gb18030" and gbk[2] == dt.date(2023, 12, 31) and gbk[3] is True


def test_process_mapper_keeps_order_in_and_out_of_a_pool():
    items = list(range(PARALLEL_THRESHOLD * 2))
    with process_mapper(abs, len(items), processes=2) as pooled:
        assert list(pooled([-i for i in items])) == items
    with process_mapper(abs, 3, processes=2) as serial:  # small: no pool
        assert list(serial([-1, -2, -3])) == [1, 2, 3]
