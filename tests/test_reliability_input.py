"""Hostile input stays out: only regular files inside the drop folder are read, sidecars are
bounded and dated plausibly, UTF-16 and Big5 articles are decoded."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from pipeline_helpers import query, refresh

from beilun_etl.pipeline.ingest import ingest
from beilun_etl.pipeline.raw_schema import create_raw_schema
from beilun_etl.pipeline.warehouse_files import connect

SECRET = "TOKEN-4f1c9e-do-not-store"
GDP = "2023年，北仑区实现地区生产总值2630亿元，同比增长5.1%。"
GDP_TRADITIONAL = "2023年，北侖區實現地區生產總值2630億元，同比增長5.1%。"


def _article(folder: Path, name: str, meta: dict | None = None, text: str = GDP) -> None:
    (folder / f"{name}.txt").write_text(f"# {name}\n\n{text}\n", encoding="utf-8")
    if meta is not None:
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.mark.slow
def test_hostile_files_are_refused_reported_and_never_read(articles_dir: Path, warehouse_path: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "token.txt").write_text(SECRET, encoding="utf-8")
    (outside / "meta.json").write_text(json.dumps({"title": SECRET, "published": "2024-01-02"}), encoding="utf-8")
    (articles_dir / "passwd.txt").symlink_to("/etc/passwd")
    (articles_dir / "token.txt").symlink_to(outside / "token.txt")
    (articles_dir / "loop_a.txt").symlink_to(articles_dir / "loop_b.txt")
    (articles_dir / "loop_b.txt").symlink_to(articles_dir / "loop_a.txt")
    (articles_dir / "a_folder.txt").mkdir()
    _article(articles_dir, "sneaky", text="2024年，北仑区新增市场主体1.2万户。")
    (articles_dir / "sneaky.meta.json").symlink_to(outside / "meta.json")
    _article(articles_dir, "future", {"published": "2099-01-01"}, text="2024年北仑区新增高新技术企业120家。")
    _article(articles_dir, "ancient", {"published": "1900-01-01"}, text="2024年北仑区新增高新技术企业121家。")
    _article(articles_dir, "long_title", {"title": "题" * 1_000}, text="2024年北仑区新增高新技术企业122家。")
    _article(articles_dir, "huge_title", {"title": "题" * 1_000_000}, text="2024年北仑区新增高新技术企业124家。")
    _article(articles_dir, "object_title", {"title": {"zh": "标题"}}, text="2024年北仑区新增高新技术企业123家。")
    (articles_dir / "utf16.txt").write_bytes(f"# 北仑区经济\n\n{GDP}\n".encode("utf-16"))
    (articles_dir / "big5.txt").write_bytes(f"# 北侖區經濟\n\n{GDP_TRADITIONAL}\n".encode("big5"))

    summary = refresh(articles_dir, warehouse_path)

    assert summary.published, summary.as_text()
    found = {
        f: (r, d)
        for f, r, d in query(warehouse_path, "SELECT source_file, reason, detail FROM marts.quarantined_articles")
    }
    reasons = {name: reason for name, (reason, _) in found.items()}
    assert reasons == {
        "passwd.txt": "outside_folder",
        "token.txt": "outside_folder",
        "loop_a.txt": "not_a_file",
        "loop_b.txt": "not_a_file",
        "a_folder.txt": "not_a_file",
        "sneaky.txt": "outside_folder",
        "future.txt": "bad_metadata",
        "ancient.txt": "bad_metadata",
        "long_title.txt": "bad_metadata",
        "huge_title.txt": "too_large",
        "object_title.txt": "bad_metadata",
    }
    assert "2099-01-01" in found["future.txt"][1] and "1900-01-01" in found["ancient.txt"][1]
    assert "1,000 characters" in found["long_title.txt"][1] and "string" in found["object_title.txt"][1]
    assert "huge_title.meta.json" in found["huge_title.txt"][1], "a megabyte sidecar is refused before it is parsed"
    assert "/etc/passwd" in found["passwd.txt"][1] and "symlink loop" in found["loop_a.txt"][1]
    stored = query(
        warehouse_path, "SELECT string_agg(coalesce(title, '') || cleaned_text, '') FROM raw.article_versions"
    )
    assert "root:" not in stored[0][0] and SECRET not in stored[0][0]
    encodings = dict(query(warehouse_path, "SELECT article_id, encoding FROM raw.article_versions"))
    assert encodings["utf16"] == "utf-16" and encodings["big5"] == "cp950"
    gdp = query(
        warehouse_path,
        "SELECT article_id, value FROM marts.fct_indicator_value WHERE article_id IN ('utf16', 'big5') "
        "AND measure = 'level' AND unit = 'CNY' ORDER BY 1",
    )
    assert gdp == [("big5", 263_000_000_000), ("utf16", 263_000_000_000)]
    assert {p.name for p in articles_dir.iterdir()} >= set(reasons), "nothing on disk moved or deleted"


def test_only_paths_outside_the_folder_are_refused(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, "good")
    (tmp_path / "evil.txt").write_text(SECRET, encoding="utf-8")
    with connect(tmp_path / "w.duckdb") as con:
        create_raw_schema(con)
        result = ingest(
            con, folder, "run-1", dt.datetime(2026, 12, 7), only=["good.txt", "../evil.txt", str(tmp_path / "evil.txt")]
        )
        assert [a.article_id for a in result.new] == ["good"]
        rows = con.execute("SELECT source_file, reason FROM raw.quarantined_articles ORDER BY 1").fetchall()
        texts = con.execute("SELECT string_agg(cleaned_text, '') FROM raw.article_versions").fetchone()[0]
    assert rows == sorted([("../evil.txt", "outside_folder"), (str(tmp_path / "evil.txt"), "outside_folder")])
    assert SECRET not in texts
    assert os.path.exists(tmp_path / "evil.txt")
