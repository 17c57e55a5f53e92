"""The checks on the two seed articles' gold records: which findings they raise, and what they compared.

The seeds state five span figures that the checks line up with their end point levels:
GDP 207 → 2630 亿元 扩大12.7倍 (12.71×, the N reading), 财政总收入 25.1 → 905.4 亿元 扩大36倍 (36.07×,
N), 专利 254 (2003) → 6613 件 增长25倍 (26.04×, the N+1 reading), 规上工业产值 292.5 → 5499 亿元
年均增长16.3% (15.80% computed, 0.50 points apart, within 1), and 外贸 4518.6 亿元 扩大16.5倍 /
年均增长15% with no 2002 level (skipped by the end point checks; the multiple and the yearly average
agree with each other: 1.15^20 = 16.37×). Each 其中 part is below its whole. No finding.
"""

from __future__ import annotations

import duckdb
import pytest
from staging_helpers import run_dbt, stage_seed_gold

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

# The findings the gold records raise: (check_name, figure_ids). None: the seeds are consistent.
EXPECTED_FINDINGS: set[tuple[str, tuple[str, ...]]] = set()


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    from beilun_etl.quality import run_quality_checks

    db = tmp_path_factory.mktemp("quality_gold") / "warehouse.duckdb"
    stage_seed_gold(db)
    run_dbt(db, "build", "--resource-type", "seed", "--resource-type", "model")
    report = run_quality_checks(db, docs_dir=db.parent / "quality_docs")
    return db, report


def test_seed_gold_findings(gold):
    _, report = gold
    found = {(f["check_name"], tuple(f["figure_ids"])) for f in report.findings}
    assert found == EXPECTED_FINDINGS
    assert report.blocking_failures == []
    assert report.summary()["failed"] == 0


def test_seed_gold_spans_lined_up_with_their_end_points(gold):
    db, _ = gold
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT indicator_code, measure, stated, start_level_year, years, computed_multiple, multiple_reading, "
            "computed_cagr_pct FROM audit.audit_span_endpoints ORDER BY indicator_code, measure"
        ).fetchall()
    spans = {(r[0], r[1]): r[2:] for r in rows}
    stated, start_year, years, computed, reading, _ = spans[("gdp", "multiple")]
    assert (stated, start_year, years, reading) == (12.7, 2002, 20, "N") and computed == pytest.approx(12.705, abs=1e-3)
    _, _, _, computed, reading, _ = spans[("fiscal_revenue_total", "multiple")]
    assert reading == "N" and computed == pytest.approx(36.07, abs=1e-2)
    _, start_year, years, computed, reading, _ = spans[("patents_granted", "multiple")]
    assert (start_year, years, reading) == (2003, 19, "N+1") and computed == pytest.approx(26.035, abs=1e-3)
    *_, cagr = spans[("industrial_output_above_scale", "cagr_pct")]
    assert cagr == pytest.approx(15.80, abs=0.01)
    # 外贸: a 2022 level only, so both span checks skip it (null ratios) ...
    assert spans[("foreign_trade_total", "multiple")][1] is None
    assert spans[("foreign_trade_total", "cagr_pct")][1] is None


def test_seed_gold_parts_below_wholes_and_trade_multiple_agrees_with_its_cagr(gold):
    db, _ = gold
    with duckdb.connect(str(db), read_only=True) as con:
        ratios = [r[0] for r in con.execute("SELECT part_to_whole FROM audit.audit_part_whole").fetchall()]
        [(compounded, error)] = con.execute(
            "SELECT compounded, relative_error FROM audit.audit_span_agreement"
        ).fetchall()
    assert len(ratios) == 4 and all(0 < r < 1 for r in ratios)
    assert compounded == pytest.approx(16.37, abs=0.01) and error < 0.02
