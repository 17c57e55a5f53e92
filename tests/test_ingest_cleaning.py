"""A new cleaning reaches the articles ingested before it, without making new versions of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from beilun_etl.extraction import EXTRACTOR_VERSION, clean_text
from beilun_etl.pipeline.ingest import ingest
from beilun_etl.pipeline.raw_schema import create_raw_schema
from beilun_etl.pipeline.staging import stage_pending
from beilun_etl.pipeline.warehouse_files import connect

NOW = dt.datetime(2026, 12, 2, 2, 0)
ARTICLES = {
    "a.txt": "北仑区2023年规模以上工业增加值1200亿元，增长5.1%。\r\n\r\n\r\n外贸进出口总额2800亿元。\n",
    "b.txt": "2024年北仑区地区生产总值2900亿元，增长6.0%。\n",
}


def _versions(con) -> list[tuple]:
    return con.execute(
        "SELECT article_id, status, cleaned_text, cleaned_by FROM raw.article_versions ORDER BY ALL"
    ).fetchall()


def test_text_an_older_cleaning_made_is_cleaned_again_in_place_and_extracted_again(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with connect(tmp_path / "w.duckdb") as con:
        create_raw_schema(con)
        first = ingest(con, folder, "run-1", NOW)
        stage_pending(con, NOW, processes=1)
        fresh = _versions(con)
        assert [row[2] for row in fresh] == [clean_text(text) for text in ARTICLES.values()]
        assert {row[3] for row in fresh} == {EXTRACTOR_VERSION} and len(first.new) == 2

        # As an older cleaning left them (NULL: a warehouse from before the column existed).
        con.execute("UPDATE raw.article_versions SET cleaned_text = 'stale', cleaned_by = NULL WHERE article_id = 'a'")
        con.execute("UPDATE raw.article_versions SET cleaned_by = '0.9.0' WHERE article_id = 'b'")
        figures_before = con.execute("SELECT count(*) FROM raw.figures").fetchone()[0]

        second = ingest(con, folder, "run-2", NOW)
        assert sorted(a.article_id for a in second.recleaned) == ["a", "b"]
        assert second.summary()["articles_unchanged"] == 2 and not second.new and not second.changed
        assert _versions(con) == fresh  # the same rows, none superseded, the text as a fresh ingest cleans it
        assert stage_pending(con, NOW, processes=1).versions_extracted == 2
        assert con.execute("SELECT count(*) FROM raw.figures").fetchone()[0] == figures_before > 0

        third = ingest(con, folder, "run-3", NOW)
        assert not third.recleaned and stage_pending(con, NOW, processes=1).versions_extracted == 0
