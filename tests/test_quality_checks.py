"""Each Great Expectations check, tripped by one fixture and passed by another.

Two small warehouses are staged from exact figure records (tests/staging_helpers.stage) and built
with dbt: one where every check has a figure combination that must trip it, one with the same
combinations corrected. Each fixture lives in its own zone so that they do not meet. Keys, foreign
keys, enumerations and offsets are no suite's: the marts' contracts and dbt's tests check them
(docs/quality.md), and the last tests here show that they do, on the same warehouses.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from staging_helpers import run_dbt, stage

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

EARLY, LATE = "qa_early", "qa_late"
ARTICLES = [
    {"article_id": EARLY, "published": "2022-12-31", "cleaned_text": "早前的文章。"},
    {"article_id": LATE, "published": "2023-12-31", "cleaned_text": "后来的文章。"},
]
INDICATOR_NAMES = {
    "gdp": "地区生产总值",
    "value_added_primary": "第一产业增加值",
    "value_added_secondary": "第二产业增加值",
    "value_added_tertiary": "第三产业增加值",
    "foreign_trade_total": "外贸进出口总额",
    "exports": "出口额",
    "imports": "进口额",
    "cross_border_ecommerce_total": "跨境电商进出口总额",
    "cross_border_ecommerce_imports": "跨境电商进口额",
    "fiscal_revenue_total": "财政总收入",
    "patents_granted": "专利授权量",
    "industrial_output_above_scale": "规模以上工业总产值",
    "fixed_asset_investment": "固定资产投资",
    "air_quality_good_rate": "空气质量优良率",
    "high_tech_enterprises": "国家级高新技术企业数",
}
UNITS = {
    "亿元": ("CNY", 1e8),
    "%": ("percent", 1),
    "倍": ("times", 1),
    "件": ("count", 1),
    "家": ("count", 1),
    "位": ("rank", 1),
    "个百分点": ("pct_point", 1),
}


class Figures:
    """Builds figure records with explicit sequence numbers per article; `ids[name]` is the figure_id."""

    def __init__(self) -> None:
        self.records: list[dict] = []
        self.records_by_name: dict[str, dict] = {}
        self.ids: dict[str, str] = {}
        self._seq = {EARLY: 0, LATE: 0}

    def add(
        self,
        name,
        code,
        zone,
        measure,
        number,
        suffix,
        year=None,
        *,
        span=None,
        period=None,
        article=LATE,
        qualifier="exact",
        part_of=None,
        share_of=None,
        unit=None,
        indicator=None,
    ):
        seq = self._seq[article]
        self._seq[article] += 1
        unit_code, scale = UNITS[suffix]
        if period is None:
            start, end = span if span else (year, year)
            period = (f"{start}-01-01", f"{end}-12-31")
        text = f"{number}{suffix}"
        record = {
            "article_id": article,
            "figure_seq": seq,
            "text": text,
            "sentence": f"{zone}{indicator or INDICATOR_NAMES.get(code, code)}{text}（{name}）",
            "char_start": 0,
            "char_end": len(text),
            "indicator": indicator or INDICATOR_NAMES.get(code),
            "indicator_code": code,
            "zone": zone,
            "measure": measure,
            "value": number * scale,
            "unit": unit or unit_code,
            "qualifier": qualifier,
            "period_start": period[0],
            "period_end": period[1],
            "share_of": share_of,
        }
        if part_of is not None:
            whole = self.records_by_name[part_of]
            record["part_of"] = whole["text"]
            record["part_of_seq"] = whole["figure_seq"]
        self.records.append(record)
        self.records_by_name[name] = record
        self.ids[name] = f"{article}#{seq}"
        return record


def fixture_figures(trip: bool) -> Figures:
    """Every check's figures: tripping ones when `trip`, else the corrected ones."""
    f = Figures()
    # totals_part_whole (haishu): 其中 imports above the cross-border total
    f.add("cbe_total", "cross_border_ecommerce_total", "haishu", "level", 100, "亿元", 2022)
    f.add(
        "cbe_imports",
        "cross_border_ecommerce_imports",
        "haishu",
        "level",
        150 if trip else 40,
        "亿元",
        2022,
        part_of="cbe_total",
    )
    # totals_trade_balance (jiangbei): 700 + 200 ≠ 1000
    f.add("trade_total", "foreign_trade_total", "jiangbei", "level", 1000, "亿元", 2022)
    f.add("trade_exports", "exports", "jiangbei", "level", 700, "亿元", 2022)
    f.add("trade_imports", "imports", "jiangbei", "level", 200 if trip else 299.6, "亿元", 2022)
    # totals_sector_sum (zhenhai): 10 + 450 + 500 = 960 ≠ 1000
    f.add("gdp_total", "gdp", "zhenhai", "level", 1000, "亿元", 2022)
    f.add("va_primary", "value_added_primary", "zhenhai", "level", 10, "亿元", 2022)
    f.add("va_secondary", "value_added_secondary", "zhenhai", "level", 450, "亿元", 2022)
    f.add("va_tertiary", "value_added_tertiary", "zhenhai", "level", 500 if trip else 540, "亿元", 2022)
    # totals_structure_ratio (yinzhou): 1.2 : 45.3 : 52.5 = 99.0
    for name, code, share in [
        ("ratio_a", "value_added_primary", 1.2),
        ("ratio_b", "value_added_secondary", 45.3),
        ("ratio_c", "value_added_tertiary", 52.5 if trip else 53.5),
    ]:
        f.add(name, code, "yinzhou", "share_pct", share, "%", 2022, share_of="地区生产总值")
    # totals_value_domains (fenghua): a share of 120%, half an enterprise, a negative count, a zero level, rank 0
    f.add("share_120", "high_tech_enterprises", "fenghua", "share_pct", 120 if trip else 12, "%", 2022, share_of="全省")
    f.add("count_half", "high_tech_enterprises", "fenghua", "level", 2.5 if trip else 3, "家", 2021)
    # a count per unit may be a fraction, tripping or not
    f.add(
        "per_10k", "invention_patents_per_10k", "fenghua", "level", 68.5, "件", 2021, indicator="每万人发明专利拥有量"
    )
    f.add("count_negative", "high_tech_enterprises", "fenghua", "level", -3 if trip else 4, "家", 2020)
    f.add("level_zero", "fiscal_revenue_total", "fenghua", "level", 0 if trip else 5, "亿元", 2022)
    f.add("rank_zero", "gdp", "fenghua", "rank", 0 if trip else 2, "位", 2022)
    # structure_measure_units (fenghua): a share in count
    f.add("share_in_count", "gdp", "fenghua", "share_pct", 30, "%", 2021, unit="count" if trip else None)
    # dbt's, not a suite's (beilun): an unknown unit, a duplicate reading (see test_structural_faults_are_dbts)
    f.add("unit_yuan", None, "beilun", "level", 7, "亿元", 2019, unit="元" if trip else None, indicator="某收入")
    f.add("dup_one", None, "beilun", "level", 8, "家", 2019, indicator="某企业数")
    dup = f.add("dup_two", None, "beilun", "level", 9, "家", 2019, indicator="某企业数")
    if trip:
        first = f.records_by_name["dup_one"]
        dup.update({k: first[k] for k in ("text", "sentence", "value", "char_start", "char_end")})
    # growth_multiple_endpoints (cixi): 100 → 2000 is 20×, stated 10× (pass: 19×, the N+1 reading)
    f.add("fiscal_2002", "fiscal_revenue_total", "cixi", "level", 100, "亿元", 2002)
    f.add("fiscal_2022", "fiscal_revenue_total", "cixi", "level", 2000, "亿元", 2022)
    f.add("fiscal_multiple", "fiscal_revenue_total", "cixi", "multiple", 10 if trip else 19, "倍", span=(2002, 2022))
    # ... and the 2003 start convention: a span 2003-2022 whose base level is the 2002 one (always passes)
    f.add("patents_2002", "patents_granted", "cixi", "level", 100, "件", 2002)
    f.add("patents_2022", "patents_granted", "cixi", "level", 2600, "件", 2022)
    f.add("patents_multiple", "patents_granted", "cixi", "multiple", 25, "倍", span=(2003, 2022))
    # growth_cagr_endpoints (ninghai): 100 → 1000 over 20 years is 12.2% a year, stated 15%
    f.add("output_2002", "industrial_output_above_scale", "ninghai", "level", 100, "亿元", 2002)
    f.add("output_2022", "industrial_output_above_scale", "ninghai", "level", 1000, "亿元", 2022)
    f.add(
        "output_cagr",
        "industrial_output_above_scale",
        "ninghai",
        "cagr_pct",
        15 if trip else 12.5,
        "%",
        span=(2002, 2022),
    )
    # growth_multiple_cagr (yuyao): 16.5× and 20% a year over 2002-2022 ((1.2)^20 = 38.3)
    f.add("yuyao_multiple", "foreign_trade_total", "yuyao", "multiple", 16.5, "倍", span=(2002, 2022))
    f.add("yuyao_cagr", "foreign_trade_total", "yuyao", "cagr_pct", 20 if trip else 15, "%", span=(2002, 2022))
    # growth_consecutive_levels (zhoushan): 450 → 500 is +11.1%, stated 6.1%
    half = lambda y: (f"{y}-01-01", f"{y}-06-30")  # noqa: E731
    f.add("gdp_h1_2022", "gdp", "zhoushan", "level", 450, "亿元", period=half(2022), article=EARLY)
    f.add("gdp_h1_2023", "gdp", "zhoushan", "level", 500, "亿元", period=half(2023))
    f.add("gdp_h1_growth", "gdp", "zhoushan", "growth_pct", 6.1 if trip else 11.0, "%", period=half(2023))
    # growth_bounds (meishan): +450% in a year; an air-quality rate of 120%
    f.add("growth_450", "fixed_asset_investment", "meishan", "growth_pct", 450 if trip else 45, "%", 2022)
    f.add("rate_120", "air_quality_good_rate", "meishan", "level", 120 if trip else 92.8, "%", 2022)
    # growth_cumulative_monotonic (daxie): 累计 2003-2021 7200 in the earlier article, 2003-2022 7000 later
    f.add("cum_early", "fixed_asset_investment", "daxie", "level", 7200, "亿元", span=(2003, 2021), article=EARLY)
    f.add("cum_late", "fixed_asset_investment", "daxie", "level", 7000 if trip else 7600, "亿元", span=(2003, 2022))
    # growth_cross_article_agreement (guoju): GDP 2022 is 300 in one article, 310 in the other
    f.add("guoju_early", "gdp", "guoju", "level", 300, "亿元", 2022, article=EARLY)
    f.add("guoju_late", "gdp", "guoju", "level", 310 if trip else 300.5, "亿元", 2022)
    # ... a difference the qualifier explains is no finding: 逾40 against 45 (both warehouses)
    f.add(
        "lingang_early",
        "fiscal_revenue_total",
        "lingang_zone",
        "level",
        40,
        "亿元",
        2022,
        article=EARLY,
        qualifier="more_than",
    )
    f.add("lingang_late", "fiscal_revenue_total", "lingang_zone", "level", 45, "亿元", 2022)
    return f


def _build(db: Path, trip: bool) -> Figures:
    figures = fixture_figures(trip)
    stage(db, ARTICLES, figures.records)
    run_dbt(db, "build", "--resource-type", "seed", "--resource-type", "model")
    return figures


@pytest.fixture(scope="module")
def tripped(tmp_path_factory):
    from beilun_etl.quality import run_quality_checks

    db = tmp_path_factory.mktemp("quality_trip") / "warehouse.duckdb"
    figures = _build(db, trip=True)
    report = run_quality_checks(db, docs_dir=db.parent / "quality_docs")
    return figures, report, db


@pytest.fixture(scope="module")
def passed(tmp_path_factory):
    from beilun_etl.quality import run_quality_checks

    db = tmp_path_factory.mktemp("quality_pass") / "warehouse.duckdb"
    figures = _build(db, trip=False)
    report = run_quality_checks(db, docs_dir=db.parent / "quality_docs")
    return figures, report, db


# check name (suite.check) → the fixture figures its finding must involve
TRIPS = {
    "totals_part_whole.part_not_above_whole": ["cbe_imports", "cbe_total"],
    "totals_trade_balance.exports_plus_imports_equal_total": ["trade_total", "trade_exports", "trade_imports"],
    "totals_sector_sum.sectors_sum_to_gdp": ["gdp_total", "va_primary", "va_secondary", "va_tertiary"],
    "totals_structure_ratio.structure_sums_to_100": ["ratio_a", "ratio_b", "ratio_c"],
    "totals_value_domains.share_within_0_100": ["share_120"],
    "totals_value_domains.count_whole": ["count_half"],
    "totals_value_domains.count_non_negative": ["count_negative"],
    "totals_value_domains.level_positive": ["level_zero"],
    "totals_value_domains.rank_at_least_1": ["rank_zero"],
    "structure_measure_units.unit_fits_measure": ["share_in_count"],
    "growth_multiple_endpoints.multiple_matches_endpoints": ["fiscal_multiple", "fiscal_2002", "fiscal_2022"],
    "growth_cagr_endpoints.cagr_matches_endpoints": ["output_cagr", "output_2002", "output_2022"],
    "growth_multiple_cagr.multiple_matches_cagr": ["yuyao_multiple", "yuyao_cagr"],
    "growth_consecutive_levels.growth_matches_levels": ["gdp_h1_growth", "gdp_h1_2023", "gdp_h1_2022"],
    "growth_bounds.growth_plausible": ["growth_450"],
    "growth_bounds.rate_within_0_100": ["rate_120"],
    "growth_cumulative_monotonic.cumulative_not_falling": ["cum_early", "cum_late"],
    "growth_cross_article_agreement.articles_agree": ["guoju_early", "guoju_late"],
}


def _figures_of(findings, check_name):
    return [set(f["figure_ids"]) for f in findings if f["check_name"] == check_name]


@pytest.mark.parametrize("check_name", sorted(TRIPS))
def test_fixture_trips_the_check(tripped, check_name):
    figures, report, _ = tripped
    expected = {figures.ids[name] for name in TRIPS[check_name]}
    found = _figures_of(report.findings, check_name)
    assert any(expected <= ids for ids in found), f"{check_name}: no finding with {expected}; got {found}"
    suite = report.outcome(check_name.split(".")[0])
    assert not suite.success
    severity = suite.suite.severity
    assert all(f["severity"] == severity for f in report.findings if f["check_name"] == check_name)


@pytest.mark.parametrize("check_name", sorted(TRIPS))
def test_corrected_fixture_passes_the_check(passed, check_name):
    _, report, _ = passed
    assert _figures_of(report.findings, check_name) == []
    assert report.outcome(check_name.split(".")[0]).success


def test_corrected_warehouse_passes_every_suite_and_the_checks_did_compare(passed):
    figures, report, db = passed
    assert report.findings == []
    assert report.summary() == {"passed": len(report.outcomes), "warned": 0, "failed": 0}
    # the passing fixtures were really lined up, not skipped for want of end points
    with duckdb.connect(str(db), read_only=True) as con:
        spans = dict(
            con.execute(
                "SELECT figure_id, coalesce(multiple_reading, format('{:.2f}', cagr_gap_pp)) "
                "FROM audit.audit_span_endpoints"
            ).fetchall()
        )
        assert spans[figures.ids["fiscal_multiple"]] == "N+1"
        assert spans[figures.ids["patents_multiple"]] == "N+1"  # base level of 2002 for a 2003-2022 span
        assert float(spans[figures.ids["output_cagr"]]) < 1
        for table in (
            "audit_part_whole",
            "audit_trade_balance",
            "audit_sector_sum",
            "audit_structure_ratio",
            "audit_growth_levels",
            "audit_cumulative",
            "audit_span_agreement",
        ):
            assert con.execute(f"SELECT count(*) FROM audit.{table}").fetchone()[0] >= 1, table
        assert con.execute("SELECT count(*) FROM audit.audit_cross_article").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM marts.quality_findings").fetchone()[0] == 0


def test_blocking_and_warning_suites(tripped):
    _, report, _ = tripped
    blocking = {o.name for o in report.blocking_failures}
    warned = {o.name for o in report.warnings}
    assert blocking == {
        "structure_measure_units",
        "totals_value_domains",
    }
    assert warned == {
        "totals_part_whole",
        "totals_trade_balance",
        "totals_sector_sum",
        "totals_structure_ratio",
        "growth_multiple_endpoints",
        "growth_cagr_endpoints",
        "growth_multiple_cagr",
        "growth_consecutive_levels",
        "growth_bounds",
        "growth_cumulative_monotonic",
        "growth_cross_article_agreement",
    }
    assert report.summary() == {"passed": 0, "warned": 11, "failed": 2}


def test_findings_table_lists_figures_with_articles_sentences_expected_observed(tripped):
    figures, report, db = tripped
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT check_name, severity, figure_ids, article_ids, sentences, expected, observed, detail "
            "FROM marts.quality_findings WHERE check_name = 'growth_multiple_endpoints.multiple_matches_endpoints'"
        ).fetchall()
        total = con.execute("SELECT count(*) FROM marts.quality_findings").fetchone()[0]
    assert total == len(report.findings)
    [(_, severity, ids, articles, sentences, expected, observed, detail)] = rows
    assert severity == "warn"
    assert ids == [figures.ids[n] for n in ("fiscal_multiple", "fiscal_2002", "fiscal_2022")]
    assert articles == [LATE]
    assert any("10倍" in s for s in sentences)
    assert expected.startswith("20.00×") and observed == "10倍"
    assert "N+1" in detail or "N reading" in detail


def test_data_docs_are_built(tripped):
    _, report, _ = tripped
    assert report.docs_index.exists()
    pages = list((report.docs_path / "validations").rglob("*.html"))
    assert len(pages) == len(report.outcomes)


def test_structural_faults_are_dbts(tripped):
    """An unknown unit and a figure read twice fail dbt's tests (`dbt build` stops before any suite runs)."""
    _, _, db = tripped
    proc = run_dbt(db, "test", "--select", "fct_indicator_value", check=False)
    assert proc.returncode != 0
    failed = [line for line in proc.stdout.splitlines() if "FAIL" in line]
    assert any("relationships_fct_indicator_value_unit__unit__ref_units_" in line for line in failed), failed
    assert any("assert_no_figure_read_twice" in line for line in failed), failed


@pytest.mark.parametrize(
    "change",
    [
        "figure_id = figure_id || 'x', indicator_key = NULL",  # a key not set (NOT NULL)
        "figure_id = figure_id || 'x', zone_key = md5('zone:nowhere')",  # a key no dimension row has (FOREIGN KEY)
        "figure_id = figure_id || 'x', char_start = 5, char_end = 5",  # offsets out of order (CHECK)
        "figure_seq = figure_seq",  # the same figure_id twice (PRIMARY KEY)
    ],
)
def test_the_fact_contract_refuses_a_broken_row(passed, tmp_path, change):
    """What the suites structure_fact_keys and structure_dimension_joins checked: DuckDB refuses it at insert."""
    import shutil

    _, _, built = passed
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(built, db)
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TEMP TABLE row AS SELECT * FROM marts.fct_indicator_value WHERE NOT is_derived LIMIT 1")
        con.execute(f"UPDATE row SET {change}")
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO marts.fct_indicator_value SELECT * FROM row")
