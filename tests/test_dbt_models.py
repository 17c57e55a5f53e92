"""The dbt warehouse (staging → intermediate → marts) on exact fixtures: the seed gold plus a few
articles built to exercise every rule (versions, mapping precedence, periods, derived figures,
disagreement, unmapped phrases and zones). One `dbt build` per fixture warehouse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from staging_helpers import DBT_DIR, PROJECT_ROOT, gold_records, stage, stage_seed_gold

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

# The quality engineer's audit models are tested by their own suite; these tests isolate the layers
# that build the star schema (seeds, staging, intermediate, marts).
BUILD = ("build", "--exclude", "path:models/audit")
MARTS = {
    "fct_indicator_value",
    "fct_indicator_latest",
    "dim_indicator",
    "dim_zone",
    "dim_year",
    "dim_article",
    "article_history",
    "quarantined_articles",
    "unmapped_indicators",
    "unapplied_corrections",
}
GOLD_IDS = ("000_0ffcbe62cd3a376b", "003_e40ad7c70a5ae01c")
EDITED = "900_edited"
DELETED = "901_deleted"
N_EXTRA = 18  # figures of the current version of EDITED
PIPELINE_EXTRACTOR = "fingerprint-of-this-run"  # the extractor_version of the fixtures' figures


def dbt(db: Path, *args: str, project: Path = DBT_DIR) -> Path:
    """`dbt <args>` on the warehouse `db`, with a target folder of its own beside it; returns it."""
    target = db.parent / f"target_{args[0]}"
    env = os.environ | {"BEILUN_BUILD_WAREHOUSE": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    cmd = [str(PROJECT_ROOT / ".venv" / "bin" / "dbt"), *args, "--project-dir", str(project),
           "--profiles-dir", str(project), "--target-path", str(target)]  # fmt: skip
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"dbt {' '.join(args)} failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}"
    return target


def fig(article_id: str, content_hash: str, seq: int, text: str, indicator: str | None, measure: str,
        value: float, unit: str, start: str | None, end: str | None, **extra) -> dict:  # fmt: skip
    return {"article_id": article_id, "content_hash": content_hash, "figure_seq": seq, "text": text,
            "sentence": extra.pop("sentence", f"句子{seq}：{indicator}{text}"), "indicator": indicator,
            "measure": measure, "value": value, "unit": unit, "qualifier": extra.pop("qualifier", "exact"),
            "zone": extra.pop("zone", "beilun"), "period_start": start, "period_end": end, **extra}  # fmt: skip


def extra_articles() -> tuple[list[dict], list[dict]]:
    """An edited article (old version superseded), a deleted one, and figures for every rule."""
    articles = [
        {"article_id": EDITED, "content_hash": "v1", "published": "2025-03-01", "status": "superseded",
         "title": "旧版本"},
        {"article_id": EDITED, "content_hash": "v2", "published": "2025-03-01", "status": "current",
         "title": "北仑2024年经济运行", "source": "北仑区统计局", "url": "https://example.org/900",
         "published_inferred": False},
        {"article_id": DELETED, "content_hash": "d1", "published": "2024-05-01", "status": "deleted",
         "title": "已删除"},
    ]  # fmt: skip
    c = (EDITED, "v2")
    figures = [
        fig(EDITED, "v1", 0, "9999亿元", "地区生产总值", "level", 9.999e11, "CNY", "2022-01-01", "2022-12-31"),
        fig(DELETED, "d1", 0, "8888亿元", "地区生产总值", "level", 8.888e11, "CNY", "2022-01-01", "2022-12-31"),
        # 0: disagrees with 003's 2630亿元 for 2022 (the extractor's code for a longer phrase)
        fig(*c, 0, "2700亿元", "全区地区生产总值", "level", 2.7e11, "CNY", "2022-01-01", "2022-12-31",
            indicator_code="gdp"),
        # 1: same value as 003 for 2002: agrees
        fig(*c, 1, "207亿元", "地区生产总值", "level", 2.07e10, "CNY", "2002-01-01", "2002-12-31",
            indicator_code="gdp"),
        # 2-3: a level and a multiple over 2014..2024 without the 2014 level: base level derived
        fig(*c, 2, "3000万标准箱", "港口集装箱吞吐量", "level", 3.0e7, "TEU", "2024-01-01", "2024-12-31",
            zone="ningbo_zhoushan_port", indicator_code="container_throughput"),
        fig(*c, 3, "2倍", "港口集装箱吞吐量", "multiple", 2, "times", "2014-01-01", "2024-12-31",
            zone="ningbo_zhoushan_port", indicator_code="container_throughput"),
        # 4: unmapped phrase, no zone
        fig(*c, 4, "35家", "跨境电商新业态企业", "level", 35, "count", "2024-01-01", "2024-09-30", zone=None),
        # 5: zone given as a Chinese name (alias), quarter Q1
        fig(*c, 5, "320亿元", "地区生产总值", "level", 3.2e10, "CNY", "2024-01-01", "2024-03-31", zone="北仑区",
            indicator_code="gdp"),
        # 6: zone the dictionary lacks
        fig(*c, 6, "12个", "火星基地", "level", 12, "count", "2024-01-01", "2024-05-31", zone="火星"),
        # 7: no period stated: the publication year, inferred
        fig(*c, 7, "27个", "国家部委试点", "level", 27, "count", None, None),
        # 8: 出口 is an alias of exports (CNY) but a count of cars is no export value: the extractor gave no code
        fig(*c, 8, "60辆", "完成集港装箱出口的新能源汽车数量", "level", 60, "count", "2024-12-31", "2024-12-31"),
        # 9: 新增 makes a count of new enterprises, not the stock of enterprises: no code
        fig(*c, 9, "50家", "新增规模以上工业企业", "level", 50, "count", "2024-01-01", "2024-12-31"),
        # 10: the extractor's code (a dictionary code) is used, whatever the phrase
        fig(*c, 10, "800亿元", "社零", "level", 8.0e10, "CNY", "2024-01-01", "2024-12-31",
            indicator_code="retail_sales"),
        # 11: the extractor's code is not in the dictionary: unmapped; 云南省 contains 省 (an alias of
        # zhejiang) but one-character aliases only match whole phrases: an unmapped zone
        fig(*c, 11, "5项", "某新指标", "level", 5, "count", "2024-01-01", "2024-12-31",
            indicator_code="bogus_code", zone="云南省"),
        # 12: the extractor's code, not re-matched from the phrase (an alias of exports is in it)
        fig(*c, 12, "1200亿元", "外贸进出口总额", "level", 1.2e11, "CNY", "2024-01-01", "2024-06-30",
            indicator_code="foreign_trade_total"),
        # 13: part of the total 12, linked by seq; 14: part of 12 linked by text only
        fig(*c, 13, "500亿元", "出口额", "level", 5.0e10, "CNY", "2024-01-01", "2024-06-30", part_of_seq=12,
            indicator_code="exports"),
        fig(*c, 14, "700亿元", "进口额", "level", 7.0e10, "CNY", "2024-01-01", "2024-06-30", part_of="1200亿元",
            indicator_code="imports"),
        # 15: a planned capacity (period after publication)
        fig(*c, 15, "1500万吨", "LNG年处理量", "level", 1.5e7, "tonne", "2027-12-31", "2027-12-31"),
        # 16: 进口额 is an alias of imports, but the extractor saw 其中 of 跨境电商: its code stands
        fig(*c, 16, "211亿元", "进口额", "level", 2.11e10, "CNY", "2024-01-01", "2024-12-31",
            indicator_code="cross_border_ecommerce_imports"),
        # 17: the pipeline's extractor left 对欧盟出口 without a code: no alias overrules it (nor for 8, 9)
        fig(*c, 17, "120亿元", "对欧盟出口", "level", 1.2e10, "CNY", "2024-01-01", "2024-12-31",
            extractor_version=PIPELINE_EXTRACTOR),
    ]  # fmt: skip
    return articles, figures


def quarantine(db_path: Path) -> None:
    with duckdb.connect(str(db_path)) as con:
        con.execute(
            "INSERT INTO raw.quarantined_articles VALUES (?,?,?,?,?,?,?,?)",
            ["bad.txt", None, "binary", "The file holds binary data; replace it with a text copy.", 12,
             None, dt.datetime(2026, 1, 1), "run-1"],
        )  # fmt: skip


def build(db_path: Path) -> None:
    stage_seed_gold(db_path)
    stage(db_path, *extra_articles())
    quarantine(db_path)
    dbt(db_path, *BUILD)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("dbt_models") / "warehouse.duckdb"
    build(db)
    return db


def q(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def one(db: Path, sql: str, params: list | None = None):
    rows = q(db, sql, params)
    assert len(rows) == 1, rows
    return rows[0]


def figure(db: Path, figure_id: str) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute("select * from marts.fct_indicator_value where figure_id = ?", [figure_id])
        row = cur.fetchone()
        assert row is not None, figure_id
        return dict(zip([d[0] for d in cur.description], row, strict=True))


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def current_figure_count() -> int:
    return sum(1 for a in GOLD_IDS for g in gold_records(a) if not g.get("optional")) + N_EXTRA


# ---------------------------------------------------------------- layers and row counts


def test_every_layer_is_built_in_its_schema(warehouse):
    objects = set(q(warehouse, "select schema_name, table_name from duckdb_tables()"))
    objects |= set(q(warehouse, "select schema_name, view_name from duckdb_views() where not internal"))
    assert MARTS <= {n for s, n in objects if s == "marts"} <= MARTS | {"quality_findings"}
    assert {("staging", "stg_articles"), ("staging", "stg_figures"), ("reference", "indicators"),
            ("reference", "zones"), ("intermediate", "int_figures_mapped")} <= objects  # fmt: skip
    views = {n for (n,) in q(warehouse, "select view_name from duckdb_views() where schema_name = 'staging'")}
    assert views == {"stg_articles", "stg_figures", "stg_quarantined_articles"}


def test_only_current_versions_feed_the_marts(warehouse):
    n_reported = one(warehouse, "select count(*) from marts.fct_indicator_value where not is_derived")[0]
    assert n_reported == current_figure_count()
    assert q(warehouse, "select count(*) from marts.fct_indicator_value where value in (9.999e11, 8.888e11)") == [(0,)]
    assert q(warehouse, "select article_id from marts.dim_article order by 1") == [(a,) for a in (*GOLD_IDS, EDITED)]
    history = q(
        warehouse, "select article_id, content_hash, status, n_figures from marts.article_history order by 1, 2"
    )
    assert (EDITED, "v1", "superseded", 1) in history
    assert (DELETED, "d1", "deleted", 1) in history
    assert (EDITED, "v2", "current", N_EXTRA) in history
    article = "select n_versions, source, published_inferred from marts.dim_article where article_id = ?"
    assert one(warehouse, article, [EDITED]) == (2, "北仑区统计局", False)


def test_quarantined_articles_are_exposed(warehouse):
    assert q(warehouse, "select source_file, reason from marts.quarantined_articles") == [("bad.txt", "binary")]


# ---------------------------------------------------------------- keys and dimensions


def test_keys_are_stable_hashes_of_codes(warehouse):
    gdp = figure(warehouse, "003_e40ad7c70a5ae01c#55")
    assert gdp["indicator_key"] == md5("indicator:gdp")
    assert gdp["zone_key"] == md5("zone:beilun")
    assert gdp["article_key"] == md5("article:003_e40ad7c70a5ae01c")
    indicator = "select code, name_en from marts.dim_indicator where indicator_key = ?"
    assert one(warehouse, indicator, [md5("indicator:gdp")]) == ("gdp", "Gross domestic product")


def test_no_fact_row_has_an_orphan_key(warehouse):
    for fact in ("fct_indicator_value", "fct_indicator_latest"):
        orphans = q(
            warehouse,
            f"""
            select count(*) from marts.{fact} f
            left join marts.dim_article a using (article_key)
            left join marts.dim_indicator i using (indicator_key)
            left join marts.dim_zone z using (zone_key)
            left join marts.dim_year y using (year)
            where a.article_key is null or i.indicator_key is null or z.zone_key is null or y.year is null""",
        )
        assert orphans == [(0,)], fact
        assert one(warehouse, f"select count(*) from marts.{fact}")[0] > 100


def test_zone_dimension_has_hierarchy_and_unknown_rows(warehouse):
    beilun = "select path_zh, path_en, hierarchy_level, zone_type, parent_code, district_code "
    assert one(warehouse, beilun + "from marts.dim_zone where code = 'beilun'") == (
        "中国 > 浙江省 > 宁波市 > 北仑区",
        "China > Zhejiang Province > Ningbo > Beilun District",
        4,
        "district",
        "ningbo",
        "beilun",
    )
    meishan = "select path_zh, hierarchy_level, district_code from marts.dim_zone where code = 'meishan'"
    assert one(warehouse, meishan) == ("中国 > 浙江省 > 宁波市 > 北仑区 > 梅山", 5, "beilun")
    assert one(warehouse, "select hierarchy_level, parent_zone_key from marts.dim_zone where code = 'china'") == (
        1,
        None,
    )
    unmapped = q(warehouse, "select name_zh, is_mapped from marts.dim_zone where code is null order by 1")
    assert unmapped == [("(unknown)", False), ("云南省", False), ("火星", False)]


def test_indicator_dimension_has_dictionary_and_unmapped_rows(warehouse):
    n_dict = one(warehouse, "select count(*) from reference.indicators")[0]
    assert one(warehouse, "select count(*) from marts.dim_indicator where is_mapped")[0] == n_dict
    fai = "select kind, unit from marts.dim_indicator where code = 'fixed_asset_investment'"
    assert one(warehouse, fai) == ("flow", "CNY")
    phrases = {p for (p,) in q(warehouse, "select indicator_phrase from marts.dim_indicator where not is_mapped")}
    assert {"跨境电商新业态企业", "某新指标", "新增规模以上工业企业", "获批国家部委试点数量"} <= phrases


def test_year_dimension_spans_the_figures_with_five_year_plans(warehouse):
    years = [y for (y,) in q(warehouse, "select year from marts.dim_year order by year")]
    assert years == list(range(2002, 2028))
    plan = "select five_year_plan, five_year_plan_label, year_of_plan from marts.dim_year where year = ?"
    assert one(warehouse, plan, [2024]) == ("十四五", "十四五 2021-2025", 4)
    assert one(warehouse, plan, [2002]) == ("十五", "十五 2001-2005", 2)
    assert one(warehouse, plan, [2027])[0] == "十五五"


# ---------------------------------------------------------------- mapping


def test_indicator_mapping_is_the_extractors(warehouse):
    """dbt maps no phrase: the extractor's code when the dictionary has it, else unmapped (one mapper)."""
    cases = {
        0: ("gdp", "extractor"),  # 全区地区生产总值
        2: ("container_throughput", "extractor"),
        4: (None, "unmapped"),
        8: (None, "unmapped"),  # 出口 is in the phrase, but a count of cars is no export value
        9: (None, "unmapped"),  # 新增… is not the stock of enterprises
        10: ("retail_sales", "extractor"),
        11: (None, "unmapped"),  # bogus_code: not a code of the dictionary
        12: ("foreign_trade_total", "extractor"),
        13: ("exports", "extractor"),
        16: ("cross_border_ecommerce_imports", "extractor"),  # more specific than imports (进口额)
        17: (None, "unmapped"),  # the pipeline's own extractor read 对欧盟 as a part, not exports
    }
    for seq, expected in cases.items():
        f = figure(warehouse, f"{EDITED}#{seq}")
        assert (f["indicator_code"], f["indicator_mapping"]) == expected, (seq, f["indicator"])
    assert figure(warehouse, f"{EDITED}#11")["extractor_indicator_code"] == "bogus_code"
    assert figure(warehouse, "003_e40ad7c70a5ae01c#65")["indicator_code"] == "industrial_output_above_scale"
    mappings = {m for (m,) in q(warehouse, "select distinct indicator_mapping from marts.fct_indicator_value")}
    assert mappings <= {"extractor", "unmapped", "correction"}


def test_mapping_agrees_with_gold_codes(warehouse):
    rows = q(
        warehouse,
        "select indicator_code, extractor_indicator_code from marts.fct_indicator_value "
        "where article_id in (?, ?) and not is_derived",
        list(GOLD_IDS),
    )
    assert len(rows) == current_figure_count() - N_EXTRA
    assert [r for r in rows if r[0] != r[1]] == []


def test_zone_mapping(warehouse):
    f5 = figure(warehouse, f"{EDITED}#5")
    assert (f5["zone_code"], f5["zone_mapping"]) == ("beilun", "alias")
    f4, f6 = figure(warehouse, f"{EDITED}#4"), figure(warehouse, f"{EDITED}#6")
    assert (f4["zone_code"], f4["zone_mapping"]) == (None, "missing")
    assert (f6["zone_code"], f6["zone_mapping"]) == (None, "unmapped")
    assert f4["zone_key"] == md5("zone-phrase:")
    assert figure(warehouse, f"{EDITED}#2")["zone_code"] == "ningbo_zhoushan_port"
    f11 = figure(warehouse, f"{EDITED}#11")
    assert (f11["zone_code"], f11["zone_mapping"]) == (None, "unmapped")


def test_unmapped_indicators_are_listed_with_counts(warehouse):
    listed = q(
        warehouse,
        "select indicator_phrase, n_figures, n_articles, units, extractor_codes from marts.unmapped_indicators",
    )
    rows = {r[0]: r[1:] for r in listed}
    assert rows["区级关键核心技术攻关专项资金(每年)"] == (2, 1, "CNY", None)
    assert rows["某新指标"] == (1, 1, "count", "bogus_code")
    n_unmapped = one(
        warehouse,
        "select count(*) from marts.fct_indicator_value where indicator_mapping = 'unmapped' and not is_derived",
    )[0]
    assert sum(r[0] for r in rows.values()) == n_unmapped


# ---------------------------------------------------------------- periods, status, links


def test_period_labels(warehouse):
    labels = {
        "000_0ffcbe62cd3a376b#1": ("2024H1", "half"),
        "003_e40ad7c70a5ae01c#54": ("2002", "year"),
        "003_e40ad7c70a5ae01c#62": ("2003-2022", "years"),
        "003_e40ad7c70a5ae01c#56": ("2002-2022", "years"),
        f"{EDITED}#4": ("2024Q1-Q3", "quarters"),
        f"{EDITED}#5": ("2024Q1", "quarter"),
        f"{EDITED}#6": ("2024M01-M05", "months"),
        f"{EDITED}#8": ("2024-12-31", "day"),
    }
    for figure_id, expected in labels.items():
        f = figure(warehouse, figure_id)
        assert (f["period_label"], f["period_type"]) == expected, (figure_id, f["text"])
    assert figure(warehouse, "003_e40ad7c70a5ae01c#56")["year"] == 2022


def test_observation_status(warehouse):
    inferred = figure(warehouse, f"{EDITED}#7")
    assert (inferred["obs_status"], inferred["period_start"], inferred["period_end"], inferred["period_label"]) == (
        "inferred_period",
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        "2025",
    )
    assert figure(warehouse, f"{EDITED}#15")["obs_status"] == "planned"
    assert figure(warehouse, "000_0ffcbe62cd3a376b#47")["obs_status"] == "planned"  # LNG 1200万吨, 2025 year end
    assert figure(warehouse, "000_0ffcbe62cd3a376b#1")["obs_status"] == "reported"
    statuses = dict(q(warehouse, "select obs_status, count(*) from marts.fct_indicator_value group by 1"))
    assert set(statuses) == {"reported", "inferred_period", "planned", "derived"}


def test_part_of_links_to_the_total(warehouse):
    assert figure(warehouse, f"{EDITED}#13")["part_of_figure_id"] == f"{EDITED}#12"
    assert figure(warehouse, f"{EDITED}#14")["part_of_figure_id"] == f"{EDITED}#12"
    # gold: 其中进口额211.41亿元 is part of 597.7亿元 (by text)
    imports = one(warehouse, "select part_of_figure_id from marts.fct_indicator_value where text = '211.41亿元'")[0]
    assert figure(warehouse, imports)["text"] == "597.7亿元"


# ---------------------------------------------------------------- derived figures


def test_base_level_implied_by_a_multiple_and_by_a_cagr(warehouse):
    # 外贸进出口总额4518.6亿元 (2022), 比2002年扩大16.5倍, 年均增长15%: no 2002 level reported
    rows = q(
        warehouse,
        """
        select derivation_method, value, period_label, qualifier, text
        from marts.fct_indicator_value
        where is_derived and indicator_code = 'foreign_trade_total' and measure = 'level' order by 1""",
    )
    assert [(m, p, ql, t) for m, _, p, ql, t in rows] == [
        ("level_from_cagr", "2002", "approx", "15%"),
        ("level_from_multiple", "2002", "approx", "16.5倍"),
    ]
    assert rows[0][1] == pytest.approx(4518.6e8 / 1.15**20)
    assert rows[1][1] == pytest.approx(4518.6e8 / 16.5)
    # no base derived where the article reports both ends (GDP 207 → 2630, 扩大12.7倍)
    gdp_levels = "select count(*) from marts.fct_indicator_value where is_derived and indicator_code = 'gdp' "
    assert q(warehouse, gdp_levels + "and measure = 'level'") == [(0,)]
    port = one(
        warehouse,
        "select value, period_label, derived_from from marts.fct_indicator_value "
        "where is_derived and indicator_code = 'container_throughput'",
    )
    assert port == (pytest.approx(1.5e7), "2014", f"{EDITED}#2,{EDITED}#3")


def test_yearly_average_growth_from_two_levels(warehouse):
    derived = q(
        warehouse,
        "select article_id, indicator_code, value from marts.fct_indicator_value "
        "where derivation_method = 'cagr_from_levels'",
    )
    rows = {(a, c): v for a, c, v in derived}
    gold = "003_e40ad7c70a5ae01c"
    assert rows[(gold, "gdp")] == pytest.approx(((2630 / 207) ** (1 / 20) - 1) * 100)
    assert rows[(gold, "patents_granted")] == pytest.approx(((6613 / 254) ** (1 / 19) - 1) * 100)
    assert rows[(EDITED, "gdp")] == pytest.approx(((2700 / 207) ** (1 / 20) - 1) * 100)
    # the article states 年均增长16.3% for industrial output: nothing derived for that span
    assert (gold, "industrial_output_above_scale") not in rows
    gdp = one(
        warehouse,
        "select obs_status, period_label, unit, year, derived_from from marts.fct_indicator_value "
        "where derivation_method = 'cagr_from_levels' and indicator_code = 'gdp' and article_id = ?",
        [gold],
    )
    assert gdp == ("derived", "2002-2022", "percent", 2022, f"{gold}#54,{gold}#55")


# ---------------------------------------------------------------- latest values


def test_latest_value_and_disagreement(warehouse):
    cell = """
        select value, article_id, n_articles, values_disagree, min_value, max_value, article_ids
        from marts.fct_indicator_latest
        where indicator_code = 'gdp' and zone_code = 'beilun' and measure = 'level' and period_label = ?"""
    assert one(warehouse, cell, ["2022"]) == (
        2.7e11,
        EDITED,
        2,
        True,
        2.63e11,
        2.7e11,
        f"{EDITED},003_e40ad7c70a5ae01c",
    )
    assert one(warehouse, cell, ["2002"])[1:4] == (EDITED, 2, False)
    assert one(warehouse, cell, ["2024H1"]) == (
        1.36556e11,
        "000_0ffcbe62cd3a376b",
        1,
        False,
        1.36556e11,
        1.36556e11,
        "000_0ffcbe62cd3a376b",
    )
    # a derived value fills a cell no article reports, and never outvotes a reported one
    trade_2002 = (
        "select obs_status, n_articles from marts.fct_indicator_latest "
        "where indicator_code = 'foreign_trade_total' and period_label = '2002'"
    )
    assert one(warehouse, trade_2002) == ("derived", 1)
    n_cells = one(
        warehouse,
        "select count(distinct (zone_key, indicator_key, period_start, period_end, measure)) "
        "from marts.fct_indicator_value",
    )[0]
    assert one(warehouse, "select count(*) from marts.fct_indicator_latest")[0] == n_cells


# ---------------------------------------------------------------- documentation and contracts


def test_every_mart_column_carries_its_description(warehouse):
    rows = q(warehouse, "select table_name, column_name, comment from duckdb_columns() where schema_name = 'marts'")
    assert len(rows) > 100
    assert [r for r in rows if not (r[2] or "").strip()] == []
    tables = q(warehouse, "select table_name, comment from duckdb_tables() where schema_name = 'marts'")
    assert [t for t in tables if not (t[1] or "").strip()] == []
    comments = {(t, c): m for t, c, m in rows}
    assert "中国 > 浙江省 > 宁波市 > 北仑区" in comments[("dim_zone", "path_zh")]


def test_docs_generate_and_every_model_and_column_is_documented(warehouse):
    target = dbt(warehouse, "docs", "generate", "--exclude", "path:models/audit")
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    ours = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] in ("model", "seed")
        and node["package_name"] == "beilun"
        and "/audit/" not in node["original_file_path"]
    }
    assert len(ours) >= 20
    missing = []
    for uid, node in ours.items():
        if not node["description"].strip():
            missing.append(uid)
        documented = {c for c, col in node["columns"].items() if col["description"].strip()}
        actual = {c.lower() for c in catalog["nodes"][uid]["columns"]}
        missing += [f"{uid}.{c}" for c in sorted(actual - documented)]
        if node["resource_type"] == "model" and node["config"]["schema"] == "marts":
            assert node["contract"]["enforced"], uid
    assert missing == []


# ---------------------------------------------------------------- one indicator mapper


def test_an_alias_added_to_the_seed_reaches_the_figures_through_the_extractor(warehouse, tmp_path):
    """An alias is the extractor's to apply: the dictionaries are part of its fingerprint, so the
    pipeline extracts every article again when one changes; dbt alone re-matches no phrase."""
    from beilun_etl.extraction import load_dictionaries

    project = tmp_path / "dbt"
    shutil.copytree(DBT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", ".user.yml"))
    csv = project / "seeds" / "indicators.csv"
    rows = csv.read_text(encoding="utf-8").rstrip("\n").splitlines()
    rows.append("cbec_enterprises,跨境电商企业数,Cross-border e-commerce enterprises,count,trade,stock,"
                "跨境电商新业态企业|跨境电商企业")  # fmt: skip
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert load_dictionaries(str(project / "seeds")).indicator_alias["跨境电商新业态企业"] == "cbec_enterprises"
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse, db)  # the same raw figures: nothing is extracted again
    dbt(db, *BUILD, "--full-refresh", project=project)
    f = figure(db, f"{EDITED}#4")
    assert (f["indicator_code"], f["indicator_mapping"]) == (None, "unmapped")
    keys = "select figure_id, indicator_key, zone_key, article_key from marts.fct_indicator_value"
    assert q(db, keys + " order by 1") == q(warehouse, keys + " order by 1")


def test_the_lean_dbt_resource_skips_only_what_it_may():
    """The dbt resource skips `dbt --version` and the in-process adapter (12 s a run): see why it may."""
    from dagster_dbt import DbtCliResource

    from beilun_etl.defs.transform.project import DBT_EXECUTABLE, dbt_cli_resource

    for private in ("_cli_version", "_initialize_dbt_core_adapter"):
        assert private in vars(DbtCliResource), f"dagster-dbt no longer has {private}: revisit LeanDbtCliResource"
    reported = subprocess.run([DBT_EXECUTABLE, "--version"], capture_output=True, text=True, check=True).stdout
    resource = dbt_cli_resource()
    assert f"installed: {resource._cli_version}" in reported, reported
    assert resource._initialize_dbt_core_adapter([]) is None
