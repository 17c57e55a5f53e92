"""Suites of scope `article` validate only the articles changed since the last publication."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from pipeline_helpers import refresh

from beilun_etl.pipeline import freshness
from beilun_etl.quality import run_quality_checks
from beilun_etl.quality.suites import SuiteError, load_suite

SEED_2024 = "000_0ffcbe62cd3a376b"
SEED_2023 = "003_e40ad7c70a5ae01c"


def _flagged(report, check: str) -> set[str]:
    return {figure for f in report.findings if f["check_name"] == check for figure in f["figure_ids"]}


@pytest.mark.slow  # a full refresh: left out of `make test-fast`
def test_a_suite_of_article_scope_reads_only_the_changed_articles(
    articles_dir: Path, warehouse_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    refresh(articles_dir, warehouse_path)
    build = tmp_path / "build.duckdb"
    shutil.copyfile(warehouse_path, build)
    bad: dict[str, str] = {}
    with duckdb.connect(str(build)) as con:
        # In this build the 2023 article has a new version; both articles get a share in times (the unit
        # does not fit the measure).
        con.execute(
            "UPDATE raw.article_versions SET content_hash = 'edited' WHERE article_id = ? AND status = 'current'",
            [SEED_2023],
        )
        for article in (SEED_2023, SEED_2024):
            [(figure,)] = con.execute(
                "SELECT min(figure_id) FROM marts.fct_indicator_value WHERE article_id = ? AND NOT is_derived",
                [article],
            ).fetchall()
            con.execute(
                "UPDATE marts.fct_indicator_value SET measure = 'share_pct', unit = 'times' WHERE figure_id = ?",
                [figure],
            )
            bad[article] = figure
        [(rows_2023,)] = con.execute(
            "SELECT count(*) FROM marts.fct_indicator_value WHERE article_id = ? AND NOT is_derived", [SEED_2023]
        ).fetchall()

    scoped = run_quality_checks(build, published=warehouse_path, write=False)
    keys = scoped.outcome("structure_measure_units")
    assert keys.changed_articles == 1 and keys.row_count == rows_2023 > 10
    assert not keys.success
    assert _flagged(scoped, "structure_measure_units.unit_fits_measure") == {bad[SEED_2023]}
    bounds = scoped.outcome("growth_bounds")  # scope `table`: every row
    assert bounds.changed_articles is None and bounds.row_count > rows_2023

    # Without the published warehouse, or once the code differs from what built it: every row.

    assert _flagged(run_quality_checks(build, write=False), "structure_measure_units.unit_fits_measure") == set(
        bad.values()
    )
    monkeypatch.setattr(freshness, "code_fingerprint", lambda: "other code")
    other_code = run_quality_checks(build, published=warehouse_path, write=False)
    assert other_code.outcome("structure_measure_units").changed_articles is None
    assert _flagged(other_code, "structure_measure_units.unit_fits_measure") == set(bad.values())


def test_only_error_suites_may_have_article_scope(tmp_path: Path):
    suite = {
        "name": "warn_scoped",
        "meta": {"severity": "warn", "scope": "article", "model": "marts.fct_indicator_value"},
        "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "value"}}],
    }
    path = tmp_path / "warn_scoped.json"
    path.write_text(json.dumps(suite), encoding="utf-8")
    with pytest.raises(SuiteError, match="scope 'article' is for error suites"):
        load_suite(path)
