"""The marts' rules an analyst relies on, on one fixture warehouse built by a real `dbt build`:
which source is believed (authority, stated date, date), how many figures a cell has and whether
they disagree (one tolerance), the group a rank is taken in, the reading of a multiple, the
district of zones inside Beilun, and which unmapped phrases look like noise.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import duckdb
import pytest
from staging_helpers import DBT_DIR, PROJECT_ROOT, stage

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

BUILD = ("build", "--exclude", "path:models/audit")
TOLERANCE_MACRO = DBT_DIR / "macros" / "disagreement_tolerance.sql"
CROSS_ARTICLE_SUITE = PROJECT_ROOT / "expectations" / "growth_cross_article_agreement.json"


def dbt_build(db: Path) -> None:
    env = os.environ | {"BEILUN_BUILD_WAREHOUSE": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    cmd = [str(PROJECT_ROOT / ".venv" / "bin" / "dbt"), *BUILD, "--project-dir", str(DBT_DIR),
           "--profiles-dir", str(DBT_DIR), "--target-path", str(db.parent / "target")]  # fmt: skip
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"dbt build failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}"


def fig(article: str, seq: int, text: str, indicator: str | None, measure: str, value: float, unit: str,
        start: str, end: str, sentence: str | None = None, code: str | None = None, zone: str = "beilun") -> dict:  # fmt: skip
    return {"article_id": article, "figure_seq": seq, "text": text, "sentence": sentence or f"{indicator}{text}",
            "char_start": seq * 20, "char_end": seq * 20 + len(text), "indicator": indicator,
            "indicator_code": code, "zone": zone, "measure": measure, "value": value, "unit": unit,
            "qualifier": "exact", "period_start": start, "period_end": end}  # fmt: skip


Y2022 = ("2022-01-01", "2022-12-31")
Y2021 = ("2021-01-01", "2021-12-31")
Y2020 = ("2020-01-01", "2020-12-31")

ARTICLES = [
    {"article_id": "a_news", "published": "2023-09-15", "title": "北仑经济观察", "source_type": "news"},
    {"article_id": "b_undated", "published": "2023-12-31", "published_inferred": True, "title": "北仑发展综述"},
    {"article_id": "c_bulletin", "published": "2023-03-01", "title": "北仑区2022年国民经济和社会发展统计公报"},
    {"article_id": "d_declared", "published": "2023-04-01", "title": "解读北仑区2022年统计公报", "source_type": "News"},
    {"article_id": "e_bogus", "published": "2023-05-01", "title": "一篇报道", "source_type": "bulletin"},
    {
        "article_id": "f_byline",
        "published": "2023-06-01",
        "title": "数说北仑",
        "cleaned_text": "数说北仑\n\n北仑区统计局\n\n2022年，全区经济稳中有进。",
    },
    {"article_id": "g_ranks", "published": "2024-01-10", "title": "排名"},
    {"article_id": "h_multiples", "published": "2023-02-01", "title": "二十年", "source_type": "report"},
]


def gdp(article: str, seq: int, value: float, period: tuple[str, str]) -> dict:
    return fig(article, seq, f"{value / 1e8:g}亿元", "地区生产总值", "level", value, "CNY", *period, code="gdp")


FIGURES = [
    # 2022: three sources; the bulletin (authority) is believed although it is the earliest
    gdp("a_news", 0, 2.64e11, Y2022),
    gdp("b_undated", 0, 2.65e11, Y2022),
    gdp("c_bulletin", 0, 2.63e11, Y2022),
    # 2020: a stated 2023-09-15 beats an inferred 2023-12-31; 0.4 % apart agree (tolerance 0.5 %)
    gdp("a_news", 1, 2.400e11, Y2020),
    gdp("b_undated", 1, 2.410e11, Y2020),
    # 2021: the releases (sidecar, byline) against the others
    gdp("a_news", 4, 2.500e11, Y2021),
    gdp("b_undated", 4, 2.510e11, Y2021),
    # one article, one cell, two units (CNY and 亩)
    fig("b_undated", 2, "5亿元", "土地整治项目", "level", 5e8, "CNY", *Y2022),
    fig("b_undated", 3, "695亩", "土地整治项目", "level", 695, "mu", *Y2022),
    gdp("d_declared", 0, 2.63e11, Y2021),
    gdp("e_bogus", 0, 2.63e11, Y2021),
    gdp("f_byline", 0, 2.63e11, Y2021),
    # ranks
    fig(
        "g_ranks",
        0,
        "4个",
        "试点地区",
        "level",
        4,
        "count",
        *Y2022,
        sentence="跨境贸易试点业务规模居全国4个试点地区首位",
        zone="china",
    ),
    fig(
        "g_ranks",
        1,
        "首位",
        "跨境贸易试点业务规模",
        "rank",
        1,
        "rank",
        *Y2022,
        sentence="跨境贸易试点业务规模居全国4个试点地区首位",
    ),
    fig("g_ranks", 2, "10项", "总量指标", "level", 10, "count", *Y2022, sentence="10项总量指标继续保持宁波市第一"),
    fig("g_ranks", 3, "宁波市第一", "总量指标", "rank", 1, "rank", *Y2022, sentence="10项总量指标继续保持宁波市第一"),
    fig(
        "g_ranks",
        4,
        "世界第一",
        "货物吞吐量",
        "rank",
        1,
        "rank",
        *Y2022,
        sentence="宁波舟山港货物吞吐量连续14年位居世界第一",
        zone="ningbo_zhoushan_port",
    ),
    fig("g_ranks", 5, "全省第一", "规上工业总产值", "rank", 1, "rank", *Y2022, sentence="北仑位居全省第一"),
    fig("g_ranks", 6, "第19位", "百强区排名", "rank", 19, "rank", *Y2022, sentence="北仑上榜500强,位居第19位"),
    fig(
        "g_ranks",
        7,
        "第三",
        "港口吞吐量",
        "rank",
        3,
        "rank",
        *Y2022,
        sentence="穿山港区吞吐量在全市十一个港区中排名第三",
        zone="chuanshan",
    ),
    # multiples: 254 → 6613 with 增长25倍 is ×26.0 (increase); 207 → 2630 with 12.7倍 (times)
    fig(
        "h_multiples",
        0,
        "254件",
        "专利授权量",
        "level",
        254,
        "count",
        "2003-01-01",
        "2003-12-31",
        code="patents_granted",
    ),
    fig("h_multiples", 1, "6613件", "专利授权量", "level", 6613, "count", *Y2022, code="patents_granted"),
    fig(
        "h_multiples",
        2,
        "25倍",
        "专利授权量",
        "multiple",
        25,
        "times",
        "2003-01-01",
        "2022-12-31",
        code="patents_granted",
    ),
    fig("h_multiples", 3, "207亿元", "地区生产总值", "level", 2.07e10, "CNY", "2002-01-01", "2002-12-31", code="gdp"),
    fig("h_multiples", 4, "2630亿元", "地区生产总值", "level", 2.63e11, "CNY", *Y2022, code="gdp"),
    fig("h_multiples", 5, "12.7倍", "地区生产总值", "multiple", 12.7, "times", "2002-01-01", "2022-12-31", code="gdp"),
    # exports: 2022 level, 增长9倍 and 25.9 % a year over 2012-2022: (1.259)^10 = 10.0, so increase (×10)
    fig("h_multiples", 6, "1000亿元", "出口额", "level", 1e11, "CNY", *Y2022, code="exports"),
    fig("h_multiples", 7, "9倍", "出口额", "multiple", 9, "times", "2012-01-01", "2022-12-31", code="exports"),
    fig("h_multiples", 8, "25.9%", "出口额", "cagr_pct", 25.9, "percent", "2012-01-01", "2022-12-31", code="exports"),
    # imports: a multiple and one level, nothing decides the reading
    fig("h_multiples", 9, "500亿元", "进口额", "level", 5e10, "CNY", *Y2022, code="imports"),
    fig("h_multiples", 10, "5倍", "进口额", "multiple", 5, "times", "2012-01-01", "2022-12-31", code="imports"),
    # unmapped phrases: noise and dictionary gaps
    fig("h_multiples", 11, "3亿元", "作", "level", 3e8, "CNY", *Y2022),
    fig("h_multiples", 12, "12家", "国家级", "level", 12, "count", *Y2022),
    fig("h_multiples", 13, "3个", "百地年", "level", 3, "count", *Y2022),
    fig("h_multiples", 14, "45项", "技术合同成交额", "level", 45, "count", *Y2022),
    fig("h_multiples", 15, "9家", "众创空间", "level", 9, "count", *Y2022),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("marts_rules") / "warehouse.duckdb"
    stage(db, ARTICLES, FIGURES)
    dbt_build(db)
    return db


def q(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


LATEST = """
    select article_id, value, source_type, published_inferred, n_articles, n_figures, units_differ, values_disagree
    from marts.fct_indicator_latest where indicator_code = 'gdp' and zone_code = 'beilun' and measure = 'level'
      and period_label = ?"""


def test_an_official_statistical_release_outranks_later_sources(warehouse):
    assert q(warehouse, LATEST, ["2022"]) == [
        ("c_bulletin", 2.63e11, "statistical_release", False, 4, 4, False, True)  # 2.63 vs 2.65: 0.75 % apart
    ]
    assert q(warehouse, "select article_ids from marts.fct_indicator_latest where figure_id = 'c_bulletin#0'") == [
        ("c_bulletin,a_news,h_multiples,b_undated",)
    ]


def test_a_stated_date_outranks_an_inferred_one_and_0_4_percent_agree(warehouse):
    # a_news (stated 2023-09-15) before b_undated (inferred 2023-12-31, the later date);
    # 2.40e11 and 2.41e11 are 0.4 % apart: within the tolerance (at 0.1 % they would disagree)
    assert q(warehouse, LATEST, ["2020"]) == [("a_news", 2.4e11, "news", False, 2, 2, False, False)]
    # 2021: the byline's bureau makes f_byline a statistical release; of the two releases
    # (f_byline 2023-06-01, the sidecar-less 统计公报 title of d_declared is overruled by its sidecar) it is the one
    rows = q(warehouse, LATEST, ["2021"])
    assert rows == [("f_byline", 2.63e11, "statistical_release", False, 5, 5, False, True)]


def test_two_figures_of_one_article_in_two_units(warehouse):
    rows = q(
        warehouse,
        "select l.n_articles, l.n_figures, l.units_differ, l.values_disagree from marts.fct_indicator_latest as l "
        "join marts.dim_indicator as i using (indicator_key) where i.indicator_phrase = '土地整治项目'",
    )
    assert rows == [(1, 2, True, True)]


def test_source_types_from_sidecar_title_and_byline(warehouse):
    rows = dict(
        q(
            warehouse,
            "select article_id, source_type || '/' || coalesce(source_type_declared, '') from marts.dim_article",
        )
    )
    assert rows == {
        "a_news": "news/news",
        "b_undated": "unspecified/",
        "c_bulletin": "statistical_release/",  # 统计公报 in the title
        "d_declared": "news/news",  # the sidecar's word wins over the title
        "e_bogus": "unspecified/bulletin",  # a word the seed lacks: kept, and recognised instead
        "f_byline": "statistical_release/",  # 北仑区统计局 as byline
        "g_ranks": "unspecified/",
        "h_multiples": "report/report",
    }


def test_the_tolerance_has_one_home():
    """The marts and the check read one number: the check bounds what exceeds the macro's tolerance by 0."""
    macro = TOLERANCE_MACRO.read_text(encoding="utf-8")
    assert re.search(r"macro disagreement_tolerance\(\) -%}\s*0\.005\s*{%- endmacro", macro)
    suite = json.loads(CROSS_ARTICLE_SUITE.read_text(encoding="utf-8"))
    kwargs = suite["expectations"][0]["kwargs"]
    assert kwargs == {"column": "beyond_tolerance", "min_value": 0, "max_value": 0}
    audit = (DBT_DIR / "models" / "audit" / "audit_cross_article.sql").read_text(encoding="utf-8")
    latest = (DBT_DIR / "models" / "intermediate" / "int_indicator_latest.sql").read_text(encoding="utf-8")
    assert "{{ disagreement_tolerance() }}" in audit and "{{ disagreement_tolerance() }}" in latest
    assert not re.search(r"0\.00[15]", audit + latest)


def test_ranks_name_their_group(warehouse):
    rows = dict(
        ((text, (scope, of)) for text, scope, of in q(
            warehouse, "select text, rank_scope, rank_of from marts.fct_indicator_value where measure = 'rank'"
        ))
    )  # fmt: skip
    assert rows == {
        "首位": ("china", 4),  # 居全国4个试点地区首位
        "宁波市第一": ("ningbo", None),
        "世界第一": ("world", None),
        "全省第一": ("zhejiang", None),
        "第19位": (None, None),  # only 北仑, the figure's own zone
        "第三": ("ningbo", 11),  # 全市 of 穿山港区 is Ningbo; 十一个港区
    }
    latest = q(warehouse, "select rank_scope, rank_of from marts.fct_indicator_latest where figure_id = 'g_ranks#1'")
    assert latest == [("china", 4)]
    # the group size is no level of its own; 10项 (what ranks first) stays a figure
    levels = {t for (t,) in q(warehouse, "select text from marts.fct_indicator_value where article_id = 'g_ranks'")}
    assert "4个" not in levels and "10项" in levels
    assert q(warehouse, "select name_zh, zone_type from marts.dim_zone where code = 'world'") == [("世界", "world")]


def test_multiples_say_which_reading_the_article_supports(warehouse):
    rows = dict(
        q(warehouse, "select indicator_code, multiple_basis from marts.fct_indicator_value where measure = 'multiple'")
    )
    assert rows == {"patents_granted": "increase", "gdp": "times", "exports": "increase", "imports": None}
    derived = {
        code: (basis, value)
        for code, basis, value in q(
            warehouse,
            "select indicator_code, multiple_basis, value from marts.fct_indicator_value "
            "where derivation_method = 'level_from_multiple'",
        )
    }
    assert derived["exports"] == ("increase", pytest.approx(1e10))  # 1000亿元 / (9 + 1)
    assert derived["imports"] == ("times", pytest.approx(1e10))  # 500亿元 / 5: nothing decides, N times


def test_zones_inside_beilun_have_its_district_code(warehouse):
    rows = dict(q(warehouse, "select code, district_code from marts.dim_zone where is_mapped"))
    assert {rows[c] for c in ("chuanshan", "beilun_port_area", "zj_ftz_ningbo", "meishan", "beilun")} == {"beilun"}
    assert rows["ningbo_zhoushan_port"] is None and rows["zhenhai"] == "zhenhai"


def test_unmapped_phrases_that_look_like_noise(warehouse):
    rows = {p: (noise, reason) for p, noise, reason in q(
        warehouse, "select indicator_phrase, looks_like_noise, noise_reason from marts.unmapped_indicators")}  # fmt: skip
    assert rows["作"][0] and rows["国家级"][0] and rows["百地年"][0] and rows["技术合同成交额"][0]
    assert "single character" in rows["作"][1] and "level label" in rows["国家级"][1]
    assert "unit contradicts" in rows["技术合同成交额"][1]
    assert rows["众创空间"] == (False, None)
    assert "试点地区" not in rows  # the group size of a rank is no figure
    titles = q(
        warehouse, "select example_article_title from marts.unmapped_indicators where indicator_phrase = '众创空间'"
    )
    assert titles == [("二十年",)]
