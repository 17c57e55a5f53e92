import datetime as dt

from tests.extraction_helpers import by_text, figures


def test_growth_signs_and_cagr():
    records = figures(
        "全年外贸进出口总额4612.3亿元，比上年增长2.1%。其中，出口2705.8亿元，增长6.4%；进口1906.5亿元，下降3.5%。"
        "规上工业总产值年均增长16.3%，两年平均增长5.6%，增幅达15.7%，物价同比上涨0.4%，能耗回落1.2%。"
    )
    assert by_text(records, "2.1%")["measure"] == "growth_pct"
    assert by_text(records, "3.5%")["value"] == -3.5
    assert by_text(records, "16.3%")["measure"] == "cagr_pct"
    assert by_text(records, "5.6%")["measure"] == "cagr_pct"
    assert by_text(records, "15.7%")["measure"] == "growth_pct"
    assert by_text(records, "0.4%")["value"] == 0.4
    assert by_text(records, "1.2%")["value"] == -1.2


def test_levels_shares_and_rates():
    records = figures(
        "2023年，全区空气质量优良率达92.8%；大宗商品销售0.93万亿元，占宁波全市总额44%；"
        "高新技术产业增加值占规上工业的比重从2002年的不足30%增长到2022年的70.3%。"
    )
    assert by_text(records, "92.8%")["measure"] == "level"
    assert by_text(records, "44%")["measure"] == "share_pct"
    assert by_text(records, "不足30%")["measure"] == "share_pct"
    assert by_text(records, "70.3%")["measure"] == "share_pct"


def test_change_against_a_named_earlier_period_and_new_counts():
    records = figures(
        "年末全区户籍人口47.63万人，比上年末增加0.58万人；常住人口减少1.5万人。新增国家级专精特新企业9家。"
        "城镇化率为78.6%，比上年末提高0.4个百分点，较上年末减少3家。",
        published=dt.date(2024, 3, 15),
    )
    change = by_text(records, "0.58万人")
    assert (change["measure"], change["value"]) == ("change", 5800)
    assert by_text(records, "9家")["measure"] == "level"
    assert by_text(records, "3家")["value"] == -3
    assert by_text(records, "0.4个百分点")["measure"] == "pct_points"


def test_structure_ratio_gives_one_share_per_part():
    records = figures("2023年，三次产业结构比为0.9∶57.0∶42.1。")
    parts = [r for r in records if r["measure"] == "share_pct"]
    assert [r["value"] for r in parts] == [0.9, 57.0, 42.1]
    assert [r["indicator_code"] for r in parts] == [
        "value_added_primary",
        "value_added_secondary",
        "value_added_tertiary",
    ]
    assert all(r["share_of"] == "地区生产总值" for r in parts)


def test_contribution_is_pct_points_of_the_part():
    record = by_text(figures("第二产业拉动经济增长4.1个百分点。"), "4.1个百分点")
    assert (record["measure"], record["indicator_code"]) == ("pct_points", "value_added_secondary")


def test_ranks():
    records = figures(
        "北仑上榜500强，位居第19位。去年财政总收入905.4亿元，名列全省第一；规模连续6年居全国第一；"
        "立项数居宁波市首位；进出口总额继续稳居各区县（市）之首；增速居全市第二；海铁联运规模位居全国港口第二位。"
    )
    assert by_text(records, "第19位")["value"] == 19
    assert by_text(records, "全省第一")["value"] == 1
    assert by_text(records, "居宁波市首位")["value"] == 1
    assert [r["value"] for r in records if r["measure"] == "rank"] == [19, 1, 1, 1, 1, 2, 2]


def test_negative_numbers_and_lists():
    records = figures(
        "全年完成海铁联运箱量144.9万标准箱，增长-0.3%。2023年，全区出口、进口分别增长5.2%和3.1%，"
        "一般公共预算收入和税收收入分别为386.5亿元和331.4亿元。"
    )
    assert by_text(records, "-0.3%")["value"] == -0.3
    assert by_text(records, "5.2%")["indicator_code"] == "exports"
    assert by_text(records, "3.1%")["indicator_code"] == "imports"
    assert by_text(records, "3.1%")["measure"] == "growth_pct"
    assert by_text(records, "386.5亿元")["indicator_code"] == "general_budget_revenue"
    assert by_text(records, "331.4亿元")["indicator_code"] == "tax_revenue"
