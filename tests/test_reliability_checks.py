"""One bad article no longer blocks every publication: a blocking failure that belongs to new
articles quarantines them (`failed_check`) and the rest is published in the same run; a failure
that belongs to no new article blocks as before, and its message names the articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pipeline_helpers import cli_refresh, query, refresh
from reliability_helpers import build_copy, digest, run_messages, run_tags

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("000_0ffcbe62cd3a376b", "003_e40ad7c70a5ae01c")
# A share of 150.2 %: totals_value_domains (severity error) allows shares within [0, 100].
BAD_SHARE = "# 北仑区2023年高新技术产业发展情况\n\n2023年，北仑区高新技术产业增加值占规上工业增加值比重达到150.2%。\n"


def test_an_article_failing_a_blocking_check_is_quarantined_and_the_rest_published(articles_dir, warehouse_path):
    (articles_dir / "bad_share.txt").write_text(BAD_SHARE, encoding="utf-8")
    (articles_dir / "bad_share.meta.json").write_text(json.dumps({"published": "2024-01-15"}), encoding="utf-8")

    summary = refresh(articles_dir, warehouse_path)

    assert summary.published and summary.checks["failed"] == 0, summary.as_text()
    [(reason, detail, run_id)] = query(
        warehouse_path,
        "SELECT reason, detail, run_id FROM marts.quarantined_articles WHERE source_file = 'bad_share.txt'",
    )
    assert reason == "failed_check" and run_id == summary.run_id
    assert "totals_value_domains.share_within_0_100" in detail and "bad_share#0" in detail and "150.2" in detail
    articles = {a for (a,) in query(warehouse_path, "SELECT DISTINCT article_id FROM marts.fct_indicator_value")}
    assert articles == set(SEEDS), "the seeds are published, the bad article is not"
    assert query(warehouse_path, "SELECT count(*) FROM raw.article_versions WHERE article_id = 'bad_share'") == [(0,)]
    assert query(warehouse_path, "SELECT run_id, passed FROM raw.build_verdict") == [(summary.run_id, True)]
    messages = run_messages(summary.run_id)
    assert "quarantined bad_share.txt: failed_check" in messages and "rebuilding the dbt models" in messages

    # The next run quarantines the same file again from the record, with no second dbt build.
    again = refresh(articles_dir, warehouse_path)
    assert again.published and again.up_to_date, again.as_text()
    assert query(warehouse_path, "SELECT reason FROM marts.quarantined_articles") == [("failed_check",)]


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


def test_a_failure_of_published_articles_blocks_names_them_and_discards_the_build(
    articles_dir, warehouse_path, tmp_path
):
    status, first = cli_refresh(articles_dir, warehouse_path)
    assert status == 0 and first["published"], first
    before = digest(warehouse_path)
    suites = tmp_path / "expectations"
    shutil.copytree(PROJECT_ROOT / "expectations", suites)
    (suites / "zz_probe_units_cny_only.json").write_text(json.dumps(BLOCKING_PROBE), encoding="utf-8")
    (articles_dir / "qa_gdp_2022.txt").write_text(
        "# 北仑区2022年经济运行情况\n\n2022年，北仑区实现地区生产总值2700亿元，同比增长3.5%。\n", encoding="utf-8"
    )

    status, blocked = cli_refresh(articles_dir, warehouse_path, {"BEILUN_EXPECTATIONS_DIR": str(suites)})

    assert status != 0 and blocked["published"] is False
    [failure] = [f for f in blocked["failures"] if f.startswith("great_expectations_suites")]
    assert "zz_probe_units_cny_only (only_cny" in failure and "articles: " in failure, failure
    assert all(seed in failure for seed in SEEDS), "the message names the articles whose figures failed"
    assert digest(warehouse_path) == before
    assert not build_copy(warehouse_path).exists(), "the rejected build is gone: nothing can publish it later"
    assert run_tags(blocked["run_id"])["beilun/published"] == "false"
    assert "not attributable to articles" in run_messages(blocked["run_id"])
