"""Published means published: only a build whose blocking checks passed in the same run replaces the warehouse.

Before, a blocked run left its rejected build copy behind and materializing `published_warehouse`
alone (the UI's "Materialize" button) renamed it over the warehouse, bad figures and all.
"""

from __future__ import annotations

import shutil

import pytest
from pipeline_helpers import query, refresh
from reliability_helpers import build_copy, digest, run_messages, run_selection, run_tags

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

NEW_ARTICLE = "# 北仑区2022年经济运行情况\n\n2022年，北仑区实现地区生产总值2700亿元，同比增长3.5%。\n"


def test_a_run_that_does_not_publish_discards_its_build_and_says_so(articles_dir, warehouse_path):
    first = refresh(articles_dir, warehouse_path)
    assert first.published, first.as_text()
    before = digest(warehouse_path)
    (articles_dir / "qa_gdp_2022.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    subset = run_selection(articles_dir, warehouse_path, ["articles", "figures"])
    assert subset.success
    assert not build_copy(warehouse_path).exists(), "the unpublished build copy is discarded"
    assert run_tags(subset.run_id)["beilun/published"] == "false"
    [materialization] = subset.asset_materializations_for_node("articles")
    assert materialization.metadata["publishes"].value is False
    messages = run_messages(subset.run_id)
    assert "will NOT publish" in messages and "this run did NOT publish" in messages
    assert digest(warehouse_path) == before


def test_the_publish_step_alone_refuses_a_build_it_did_not_check(articles_dir, warehouse_path):
    first = refresh(articles_dir, warehouse_path)
    assert first.published
    before = digest(warehouse_path)
    [(verdict_run, passed)] = query(warehouse_path, "SELECT run_id, passed FROM raw.build_verdict")
    assert verdict_run == first.run_id and passed, "the published warehouse says which run's checks passed it"

    # A build copy that passed its checks, but in another run (as a crashed or blocked run leaves one).
    build = build_copy(warehouse_path)
    build.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(warehouse_path, build)
    publish_only = run_selection(articles_dir, warehouse_path, ["published_warehouse"])

    assert not publish_only.success
    [failure] = [e for e in publish_only.all_events if e.is_step_failure]
    message = failure.step_failure_data.error.message
    assert "NOT published" in message and f"validated by another run ({first.run_id}" in message, message
    assert not build.exists(), "the refused copy is discarded"
    assert digest(warehouse_path) == before
    assert run_tags(publish_only.run_id)["beilun/published"] == "false"

    # With no build copy at all, the publish step says so too, and publishes nothing.
    again = run_selection(articles_dir, warehouse_path, ["published_warehouse"])
    assert not again.success and "no step of this run built one" in run_messages(again.run_id)
    assert digest(warehouse_path) == before
