import datetime as dt

import pytest

from beilun_etl.extraction.numbers import parse_number
from tests.extraction_helpers import by_text, figures


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", 1234.5),
        ("1365.56", 1365.56),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三千五百", 3500),
        ("一万二千", 12000),
        ("三十二点五", 32.5),
        ("一百零五", 105),
        ("亿", 100_000_000),  # 超亿元: no digit before the big unit is one of it
        ("万亿", 1_000_000_000_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_multipliers_and_thousands_separators():
    records = figures("全区实现地区生产总值1365.56亿元，外贸进出口总额1.2万亿元，企业1,234家，人口6.3万人。")
    assert by_text(records, "1365.56亿元")["value"] == 136556000000
    assert by_text(records, "1.2万亿元")["value"] == 1.2e12
    assert by_text(records, "1,234家")["value"] == 1234
    assert by_text(records, "6.3万人") == {**by_text(records, "6.3万人"), "value": 63000, "unit": "person"}


def test_full_width_digits_and_traditional_multipliers():
    records = figures(
        "去年，寧波舟山港完成貨物吞吐量１２．６億噸，集裝箱吞吐量3335萬標準箱。",
        published=dt.date(2023, 1, 12),
    )
    cargo = by_text(records, "１２．６億噸")
    assert (cargo["value"], cargo["unit"]) == (1260000000, "tonne")
    teu = by_text(records, "3335萬標準箱")
    assert (teu["value"], teu["unit"]) == (33350000, "TEU")


def test_chinese_numerals_as_figures():
    records = figures("今年上半年，研发投入同比增长百分之十二，两家链主企业合计实现产值三千五百万元，约占全市的三成。")
    assert by_text(records, "百分之十二")["value"] == 12
    assert by_text(records, "两家")["value"] == 2
    assert by_text(records, "三千五百万元")["value"] == 35000000
    assert by_text(records, "三成")["value"] == 30


def test_multiple_and_points():
    records = figures("出口额比2019年扩大12.7倍，增速比上半年提高0.2个百分点，增长近一倍。")
    assert by_text(records, "12.7倍")["measure"] == "multiple"
    assert by_text(records, "0.2个百分点")["unit"] == "pct_point"
    near = by_text(records, "近一倍")
    assert (near["value"], near["qualifier"], near["measure"]) == (1, "approx", "multiple")


def test_bare_multiplier_takes_the_unit_of_its_indicator():
    records = figures("北仑区常住人口约85万，全年接待游客突破500万，财政总收入达905.4亿。全年增长3万。")
    assert [(r["text"], r["unit"], r["value"]) for r in records] == [
        ("约85万", "person", 850000),
        ("突破500万", "person", 5000000),
        ("905.4亿", "CNY", 90540000000),
    ]
    bare = figures("项目建成后年产值可达1.2亿。")[0]  # an amount of money the dictionary lacks
    assert (bare["text"], bare["unit"], bare["value"], bare["indicator"]) == ("1.2亿", "CNY", 120000000, "项目年产值")


def test_bare_hundreds_after_a_qualifier_and_events_counted_with_chang():
    records = figures("园区企业从不足百家增加到210家，全年举办赛事活动30余场，吸引近千人参加。百家争鸣。")
    assert (by_text(records, "不足百家")["value"], by_text(records, "不足百家")["qualifier"]) == (100, "less_than")
    assert (by_text(records, "30余场")["value"], by_text(records, "30余场")["unit"]) == (30, "count")
    assert by_text(records, "近千人")["value"] == 1000
    assert "百家" not in [r["text"] for r in records]
    # 万余人, 千余名: a bare 万/千/百 before 余 is one of them
    records = figures("带动就业万余人，引进人才千余名，培育企业百余家，千家万户受益。")
    assert [(r["text"], r["value"], r["qualifier"]) for r in records] == [
        ("万余人", 10000, "more_than"),
        ("千余名", 1000, "more_than"),
        ("百余家", 100, "more_than"),
    ]


def test_fractions_are_percentages():
    records = figures("工业投资约占全部投资的三分之一；出口额占全区的五分之二以上，出生率为千分之八。")
    third = by_text(records, "三分之一")
    assert (third["measure"], third["unit"], third["qualifier"]) == ("share_pct", "percent", "approx")
    assert third["value"] == pytest.approx(100 / 3)
    assert by_text(records, "五分之二以上")["value"] == pytest.approx(40)
    assert by_text(records, "千分之八")["value"] == pytest.approx(0.8)


def test_a_slash_fraction_is_a_share_only_after_zhan():
    records = figures("北仑区以占全市约1/10的土地面积，贡献了全市近1/5的GDP。实行7/24小时服务，2024/11/20发布。")
    assert [(r["text"], r["measure"], r["value"]) for r in records] == [
        ("约1/10", "share_pct", 10),
        ("近1/5", "share_pct", 20),
    ]


def test_a_hundred_ge_yi_is_a_hundred_yi_of_money():
    records = figures("全区汽车产业产值超过100个亿，工业总产值超过3000个亿。全区共有企业100个。")
    assert [(r["text"], r["value"], r["unit"]) for r in records] == [
        ("超过100个亿", 10_000_000_000, "CNY"),
        ("超过3000个亿", 300_000_000_000, "CNY"),
        ("100个", 100, "count"),
    ]


def test_counts_of_charging_posts_books_and_trees():
    records = figures("新增充电桩1500根，公共图书馆藏书120万册，植树3万棵。")
    assert [(r["value"], r["unit"], r["classifier"]) for r in records] == [
        (1500, "count", "根"),
        (1_200_000, "count", "册"),
        (30_000, "count", "棵"),
    ]


def test_an_acronym_written_against_its_figure_does_not_hide_it():
    records = figures(
        "全区实现GDP1234.5亿元，增长5.6%。全区实现ＧＤＰ２９８５．６亿元。PM2.5浓度25微克，5G基站3000个。"
    )
    assert [(r["text"], r["indicator_code"]) for r in records] == [
        ("1234.5亿元", "gdp"),
        ("5.6%", "gdp"),
        ("２９８５．６亿元", "gdp"),
        ("3000个", None),
    ]


def test_taiwan_and_hong_kong_units_of_weight_area_and_containers():
    records = figures(
        "寧波舟山港去年貨物吞吐量達13.2億公噸，年增4.9%。北侖新建廠房面積120萬平方公尺。貨櫃吞吐量3,530萬個標準貨櫃。"
    )
    assert [(r["text"], r["value"], r["unit"]) for r in records] == [
        ("13.2億公噸", 1.32e9, "tonne"),
        ("4.9%", 4.9, "percent"),
        ("120萬平方公尺", 1.2e6, "m2"),
        ("3,530萬個標準貨櫃", 3.53e7, "TEU"),
    ]


def test_a_port_s_boxes_are_containers():
    records = figures("海铁联运箱量突破180万箱，同比增长12%。")
    boxes = by_text(records, "突破180万箱")
    assert (boxes["value"], boxes["unit"], boxes["indicator_code"]) == (1800000, "TEU", "sea_rail_containers")
