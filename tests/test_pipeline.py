"""The whole pipeline on the seed articles: Dagster job in-process, the CLI, the code location."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from pipeline_helpers import PROJECT_ROOT, cli_refresh, query, refresh

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

GDP_H1_2024 = 136_556_000_000  # 1365.56亿元, seed 000


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    """One refresh of the seed articles into a private warehouse, shared by this module's tests."""
    root = tmp_path_factory.mktemp("seeded")
    articles = root / "articles"
    articles.mkdir()
    for path in (PROJECT_ROOT / "seeds").glob("*.txt"):
        (articles / path.name).write_bytes(path.read_bytes())
    warehouse = root / "data" / "warehouse.duckdb"
    return articles, warehouse, refresh(articles, warehouse)


def test_refresh_materializes_every_asset_and_publishes(seeded):
    _, warehouse, summary = seeded
    assert summary.published, summary.as_text()
    assert summary.failures == []
    assert summary.articles["articles_new"] == 2
    assert summary.articles["articles_quarantined"] == 0
    assert summary.checks["failed"] == 0 and summary.checks["passed"] > 10
    assert warehouse.exists()
    assert not (warehouse.parent / ".build" / warehouse.name).exists(), "the build copy is renamed on publish"


def test_staged_articles_are_cleaned_hashed_and_dated(seeded):
    _, warehouse, _ = seeded
    rows = dict(
        (a, (y, inferred, h))
        for a, y, inferred, h in query(
            warehouse,
            "SELECT article_id, year(published), published_inferred, content_hash FROM raw.article_versions "
            "WHERE status = 'current'",
        )
    )
    assert rows["000_0ffcbe62cd3a376b"][:2] == (2024, True)
    assert rows["003_e40ad7c70a5ae01c"][:2] == (2023, True)
    assert all(len(h) == 64 for *_, h in rows.values())
    # A word broken across a page break is joined in the stored text.
    text = query(warehouse, "SELECT cleaned_text FROM raw.article_versions WHERE article_id = '000_0ffcbe62cd3a376b'")
    assert "宁波臻至机械模具有限公司" in text[0][0]


def test_figures_reach_the_fact_table_with_offsets_into_the_stored_text(seeded):
    _, warehouse, summary = seeded
    staged = query(
        warehouse,
        "SELECT count(*) FROM raw.figures f JOIN raw.article_versions v USING (article_id, content_hash) "
        "WHERE v.status = 'current'",
    )[0][0]
    assert staged == summary.figures > 100
    facts = query(warehouse, "SELECT count(*) FROM marts.fct_indicator_value WHERE obs_status <> 'derived'")[0][0]
    # every staged figure is a fact but those the marts leave out, each with its reason (a rank's group size)
    left_out = query(warehouse, "SELECT count(*) FROM intermediate.int_figures_corrected WHERE left_out IS NOT NULL")
    assert facts == staged - left_out[0][0] and facts > 100
    mismatched = query(
        warehouse,
        """
        SELECT f.text, substr(v.cleaned_text, f.char_start + 1, f.char_end - f.char_start)
        FROM raw.figures f JOIN raw.article_versions v USING (article_id, content_hash)
        WHERE substr(v.cleaned_text, f.char_start + 1, f.char_end - f.char_start) <> f.text
        """,
    )
    assert mismatched == []
    gdp = query(
        warehouse,
        "SELECT measure, period_end FROM marts.fct_indicator_value WHERE indicator_code = 'gdp' AND value = ?",
        [GDP_H1_2024],
    )
    assert ("level", dt.date(2024, 6, 30)) in gdp


def test_code_location_loads_from_workspace_yaml():
    proc = subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "dagster"), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assets = subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "dagster"), "asset", "list", "-m", "beilun_etl.definitions"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout.split()
    for key in ("articles", "figures", "marts/fct_indicator_value", "marts/dim_indicator", "published_warehouse"):
        assert key in assets


def test_cli_refresh_json_summary_matches_the_warehouse(articles_dir, warehouse_path):
    status, summary = cli_refresh(articles_dir, warehouse_path)
    assert status == 0, summary
    assert set(summary) >= {
        "articles_new",
        "articles_changed",
        "articles_unchanged",
        "articles_quarantined",
        "figures",
        "checks",
        "published",
        "warehouse",
    }
    assert summary["published"] is True
    assert Path(summary["warehouse"]) == warehouse_path.resolve()
    current = query(warehouse_path, "SELECT count(*) FROM raw.article_versions WHERE status = 'current'")[0][0]
    assert summary["articles_new"] == current == 2
    staged = query(warehouse_path, "SELECT count(*) FROM intermediate.int_figures_corrected")[0][0]
    assert summary["figures"] == staged > 100
    assert summary["checks"]["failed"] == 0
