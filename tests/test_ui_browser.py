"""The Dagster UI in a real browser (Debian's Chromium driven by Playwright): what it shows is what happened.

`make ui` (dagster dev: webserver and daemon) on a private instance, articles folder and warehouse:

1. the folder fills up and the new-article sensor starts a full run;
2. one more article: the sensor starts an incremental run;
3. a run launched by hand with nothing new: it re-validates and says "nothing new";
4. a forced run (`resources: {refresh: {config: {force: true}}}`, as in the launchpad) re-extracts
   every article version.

After runs 1–3, no check shows Skipped or Execution failed on the assets' check pages (each row of
every asset's Checks tab), and GraphQL says the same (after run 4 too). Screenshots of the asset graph
and of a check's results are saved in the test's tmp folder (screenshots/). The page waits are on the
URL, roles, titles and counts known from GraphQL, not on text inside the graph's canvas. The dev log
has no DEBUG line and no warning outside a run's events. Skipped only where Chromium is missing.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from dagster_dev import LOCATION, REPOSITORY, dagster_dev, warning_lines
from pipeline_helpers import PROJECT_ROOT, query

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")  # the system browser, on PATH
# Playwright gives each launch a fresh profile (its own --user-data-dir).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BAD_STATUSES = ("SKIPPED", "EXECUTION_FAILED")
BAD_LABELS = ("Skipped", "Execution failed")
# The status under each check's name in an asset's Checks tab (Dagster 1.13's labels of a check execution).
CHECK_LABEL = re.compile(r"^(?:Succeeded|Failed|In progress|Skipped|Execution failed)$")
TIMEOUT_MS = 60_000
NEW_ARTICLE = """# 镇海区经济运行简况

2023年，镇海区实现地区生产总值1234.5亿元，同比增长6.6%。规模以上工业增加值640.2亿元，增长7.1%。
"""
REPO = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY}

pytestmark = [
    pytest.mark.slow,  # dagster dev and a browser: left out of `make test-fast`
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: `apt-get install -y chromium`"),
]


def _checks_by_asset(server) -> dict[str, list[dict]]:
    data = server.graphql(
        """
        query($repo: RepositorySelector!) {
          repositoryOrError(repositorySelector: $repo) {
            ... on Repository {
              assetNodes {
                assetKey { path }
                assetChecksOrError {
                  ... on AssetChecks { checks { name executionForLatestMaterialization { status runId } } }
                }
              }
            }
          }
        }
        """,
        {"repo": REPO},
    )["repositoryOrError"]["assetNodes"]
    return {
        "/".join(node["assetKey"]["path"]): node["assetChecksOrError"]["checks"]
        for node in data
        if node["assetChecksOrError"].get("checks")
    }


def _metadata(server, key: list[str]) -> tuple[str, dict]:
    """The run id and metadata of the asset's latest materialization."""
    data = server.graphql(
        """
        query($key: AssetKeyInput!) {
          assetOrError(assetKey: $key) {
            ... on Asset {
              assetMaterializations(limit: 1) {
                runId
                metadataEntries {
                  label
                  ... on IntMetadataEntry { intValue }
                  ... on BoolMetadataEntry { boolValue }
                  ... on TextMetadataEntry { text }
                }
              }
            }
          }
        }
        """,
        {"key": {"path": key}},
    )["assetOrError"]["assetMaterializations"]
    assert data, f"{key} was never materialized"
    entries = {e["label"]: e.get("intValue", e.get("boolValue", e.get("text"))) for e in data[0]["metadataEntries"]}
    return data[0]["runId"], entries


def _wait_for_new_run(server, known: set[str], timeout: float = 600) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for run in server.runs():
            if run["runId"] not in known and run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                return run
        time.sleep(2)
    raise TimeoutError(f"no new run finished; log: {server.log}")


def _assert_no_bad_check_status(server, page, shots: Path, label: str, pages: bool = True) -> int:
    """Every check's latest status, from GraphQL and (`pages`) from each asset's checks page; returns how many."""
    from playwright.sync_api import expect

    checks = _checks_by_asset(server)
    bad = {
        f"{asset}:{c['name']}": (c["executionForLatestMaterialization"] or {}).get("status")
        for asset, asset_checks in checks.items()
        for c in asset_checks
        if (c["executionForLatestMaterialization"] or {}).get("status") in (*BAD_STATUSES, None)
    }
    assert not bad, f"after the {label} run GraphQL reports checks not executed: {bad}"
    for asset, asset_checks in checks.items() if pages else ():
        # The list of checks is virtual (only the rows in view are in the page): a window tall enough for all.
        page.set_viewport_size({"width": 1600, "height": max(1000, 400 + 40 * len(asset_checks))})
        page.goto(f"{server.url}/assets/{asset}?view=checks")
        expect(page.get_by_role("tab", name="Checks", exact=True)).to_have_attribute("aria-selected", "true")
        expect(page.get_by_text(f"Checks ({len(asset_checks)})", exact=True)).to_be_visible(timeout=TIMEOUT_MS)
        # one status per check, once every execution has loaded; each row titled with its check's full name
        statuses = page.get_by_text(CHECK_LABEL)
        expect(statuses).to_have_count(len(asset_checks), timeout=TIMEOUT_MS)
        for check in asset_checks:
            expect(page.get_by_title(check["name"], exact=True)).to_have_count(1)
        shown = statuses.all_inner_texts()
        text = page.inner_text("body")
        (shots / f"{label}_{asset.replace('/', '_')}_checks.txt").write_text(text, encoding="utf-8")
        assert not [s for s in shown if s in BAD_LABELS], f"after the {label} run {asset}'s checks show {shown}"
        assert not [w for w in BAD_LABELS if w in text], f"after the {label} run the checks page of {asset}: {text}"
    page.set_viewport_size({"width": 1600, "height": 1000})
    return sum(len(c) for c in checks.values())


def _screenshots(server, page, shots: Path) -> None:
    """The asset graph (its groups, in the order of the flow) and one check's results, as a user sees them."""
    from playwright.sync_api import expect

    nodes = server.graphql("{ assetNodes { groupName isMaterializable } }")["assetNodes"]
    groups = sorted({n["groupName"] for n in nodes if n["isMaterializable"]})
    page.goto(f"{server.url}/asset-groups")
    graph = page.get_by_role("img").filter(has_text=re.compile("|".join(groups)))
    for group in groups:  # in the side bar's tree, and as a node of the graph (groups start collapsed)
        expect(page.get_by_role("button", name=re.compile(rf"\b{group}$"))).to_be_visible(timeout=TIMEOUT_MS)
        expect(graph).to_contain_text(group, timeout=TIMEOUT_MS)
    expect(page.get_by_text("fetching statuses")).to_have_count(0, timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(shots / "asset_graph.png"))

    # tall enough for the asset's whole list of checks next to the selected one's results
    page.set_viewport_size({"width": 1600, "height": 1700})
    page.goto(f"{server.url}/assets/marts/fct_indicator_value?view=checks")
    check = page.get_by_title("structure_measure_units", exact=True)
    check.click()
    expect(page).to_have_url(re.compile(r"checkDetail=structure_measure_units"))
    expect(page.get_by_role("cell", name="rows_validated", exact=True)).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_text("Passed", exact=True).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.mouse.move(0, 0)  # no row highlighted by the pointer
    page.screenshot(path=str(shots / "check_results.png"))
    page.set_viewport_size({"width": 1600, "height": 1000})
    for shot in ("asset_graph.png", "check_results.png"):
        assert (shots / shot).stat().st_size > 20_000, f"{shot} looks empty"


def test_ui_tells_what_happened(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    home, articles, warehouse = tmp_path / "home", tmp_path / "articles", tmp_path / "data" / "warehouse.duckdb"
    shots = tmp_path / "screenshots"
    for folder in (home, articles, shots):
        folder.mkdir()
    shutil.copy(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {
        "BEILUN_ARTICLES_DIR": str(articles),
        "BEILUN_WAREHOUSE": str(warehouse),
        "BEILUN_SENSOR_INTERVAL_SECONDS": "5",
    }
    seeds = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
    with dagster_dev(home, env) as server, sync_playwright() as playwright:
        server.graphql("mutation { setNuxSeen }")  # the "Join the Dagster community" dialog, seen
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        try:
            # 1. a full run, started by the sensor when the articles arrive
            known = {r["runId"] for r in server.runs()}
            for path in seeds:
                shutil.copy(path, articles / path.name)
            full = _wait_for_new_run(server, known)
            assert full["status"] == "SUCCESS", server.log.read_text()[-4000:]
            planned = _assert_no_bad_check_status(server, page, shots, "full")
            assert planned > 100
            _screenshots(server, page, shots)  # after the full run: every row validated

            # 2. an incremental run for one new article
            known = {r["runId"] for r in server.runs()}
            (articles / "zhenhai_2023.txt").write_text(NEW_ARTICLE, encoding="utf-8")
            incremental = _wait_for_new_run(server, known)
            assert incremental["status"] == "SUCCESS", server.log.read_text()[-4000:]
            _, ingested = _metadata(server, ["articles"])
            assert ingested["articles_new"] == 1, ingested
            _assert_no_bad_check_status(server, page, shots, "incremental")

            # 3. nothing new, launched by hand: re-validates, says so, publishes the same warehouse
            nothing_new = server.launch("refresh_warehouse")
            assert server.wait_for_run(nothing_new) == "SUCCESS", server.log.read_text()[-4000:]
            run_id, ingested = _metadata(server, ["articles"])
            assert run_id == nothing_new and ingested["nothing_new"].startswith("nothing new"), ingested
            _, figures = _metadata(server, ["figures"])
            assert figures["versions_extracted"] == 0 and not figures["forced"]
            _assert_no_bad_check_status(server, page, shots, "nothing_new")

            # 4. the force config rebuilds: every article version extracted again
            articles_now = query(warehouse, "SELECT count(*) FROM raw.article_versions WHERE status = 'current'")
            forced = server.launch("refresh_warehouse", {"resources": {"refresh": {"config": {"force": True}}}})
            assert server.wait_for_run(forced) == "SUCCESS", server.log.read_text()[-4000:]
            run_id, figures = _metadata(server, ["figures"])
            assert run_id == forced and figures["forced"] is True
            assert figures["versions_extracted"] == articles_now[0][0] == len(seeds) + 1
            _assert_no_bad_check_status(server, page, shots, "forced", pages=False)  # the pages: 70 s more
        finally:
            browser.close()
        log = server.log.read_text()  # while it runs: stopping it makes the proxy warn of its exited code server
    assert "DEBUG" not in log, "the dev log echoes DEBUG events"
    assert not warning_lines(log), warning_lines(log)
