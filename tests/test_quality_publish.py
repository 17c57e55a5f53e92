"""Write-audit-publish through the CLI a user runs: `beilun-etl refresh --articles DIR --warehouse PATH --json`.

- A blocking (error-severity) check that fails leaves the published warehouse byte-for-byte as it
  was and makes the command exit non-zero, saying which suite failed.
- A warning (two articles disagree) still publishes, and the finding is in marts.quality_findings
  of the published warehouse, with both figures, their articles and sentences.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from pipeline_helpers import cli_refresh, query

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# An analyst's suite that is too strict for the data: every unit must be CNY. Severity error: it blocks.
BLOCKING_PROBE = {
    "name": "zz_probe_units_cny_only",
    "meta": {"severity": "error", "model": "marts.fct_indicator_value", "title": "probe: CNY only"},
    "expectations": [
        {
            "type": "expect_column_values_to_be_in_set",
            "kwargs": {"column": "unit", "value_set": ["CNY"]},
            "meta": {"check": "only_cny"},
        }
    ],
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_blocking_failure_leaves_published_warehouse_unchanged_and_exits_non_zero(
    articles_dir, warehouse_path, tmp_path
):
    status, summary = cli_refresh(articles_dir, warehouse_path)
    assert status == 0 and summary["published"], summary
    before = _digest(warehouse_path)

    suites = tmp_path / "expectations"
    shutil.copytree(PROJECT_ROOT / "expectations", suites)
    (suites / "zz_probe_units_cny_only.json").write_text(json.dumps(BLOCKING_PROBE), encoding="utf-8")
    (articles_dir / "qa_gdp_2022.txt").write_text(
        "# 北仑区2022年经济运行情况\n\n2022年，北仑区实现地区生产总值2700亿元，同比增长3.5%。\n", encoding="utf-8"
    )
    status, summary = cli_refresh(articles_dir, warehouse_path, {"BEILUN_EXPECTATIONS_DIR": str(suites)})

    assert status != 0
    assert summary["published"] is False
    assert summary["checks"]["failed"] >= 1
    assert any("zz_probe_units_cny_only" in failure for failure in summary["failures"]), summary["failures"]
    assert _digest(warehouse_path) == before


def test_warning_still_publishes_and_lands_in_quality_findings(articles_dir, warehouse_path):
    # a second article that puts Beilun's 2022 GDP at 2700 亿元 where the seed says 2630 亿元
    (articles_dir / "qa_gdp_2022.txt").write_text(
        "# 北仑区2022年经济运行情况\n\n2022年，北仑区实现地区生产总值2700亿元，同比增长3.5%。\n", encoding="utf-8"
    )
    (articles_dir / "qa_gdp_2022.meta.json").write_text(json.dumps({"published": "2023-03-01"}), encoding="utf-8")

    status, summary = cli_refresh(articles_dir, warehouse_path)

    assert status == 0 and summary["published"] is True, summary
    assert summary["checks"]["warned"] >= 1 and summary["checks"]["failed"] == 0
    rows = query(
        warehouse_path,
        "SELECT severity, article_ids, sentences, expected, observed FROM marts.quality_findings "
        "WHERE check_name = 'growth_cross_article_agreement.articles_agree'",
    )
    assert len(rows) == 1, rows
    severity, article_ids, sentences, expected, observed = rows[0]
    assert severity == "warn"
    assert sorted(article_ids) == ["003_e40ad7c70a5ae01c", "qa_gdp_2022"]
    assert any("2630亿元" in s for s in sentences) and any("2700亿元" in s for s in sentences)
    # expected is the value believed (fct_indicator_latest): a stated publication date outranks an inferred one
    assert "2700亿元 (qa_gdp_2022)" in expected and "2630亿元" in observed
    # the findings join the facts BI users read
    [(joined,)] = query(
        warehouse_path,
        "SELECT count(*) FROM marts.fct_indicator_value AS f JOIN marts.quality_findings AS q "
        "ON list_contains(q.figure_ids, f.figure_id) WHERE q.suite = 'growth_cross_article_agreement'",
    )
    assert joined == 2
