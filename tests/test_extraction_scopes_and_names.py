"""How real statistical texts name an indicator once and then short, or under a scope stated elsewhere:
a table's caption (规模以上工业增加值(亿元) over 工业增加值总计 and 轻工业), a scope word in the clause
(规上工业…完成工业增加值), a name in brackets (…的比重(即城镇化率)), a short name (其中10月份增加值),
a list dropping the head its first item carries (规上工业总产值、增加值). Each case says which
indicator code (or words) a figure gets; the controls say which must stay as they are."""

from __future__ import annotations

import datetime as dt

import pytest

from beilun_etl.extraction import clean_text, extract_figures

PUBLISHED = dt.date(2024, 12, 31)


def _figure(text: str, figure: str) -> dict:
    records = extract_figures("t", clean_text(text), PUBLISHED)
    found = [r for r in records if r["text"] == figure]
    assert found, f"{figure!r} not among {[r['text'] for r in records]}"
    return found[0]


CODES = [
    # a whitespace table under its caption, 在总计中: rows part of the total
    (
        "规模以上工业增加值(亿元)11月同比±%1-11月同比±%\n工业增加值总计333.4 4.0 3400.6 6.7\n"
        "在总计中:轻工业94.7 5.8 913.7 3.2\n重工业238.7 3.3 2486.9 8.1\n",
        "3400.6",
        "industrial_value_added_above_scale",
    ),
    ("全部规上工业1-10月实际完成工业增加值252.5亿元，增幅-0.3%。", "252.5亿元", "industrial_value_added_above_scale"),
    ("城镇人口占总人口的比重(即城镇化率)为80.9%，提高1.0个百分点。", "80.9%", "urbanization_rate"),
    ("城镇人口占总人口的比重(即城镇化率)为80.9%，提高1.0个百分点。", "1.0个百分点", "urbanization_rate"),
    ("全市规模以上工业增加值同比增长3.4%，其中10月份增加值同比增长7.3%。", "7.3%", "industrial_value_added_above_scale"),
    (
        "高新技术产业增加值占规模以上工业增加值的比重为24.5%，占比较上年提高1.2个百分点。",
        "1.2个百分点",
        "high_tech_industry_share",
    ),
    ("今年以来，规上工业总产值、增加值分别增长51.5%、49.1%。", "49.1%", "industrial_value_added_above_scale"),
    ("今年以来，规上工业总产值、增加值分别增长51.5%、49.1%。", "51.5%", "industrial_output_above_scale"),
    ("第一、二、三产业增加值分别为2332334亿元，分别增长4.2%、5.0%、6.7%。", "5.0%", "value_added_secondary"),
    ("全区实现地区生产总值(GDP)2382.50亿元,按可比价计算(下同)比上年增长8.0%。", "8.0%", "gdp"),
    ("2019年，全市户籍人均生产总值为141647元，比上年增长4.8%。", "141647元", "gdp_per_capita"),
    # controls: what the rules must leave alone
    ("全市进口、出口分别增长5.2%和3.1%。", "3.1%", "exports"),
    ("全年货物进出口总额1.3万亿元，其中出口8000亿元。", "8000亿元", "exports"),
    ("全年工业增加值1200亿元，增长5.0%。", "1200亿元", "industrial_value_added"),
]


@pytest.mark.parametrize(("text", "figure", "code"), CODES, ids=[f"{c[1]}-{c[2]}" for c in CODES])
def test_the_figure_gets_the_indicator_its_text_names(text, figure, code):
    assert _figure(text, figure)["indicator_code"] == code


def test_a_part_under_a_caption_is_named_with_the_caption_and_has_no_code():
    text = "规模以上工业增加值(亿元)11月1-11月\n工业增加值总计333.4 3400.6\n在总计中:轻工业94.7 913.7\n有限责任公司78.8 820.3\n"
    light = _figure(text, "94.7")
    assert (light["indicator"], light["indicator_code"]) == ("轻工业规模以上工业增加值", None)
    assert light["trace"]["indicator"] == "caption_scope"
    assert _figure(text, "78.8")["indicator"] == "有限责任公司规模以上工业增加值"  # not 限责任公司: 有 is no lead-in here


def test_a_caption_without_an_indicator_leaves_row_labels_alone():
    text = "2024年北仑区主要经济指标\n|指标|数值|\n|---|---|\n|工业增加值（亿元）|1200.5|\n|出口（亿元）|900.1|\n"
    assert _figure(text, "1200.5")["indicator_code"] == "industrial_value_added"
    assert _figure(text, "900.1")["indicator_code"] == "exports"


COMPARED = [
    # (text, figure, measure, zone, code)
    ("北仑规上工业增加值增长8.5%，快于鄞州的6.1%。", "6.1%", "growth_pct", "yinzhou", "industrial_value_added_above_scale"),
    ("北仑规上工业增加值增长8.5%，高于全市平均的6.1%。", "6.1%", "growth_pct", "ningbo", "industrial_value_added_above_scale"),
    ("镇海同比增长4.2%，远不及余姚的19.7%。", "19.7%", "growth_pct", "yuyao", None),
    ("北仑增长8.5%，鄞州增长6.1%。", "6.1%", "growth_pct", "yinzhou", None),  # control: no comparison
]


@pytest.mark.parametrize(("text", "figure", "measure", "zone", "code"), COMPARED, ids=[c[0][:12] for c in COMPARED])
def test_the_figure_compared_with_is_the_compared_place_s_same_measure(text, figure, measure, zone, code):
    found = _figure(text, figure)
    assert (found["measure"], found["zone"]) == (measure, zone)
    if code:
        assert found["indicator_code"] == code


def test_the_rows_under_a_row_with_a_unit_stand_in_that_unit():
    text = "|指标名称|本年实绩|同比增长(%)|\n|---|---|---|\n|生产总值(亿元)|3964.1|10.1|\n|第一产业|167.4|4.1|\n|第二产业|2196.7|10.0|\n"
    assert (_figure(text, "167.4")["value"], _figure(text, "167.4")["unit"]) == (16740000000, "CNY")
    assert _figure(text, "4.1")["measure"] == "growth_pct"


@pytest.mark.parametrize("verb", ["稳坐", "蝉联", "高居", "穩坐"])
def test_more_verbs_place_a_figure_at_a_rank(verb):
    found = _figure(f"宁波舟山港货物吞吐量连续多年{verb}全球榜首。", f"{verb}全球榜首")
    assert (found["measure"], found["value"]) == ("rank", 1)


LISTS = [
    ("经济指标方面，外贸进出口总额、实际利用外资分别位列全国第三。", "全国第三", "foreign_trade_total"),
    ("固定资产投资、工业投资、服务业投资均增长12%左右。", "12%左右", "fixed_asset_investment"),
    (
        "1-5月，数字经济核心产业(制造业)、战略性新兴产业、高技术制造业分别实现规上工业增加值21.1亿元、41.1亿元、8.6亿元。",
        "41.1亿元",
        "strategic_emerging_value_added",
    ),
    ("全区年均增长6%。", "6%", None),  # control: 年均 is no 均 of a list
]


@pytest.mark.parametrize(("text", "figure", "code"), LISTS, ids=[c[1] for c in LISTS])
def test_values_after_a_list_of_indicators(text, figure, code):
    assert _figure(text, figure)["indicator_code"] == code


NAMES_WITH_VERBS = [
    ("一季度，全市规模以上工业企业完成总产值2605.6亿元。", "2605.6亿元", "industrial_output_above_scale"),
    ("3月份规上工业完成总产值1033.9亿元，同比增长5.3%。", "5.3%", "industrial_output_above_scale"),
    ("城鄉居民人均可支配收入74289元，比上年增長5%。", "74289元", "disposable_income"),  # 城乡 alone: all residents
    ("城乡居民人均可支配收入分别为8.2万元和5.1万元。", "5.1万元", "disposable_income_rural"),
    (
        "城镇和农村居民人均可支配收入达到73860元和42794元，增长5.4%和7.1%；"
        "金融机构本外币存贷款余额分别为8837亿元和10972亿元，增长16.3%和11.8%。",
        "11.8%",
        "loans_balance",
    ),
]


@pytest.mark.parametrize(("text", "figure", "code"), NAMES_WITH_VERBS, ids=[c[1] for c in NAMES_WITH_VERBS])
def test_names_with_a_verb_inside_and_lists_in_later_clauses(text, figure, code):
    assert _figure(text, figure)["indicator_code"] == code


def test_a_quoted_target_is_a_figure_and_a_quoted_name_is_not():
    assert _figure("报告建议把“生产总值增长5.5%左右”作为主要预期目标。", "5.5%左右")["indicator_code"] == "gdp"
    assert extract_figures("t", clean_text("全面落实“外资十条”。"), PUBLISHED) == []


def test_a_number_written_with_its_minus_keeps_it():
    assert _figure("前三季度除第一季度负增长-25.1%外，四月份以来增幅转正。", "-25.1%")["value"] == -25.1
    assert _figure("进口下降3.5%。", "3.5%")["value"] == -3.5


def test_points_written_once_after_a_list():
    first = _figure("利润和利税降幅比1-2月分别缩小7.9个和0.6个百分点。", "7.9个")
    assert (first["measure"], first["unit"]) == ("pct_points", "pct_point")
    assert _figure("新增企业12个，项目3个。", "12个")["unit"] == "count"  # control
