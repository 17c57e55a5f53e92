"""The example queries of docs/bi.md (files in docs/queries/), run as a BI user runs them: read-only,
against a warehouse built by `dbt build` from the seed articles' gold figures, with DuckDB 2 and with
a DuckDB 1.x client (the one many BI drivers bundle).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from staging_helpers import DBT_DIR, PROJECT_ROOT, stage, stage_seed_gold

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

QUERIES = PROJECT_ROOT / "docs" / "queries"
BI_DOC = PROJECT_ROOT / "docs" / "bi.md"
DUCKDB1_PYTHON = PROJECT_ROOT / ".venv-duckdb1" / "bin" / "python"
BUILD = ("build", "--exclude", "path:models/audit")
ARTICLE_2024 = "000_0ffcbe62cd3a376b"
ARTICLE_2023 = "003_e40ad7c70a5ae01c"


def build(db: Path) -> Path:
    """`dbt build` on the warehouse `db`, with a target folder of its own beside it."""
    env = os.environ | {"BEILUN_BUILD_WAREHOUSE": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    cmd = [
        str(PROJECT_ROOT / ".venv" / "bin" / "dbt"),
        *BUILD,
        "--project-dir",
        str(DBT_DIR),
        "--profiles-dir",
        str(DBT_DIR),
        "--target-path",
        str(db.parent / "target"),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"dbt build failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}"
    return db


@pytest.fixture(scope="module")
def gold_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bi_gold") / "warehouse.duckdb"
    stage_seed_gold(db)
    return build(db)


@pytest.fixture(scope="module")
def revised_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gold plus a later article that revises Beilun's 2022 GDP to 2690亿元 (2.3 % off: beyond the 0.5 % tolerance) (and repeats 2002's)."""
    db = tmp_path_factory.mktemp("bi_revised") / "warehouse.duckdb"
    stage_seed_gold(db)
    gdp = {
        "article_id": "905_revision",
        "indicator": "地区生产总值",
        "indicator_code": "gdp",
        "zone": "beilun",
        "measure": "level",
        "unit": "CNY",
        "qualifier": "exact",
    }
    stage(
        db,
        [
            {
                "article_id": "905_revision",
                "published": "2025-01-10",
                "title": "北仑区2022年统计公报（修订）",
                "source": "北仑区统计局",
            }
        ],
        [
            gdp
            | {
                "text": "2690亿元",
                "sentence": "2022年全区地区生产总值2690亿元",
                "value": 2.69e11,
                "period_start": "2022-01-01",
                "period_end": "2022-12-31",
                "figure_seq": 0,
            },
            gdp
            | {
                "text": "207亿元",
                "sentence": "2002年地区生产总值207亿元",
                "value": 2.07e10,
                "period_start": "2002-01-01",
                "period_end": "2002-12-31",
                "figure_seq": 1,
            },
        ],
    )
    return build(db)


def run_query(db: Path, name: str) -> list[dict]:
    sql = (QUERIES / name).read_text(encoding="utf-8")
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def test_beilun_gdp_over_the_years_with_sources(gold_warehouse):
    rows = run_query(gold_warehouse, "beilun_gdp_over_the_years.sql")
    reported = [
        (r["period_label"], r["measure"], r["value_100m_cny"] if r["unit"] == "CNY" else r["value"], r["unit"])
        for r in rows
        if r["obs_status"] == "reported"
    ]
    assert reported == [
        ("2002", "level", pytest.approx(207), "CNY"),
        ("2002-2022", "multiple", pytest.approx(12.7), "times"),
        ("2022", "level", pytest.approx(2630), "CNY"),
        ("2022", "rank", 3, "rank"),
        ("2024H1", "growth_pct", pytest.approx(6.1), "percent"),
        ("2024H1", "level", pytest.approx(1365.56), "CNY"),
    ]
    by_label = {(r["period_label"], r["measure"]): r for r in rows}
    assert by_label[("2024H1", "level")]["article_title"] == "秉持改革思维 用好“关键一招”"
    assert by_label[("2024H1", "level")]["five_year_plan_label"] == "十四五 2021-2025"
    assert by_label[("2002", "level")]["article_title"] == "北仑：高能门户 硬核力量"
    assert by_label[("2002", "level")]["five_year_plan_label"] == "十五 2001-2005"
    assert "1365.56亿元" in by_label[("2024H1", "level")]["sentence"]
    assert "6.1%" in by_label[("2024H1", "growth_pct")]["sentence"]
    # the yearly average growth 2002-2022 the article implies (207 → 2630), marked as derived
    derived = [r for r in rows if r["obs_status"] == "derived"]
    assert [(r["period_label"], r["measure"]) for r in derived] == [("2002-2022", "cagr_pct")]
    assert derived[0]["value"] == pytest.approx(13.553, abs=1e-3)


def test_two_figures_of_one_article_that_disagree_in_the_gold(gold_warehouse):
    """The gold gives 区级关键核心技术攻关专项资金 of 2024 twice in one article (2000万元, 4000万元): one cell."""
    rows = run_query(gold_warehouse, "figures_that_disagree.sql")
    assert [(r["indicator"], r["period_label"], r["value"], r["is_believed"]) for r in rows] == [
        ("区级关键核心技术攻关专项资金(每年)", "2024", 2e7, True),
        ("区级关键核心技术攻关专项资金(每年)", "2024", 4e7, False),
    ]
    assert {r["article_title"] for r in rows} == {"秉持改革思维 用好“关键一招”"}
    with duckdb.connect(str(gold_warehouse), read_only=True) as con:
        assert con.execute(
            "select l.n_articles, l.n_figures, l.units_differ, l.values_disagree, l.value "
            "from marts.fct_indicator_latest as l join marts.dim_indicator as i using (indicator_key) "
            "where i.indicator_phrase = '区级关键核心技术攻关专项资金(每年)'"
        ).fetchall() == [(1, 2, False, True, 2e7)]


def test_beilun_trade(gold_warehouse):
    rows = run_query(gold_warehouse, "beilun_trade.sql")
    by = {(r["indicator_code"], r["period_label"], r["measure"]): r for r in rows}
    assert by[("foreign_trade_total", "2022", "level")]["value_100m"] == pytest.approx(4518.6)
    multiple = by[("foreign_trade_total", "2002-2022", "multiple")]
    assert (multiple["value"], multiple["multiple_basis"]) == (16.5, "times")  # 15 % a year: ×16.4
    base = by[("foreign_trade_total", "2002", "level")]
    assert (base["obs_status"], base["multiple_basis"]) == ("derived", "times")
    assert base["value_100m"] == pytest.approx(4518.6 / 16.5)
    assert {c for c, _, _ in by} >= {"foreign_trade_total", "cross_border_ecommerce_total", "commodity_trade"}
    assert all(r["article_title"] for r in rows)


def test_fastest_growth(gold_warehouse):
    rows = run_query(gold_warehouse, "fastest_growth.sql")
    yoy = [(r["indicator_code"], r["growth_pct"], r["growth_rank"]) for r in rows if r["period_label"] == "2024H1"]
    assert yoy[:3] == [("oil_gas_sales", 15.7, 1), ("commodity_trade", 9.2, 2), ("gdp", 6.1, 3)]
    decades = [r for r in rows if r["measure"] == "cagr_pct" and r["period_label"] == "2002-2022"]
    assert decades[0]["indicator_code"] == "high_tech_enterprises" and decades[0]["obs_status"] == "derived"
    assert [r["growth_pct"] for r in decades] == sorted((r["growth_pct"] for r in decades), reverse=True)
    assert {r["measure"] for r in rows} == {"growth_pct", "cagr_pct"}


def test_ranks_with_their_group(gold_warehouse):
    rows = run_query(gold_warehouse, "beilun_ranks.sql")
    ranks = {(r["text"], r["period_label"]): (r["rank"], r["rank_scope"], r["scope"], r["rank_of"]) for r in rows}
    assert ranks[("全省第三", "2022")] == (3, "zhejiang", "浙江省", None)
    assert ranks[("全国第一", "2017-2022")] == (1, "china", "中国", None)
    assert ranks[("居宁波市首位", "2024")] == (1, "ningbo", "宁波市", None)
    assert ranks[("首位", "2023")] == (1, "china", "中国", 4)  # 居全国4个试点地区首位
    assert ranks[("第19位", "2024")] == (19, None, None, None)  # 北仑上榜500强,位居第19位: no group named
    assert len(rows) == 9


def test_figures_that_disagree_between_articles(revised_warehouse):
    rows = [
        r
        for r in run_query(revised_warehouse, "figures_that_disagree.sql")
        if r["indicator"] == "Gross domestic product"
    ]
    assert [
        (
            r["indicator"],
            r["zone"],
            r["period_label"],
            r["measure"],
            r["value"],
            r["is_believed"],
            r["article_published"].isoformat(),
        )
        for r in rows
    ] == [
        ("Gross domestic product", "北仑区", "2022", "level", 2.69e11, True, "2025-01-10"),
        ("Gross domestic product", "北仑区", "2022", "level", 2.63e11, False, "2023-12-31"),
    ]
    assert rows[0]["article_title"] == "北仑区2022年统计公报（修订）"
    assert rows[0]["source_type"] == "statistical_release"  # recognised from the title
    # the latest cell of 2002 has two articles that agree
    with duckdb.connect(str(revised_warehouse), read_only=True) as con:
        assert con.execute(
            "select n_articles, values_disagree, value from marts.fct_indicator_latest "
            "where indicator_code = 'gdp' and zone_code = 'beilun' and measure = 'level' and period_label = '2002'"
        ).fetchall() == [(2, False, 2.07e10)]


def test_indicators_by_five_year_plan(gold_warehouse):
    rows = run_query(gold_warehouse, "indicators_by_five_year_plan.sql")
    assert len(rows) > 30
    assert {r["zone"] for r in rows} >= {"北仑区"}
    gdp = {
        (r["period_label"], r["measure"]): (r["five_year_plan_label"], r["value"])
        for r in rows
        if r["indicator_code"] == "gdp"
    }
    assert gdp[("2002", "level")] == ("十五 2001-2005", 2.07e10)
    assert gdp[("2024H1", "level")] == ("十四五 2021-2025", 1.36556e11)
    plans = [r["five_year_plan_label"] for r in rows]
    assert plans == sorted(plans, key=lambda p: int(p.split()[1][:4]))


def test_unmapped_indicators_for_the_analyst(gold_warehouse):
    rows = run_query(gold_warehouse, "unmapped_indicators.sql")
    assert len(rows) > 20
    assert rows[0]["n_figures"] >= rows[-1]["n_figures"]
    phrases = {r["indicator_phrase"] for r in rows}
    assert "获批国家部委试点数量" in phrases and "地区生产总值" not in phrases


def test_every_example_query_is_in_the_bi_guide():
    guide = BI_DOC.read_text(encoding="utf-8")
    files = sorted(QUERIES.glob("*.sql"))
    assert len(files) >= 4
    for path in files:
        assert path.read_text(encoding="utf-8").strip() in guide, path.name


def test_marts_hold_only_what_bi_users_read(gold_warehouse):
    with duckdb.connect(str(gold_warehouse), read_only=True) as con:
        names = {
            n for (n,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        }
        names |= {
            n for (n,) in con.execute("select view_name from duckdb_views() where schema_name = 'marts'").fetchall()
        }
    assert {
        "fct_indicator_value",
        "fct_indicator_latest",
        "dim_indicator",
        "dim_zone",
        "dim_year",
        "dim_article",
    } <= names
    assert all(n == n.lower() and " " not in n and not n.startswith(("stg_", "int_")) for n in names)


DUCKDB1_SCRIPT = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
rows = con.execute(open(sys.argv[2], encoding="utf-8").read()).fetchall()
schemas = [s for (s,) in con.execute("select distinct schema_name from duckdb_tables() order by 1").fetchall()]
print(json.dumps({"version": duckdb.__version__, "schemas": schemas,
                  "rows": [[r[0], r[3], r[4], r[8]] for r in rows]}, ensure_ascii=False, default=str))
"""


def test_the_warehouse_opens_in_a_duckdb_1x_client(gold_warehouse, tmp_path):
    assert DUCKDB1_PYTHON.exists(), "the DuckDB 1.x client is missing: `make test` creates .venv-duckdb1"
    published = tmp_path / "warehouse.duckdb"
    shutil.copy(gold_warehouse, published)
    proc = subprocess.run(
        [str(DUCKDB1_PYTHON), "-c", DUCKDB1_SCRIPT, str(published), str(QUERIES / "beilun_gdp_over_the_years.sql")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    assert out["version"].startswith("1."), out["version"]
    assert {"marts", "reference", "raw"} <= set(out["schemas"])
    levels = [
        (label, value) for label, measure, value, status in out["rows"] if measure == "level" and status == "reported"
    ]
    assert levels == [("2002", 2.07e10), ("2022", 2.63e11), ("2024H1", 1.36556e11)]
    growth = [value for label, measure, value, status in out["rows"] if measure == "growth_pct"]
    assert growth == [pytest.approx(6.1)]
