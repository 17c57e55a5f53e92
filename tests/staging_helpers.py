"""Test helpers that stage figure records straight into a raw DuckDB warehouse.

dbt and quality tests use them to build small, exact fixtures (including ones that must trip a
check) without running the extractor. Production code stages through the Dagster assets.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import duckdb

from beilun_etl.extraction import EXTRACTOR_VERSION
from beilun_etl.pipeline.raw_schema import create_raw_schema
from beilun_etl.pipeline.staging import FIGURE_COLUMNS
from beilun_etl.pipeline.warehouse_files import connect
from tests.data_paths import SEED_GOLD_DIR, SEEDS_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = PROJECT_ROOT / "dbt"
SEED_PUBLISHED = {"000_0ffcbe62cd3a376b": "2024-12-31", "003_e40ad7c70a5ae01c": "2023-12-31"}


def connect_new(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open (creating) a warehouse file the way the pipeline does, with the raw schema."""
    con = connect(db_path)
    create_raw_schema(con)
    return con


def stage(db_path: Path, articles: list[dict], figures: list[dict]) -> None:
    """Insert article versions and figure records (dicts, FACTS.md fields) into raw tables."""
    now = dt.datetime(2026, 1, 1)
    with connect_new(db_path) as con:
        for a in articles:
            text = a.get("cleaned_text", "")
            con.execute(
                "INSERT INTO raw.article_versions (article_id, content_hash, text_hash, source_file, title, source, "
                "url, published, published_inferred, encoding, size_bytes, char_count, cleaned_text, status, "
                "first_seen_at, cleaned_by, source_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    a["article_id"],
                    a.get("content_hash", a["article_id"]),
                    a.get("content_hash", a["article_id"]),
                    a.get("source_file", a["article_id"] + ".txt"),
                    a.get("title"),
                    a.get("source"),
                    a.get("url"),
                    a["published"],
                    a.get("published_inferred", False),
                    "utf-8",
                    len(text.encode()),
                    len(text),
                    text,
                    a.get("status", "current"),
                    now,
                    EXTRACTOR_VERSION,
                    a.get("source_type"),
                ],
            )
        for seq, f in enumerate(figures):
            row = {c: f.get(c) for c in FIGURE_COLUMNS}
            row["content_hash"] = f.get("content_hash", f["article_id"])
            row["figure_seq"] = f.get("figure_seq", seq)
            row["sentence"] = f.get("sentence") or f.get("context") or f["text"]
            row["char_start"] = f.get("char_start", 0)
            row["char_end"] = f.get("char_end", len(f["text"]))
            row["extractor_version"] = f.get("extractor_version", "test")
            con.execute(
                f"INSERT INTO raw.figures ({', '.join(FIGURE_COLUMNS)}) VALUES ({', '.join('?' * len(FIGURE_COLUMNS))})",
                [row[c] for c in FIGURE_COLUMNS],
            )


def gold_records(article_id: str) -> list[dict]:
    path = SEED_GOLD_DIR / f"{article_id}.jsonl"
    return [
        json.loads(line) | {"article_id": article_id} for line in path.read_text(encoding="utf-8").splitlines() if line
    ]


def stage_seed_gold(db_path: Path) -> None:
    """Stage the two seed articles with their hand-made gold records (non-optional ones)."""
    articles, figures = [], []
    for article_id, published in SEED_PUBLISHED.items():
        text = (SEEDS_DIR / f"{article_id}.txt").read_text(encoding="utf-8")
        articles.append(
            {
                "article_id": article_id,
                "published": published,
                "published_inferred": True,
                "cleaned_text": text,
                "title": text.strip().splitlines()[0].strip("# "),
            }
        )
        figures += [g for g in gold_records(article_id) if not g.get("optional")]
    stage(db_path, articles, figures)


def run_dbt(db_path: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the dbt CLI of this venv against `db_path` (the build warehouse)."""
    env = os.environ | {"BEILUN_BUILD_WAREHOUSE": str(db_path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    dbt = PROJECT_ROOT / ".venv" / "bin" / "dbt"
    # A target folder of its own: never rewrite the manifest that code locations load.
    target = DBT_DIR / "target" / "tests"
    cmd = [str(dbt), *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR), "--target-path", str(target)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"dbt {' '.join(args)} failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}")
    return proc


def drop_mart_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Re-create the marts that declare foreign keys without their constraints, as models without a
    contract would be, so a test can tamper with facts and dimensions as a broken model would."""
    pending = [
        table
        for (table,) in con.execute(
            "SELECT DISTINCT table_name FROM duckdb_constraints() "
            "WHERE schema_name = 'marts' AND constraint_type = 'FOREIGN KEY'"
        ).fetchall()
    ]
    for _ in range(len(pending)):  # a table another one still references goes after that one
        for table in list(pending):
            try:
                con.execute(f"CREATE OR REPLACE TABLE marts.{table} AS SELECT * FROM marts.{table}")
                pending.remove(table)
            except duckdb.CatalogException:
                continue
    assert not pending, pending
