import datetime as dt

import pytest

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


def test_urban_and_rural_residents_listed_together_and_a_second_list_of_the_sentence():
    records = figures(
        "2024年，城乡居民人均可支配收入分别达到8.2万元和5.1万元，分别增长4.6%和6.0%。"
        "出口、进口分别增长5.2%和3.1%，分别拉动外贸增长3.3个百分点和1.1个百分点。"
    )
    assert [(r["text"], r["indicator_code"]) for r in records] == [
        ("8.2万元", "disposable_income_urban"),
        ("5.1万元", "disposable_income_rural"),
        ("4.6%", "disposable_income_urban"),
        ("6.0%", "disposable_income_rural"),
        ("5.2%", "exports"),
        ("3.1%", "imports"),
        ("3.3个百分点", "exports"),
        ("1.1个百分点", "imports"),
    ]
    # a 分别 after figures stated one clause each: the n-th value is the n-th figure's indicator
    records = figures("前三季度，接待国内外游客2150万人次，实现旅游总收入312亿元，分别增长12.5%和15.1%。")
    assert [(r["text"], r["indicator_code"]) for r in records] == [
        ("2150万人次", "tourist_arrivals"),
        ("312亿元", "tourism_revenue"),
        ("12.5%", "tourist_arrivals"),
        ("15.1%", "tourism_revenue"),
    ]
    # without 城乡 the list is one indicator's: the residents' as a whole
    records = figures("2024年，居民人均可支配收入分别达到8.2万元和5.1万元。")
    assert {r["indicator_code"] for r in records} == {"disposable_income"}


def test_numbers_of_a_respectively_list_share_the_unit_of_the_last_one():
    records = figures("出口、进口分别增长5.2%和3.1%，分别拉动外贸增长3.3和1.1个百分点。")
    assert [(r["text"], r["measure"], r["value"], r["unit"], r["indicator_code"]) for r in records[2:]] == [
        ("3.3", "pct_points", 3.3, "pct_point", "exports"),
        ("1.1个百分点", "pct_points", 1.1, "pct_point", "imports"),
    ]
    # only in a 分别 list: elsewhere a number without a unit is no figure (2023和2024年 are years)
    assert [r["text"] for r in figures("增长3.3和1.1个百分点。2023和2024年实现120亿元。")] == ["1.1个百分点", "120亿元"]


def test_a_growth_compared_with_the_city_or_the_month_before_keeps_its_indicator():
    records = figures(
        "一季度，全区实现地区生产总值688.2亿元，同比增长6.8%，增速比全市高1.2个百分点，居全市第二。"
        "3月份当月规上工业增加值115.2亿元，环比增长12.0%。"
    )
    assert [(r["text"], r["measure"], r["indicator_code"]) for r in records[2:]] == [
        ("1.2个百分点", "pct_points", "gdp"),
        ("全市第二", "rank", "gdp"),
        ("115.2亿元", "level", "industrial_value_added_above_scale"),
        ("12.0%", "growth_pct", "industrial_value_added_above_scale"),
    ]


def test_a_figure_converted_at_the_exchange_rate_is_the_same_indicator():
    records = figures("人均地区生产总值为20.8万元，按年平均汇率折算为2.9万美元。")
    assert [(r["text"], r["unit"], r["indicator_code"]) for r in records] == [
        ("20.8万元", "CNY", "gdp_per_capita"),
        ("2.9万美元", "USD", "gdp_per_capita"),
    ]


def test_a_contributed_share_of_a_whole():
    r = by_text(figures("民营企业贡献了全区约60%的税收收入。"), "约60%")
    assert (r["measure"], r["share_of"]) == ("share_pct", "全区税收收入")
    # a list of contributed shares, each of its own whole
    records = figures("民营经济贡献了全区近五成的地区生产总值、六成以上的税收、七成以上的外贸出口和八成以上的就业。")
    assert [r["measure"] for r in records] == ["share_pct"] * 4
    assert by_text(records, "七成以上")["indicator"] == "民营经济"


def test_a_growth_rate_held_at_a_threshold_is_growth():
    records = figures("5月份规模以上工业增加值增长7.1%，增速连续两个月保持在7%以上。")
    r = by_text(records, "7%以上")
    assert (r["measure"], r["indicator_code"]) == ("growth_pct", "industrial_value_added_above_scale")


def test_items_after_a_lead_in_keep_its_indicator():
    text = (
        "分区县（市）看，前三季度各区县（市）地区生产总值及增速如下：\n\n"
        "北仑区2100.5亿元，同比增长5.9%；\n\n镇海区1300.2亿元，同比增长6.1%，增速居全市首位。"
    )
    records = figures(text)
    for t in ("2100.5亿元", "5.9%", "1300.2亿元", "6.1%", "居全市首位"):
        assert by_text(records, t)["indicator_code"] == "gdp", t
    assert by_text(records, "1300.2亿元")["zone"] == "zhenhai"
    inline = "分区县看，上半年地区生产总值：北仑区1000亿元，同比增长6%；鄞州区1100亿元，同比增长5%。"
    assert by_text(figures(inline), "1100亿元")["indicator_code"] == "gdp"


def test_short_container_volume_and_a_rank_without_a_noun():
    records = figures(
        "## 港口月报 | 前9月箱量超2900万标准箱\n\n今年1-9月，宁波舟山港完成海铁联运箱量130万标准箱，规模位居全国港口第二位。"
    )
    assert by_text(records, "超2900万标准箱")["indicator_code"] == "container_throughput"
    assert by_text(records, "全国港口第二位")["indicator_code"] == "sea_rail_containers"


def test_a_growth_after_a_quantity_in_an_unlisted_unit_is_of_that_quantity():
    """全社会用电量120.5亿千瓦时 is no figure (千瓦时 is no unit of FACTS.md), but its growth is one, of
    the 全社会用电量 before it, not of the 5G基站 of the sentence before; the digits of names stay."""
    records = figures("2023年，北仑建成5G基站3200个。全社会用电量120.5亿千瓦时，增长6.1%。PM2.5平均浓度下降5.2%。")
    assert [(r["text"], r["indicator"], r["measure"]) for r in records] == [
        ("3200个", "5G基站", "level"),
        ("6.1%", "全社会用电量", "growth_pct"),
        ("5.2%", "PM2.5平均浓度", "growth_pct"),
    ]


def test_more_or_fewer_than_a_named_period_is_a_change():
    records = figures("新设外资企业42家，比去年同期多11家；新开航线5条，较上年少2条。")
    assert (by_text(records, "42家")["measure"], by_text(records, "5条")["measure"]) == ("level", "level")
    assert (by_text(records, "11家")["measure"], by_text(records, "11家")["value"]) == ("change", 11)
    assert (by_text(records, "2条")["measure"], by_text(records, "2条")["value"]) == ("change", -2)
    records = figures("规上工业总产值比上年多出300亿元，新设企业较上年少了120家。")
    assert [(r["measure"], r["value"]) for r in records] == [("change", 30000000000), ("change", -120)]
    assert records[0]["indicator_code"] == "industrial_output_above_scale"


def test_an_indicator_name_followed_by_another_noun_is_not_that_indicator():
    records = figures(
        "全区万元GDP能耗下降3.2%，单位工业增加值能耗下降2.1%，GDP增长6.1%。梅山实现税收28.3亿元，享受税收减免3.2亿元。"
    )
    assert [r["indicator_code"] for r in records] == [None, None, "gdp", "tax_revenue", None]


def test_a_rank_held_for_many_years_keeps_the_indicator():
    records = figures("全区完成规上工业总产值4863亿元，比上年增长3.1%，总量连续多年位居全市第一。")
    assert by_text(records, "全市第一")["indicator_code"] == "industrial_output_above_scale"


def test_hong_kong_and_taiwan_wordings_of_a_growth_keep_the_indicator():
    records = figures("北侖區本地生產總值達2985.6億元，按年增長6.3%。北侖港區貨櫃吞吐量1,256萬標準箱，年增8.2%。")
    assert [(r["measure"], r["indicator_code"]) for r in records] == [
        ("level", "gdp"),
        ("growth_pct", "gdp"),
        ("level", "container_throughput"),
        ("growth_pct", "container_throughput"),
    ]


def test_tenths_with_a_half():
    records = figures("规上工业增加值增长两成，利润总额下降一成半。")
    assert [(r["text"], r["value"]) for r in records] == [("两成", 20), ("一成半", -15)]


def test_respectively_after_figures_whose_indicator_the_dictionary_lacks():
    records = figures(
        "截至2024年末，全区拥有国家级高新技术企业1026家，省级科技型中小企业2850家，分别比上年末增加118家和326家。"
    )
    assert [(r["measure"], r["indicator_code"]) for r in records] == [
        ("level", "high_tech_enterprises"),
        ("level", None),
        ("change", "high_tech_enterprises"),
        ("change", None),
    ]
    assert by_text(records, "326家")["indicator"] == by_text(records, "2850家")["indicator"]


def test_a_doubling_is_a_multiple_and_a_like_for_like_growth_keeps_its_indicator():
    records = figures(
        "北仑港区集装箱吞吐量突破2000万标准箱，比2020年翻了近一番。全区工业总产值比2010年翻两番。"
        "全区一般公共预算收入251.3亿元，同口径增长3.1%。",
        dt.date(2025, 3, 1),
    )
    doubled = by_text(records, "翻了近一番")
    assert (doubled["measure"], doubled["value"], doubled["unit"], doubled["qualifier"]) == (
        "multiple",
        2,
        "times",
        "approx",
    )
    assert by_text(records, "翻两番")["value"] == 4
    assert by_text(records, "3.1%")["indicator_code"] == "general_budget_revenue"


def test_a_rate_of_growth_named_after_its_indicator_or_alone():
    records = figures("工業產值成長率達8.2%。全區外資企業家數達1,200家，年增率5%。")
    assert [r["indicator"] for r in records] == ["工業產值", "外資企業家數", "外資企業家數"]


def test_taiwan_wordings_of_growth_and_decline():
    records = figures("寧波北侖區去年進出口總額達4012億元，其中出口較前年成長6.5%，進口衰退0.8%。", dt.date(2025, 3, 1))
    assert (by_text(records, "6.5%")["measure"], by_text(records, "6.5%")["indicator_code"]) == (
        "growth_pct",
        "exports",
    )
    assert (by_text(records, "0.8%")["value"], by_text(records, "0.8%")["indicator_code"]) == (-0.8, "imports")


def test_points_below_a_comparison_are_negative():
    records = figures(
        "北仑区GDP增速比全市高0.5个百分点，比全省低0.2个百分点，低于全国0.1个百分点。", dt.date(2025, 3, 1)
    )
    assert [by_text(records, t)["value"] for t in ("0.5个百分点", "0.2个百分点", "0.1个百分点")] == [0.5, -0.2, -0.1]


def test_a_verb_between_an_indicator_s_holder_and_its_noun():
    records = figures("全区规上工业企业实现营业收入5600亿元，利润总额320亿元，分别增长5%和12%。")
    assert [(r["text"], r["indicator_code"]) for r in records] == [
        ("5600亿元", "industrial_revenue_above_scale"),
        ("320亿元", "total_profit"),
        ("5%", "industrial_revenue_above_scale"),
        ("12%", "total_profit"),
    ]


def test_an_amount_restated_in_yuan_keeps_the_indicator_and_other_currencies_are_not_yuan():
    records = figures(
        "北仑区外贸进出口总值为新台币约1.2兆元，折合人民币约2700亿元，增长9.6%。人均GDP约为新台币150万元。"
    )
    assert [(r["text"], r["unit"], r["indicator_code"]) for r in records] == [
        ("约2700亿元", "CNY", "foreign_trade_total"),
        ("9.6%", "percent", "foreign_trade_total"),
    ]


def test_a_yearly_average_over_some_years_and_the_change_of_a_share_keep_the_indicator():
    records = figures(
        "2024年梅山港区集装箱吞吐量1020万标准箱，三年年均增长28%。"
        "高新技术产业增加值占规上工业增加值的比重为65.2%，比重比上年提高1.8个百分点。"
    )
    assert by_text(records, "28%")["indicator_code"] == "container_throughput"
    points = by_text(records, "1.8个百分点")
    assert (points["measure"], points["indicator_code"]) == ("pct_points", "high_tech_industry_share")


def test_hong_kong_growth_words_a_multiple_of_the_average_and_innovation_indicators():
    records = figures(
        "今年首三季，梅山港区完成集装箱吞吐量620萬標準箱，按年大增21.3%；首三季淨利潤38.6億元，按年下跌1.2%。"
        "北仑区人均地区生产总值突破24万元，约为全国平均水平的2.5倍；每万人有效发明专利拥有量达到68.5件，"
        "研发经费投入强度达3.8%。"
    )
    assert [by_text(records, t)["indicator_code"] for t in ("21.3%", "2.5倍", "68.5件", "3.8%")] == [
        "container_throughput",
        "gdp_per_capita",
        "invention_patents_per_10k",
        "rd_intensity",
    ]
    fell = by_text(records, "1.2%")
    assert (fell["value"], fell["indicator"]) == (-1.2, "淨利潤")


def test_a_noun_before_an_indicator_narrows_it_to_a_part_with_no_code():
    records = figures(
        "1-10月，全区进出口总额2532.1亿元，增长9.1%。其中，民营企业进出口1420.8亿元，增长10.3%。"
        "机电产品出口682.4亿元。新能源汽车产业税收占全区税收的比重接近一成。"
        "全年规模以上工业企业利润总额下降21.3%。该区规上工业增加值完成48.6亿元。"
        "户籍居民养老保险参保率达99%。对外贸易进出口总额比上年增长3.7%。"
        "园区力争规上工业总产值突破1600亿元。今年计划完成港航基础设施投资约85亿元。梅山港区三年集装箱量翻一番。"
        "全区金融机构存款余额较年初增长8.5%。"
    )
    narrowed = {"1420.8亿元": "民营企业进出口", "10.3%": "民营企业进出口", "682.4亿元": "机电产品出口"}
    narrowed["约85亿元"] = "港航基础设施投资"  # after a subject and its verb
    for text, indicator in {**narrowed, "接近一成": "新能源汽车产业税收"}.items():
        assert (by_text(records, text)["indicator"], by_text(records, text)["indicator_code"]) == (indicator, None)
    # the holder is an indicator of its own, a place, a rate's people, the same whole by another name
    kept = ("21.3%", "48.6亿元", "99%", "3.7%", "突破1600亿元", "翻一番", "8.5%")
    assert [by_text(records, t)["indicator_code"] for t in kept] == [
        "total_profit",
        "industrial_value_added_above_scale",
        "pension_insurance_rate",
        "foreign_trade_total",
        "industrial_output_above_scale",
        "container_throughput",  # 三年: a duration, not a kind of containers
        "deposits_balance",
    ]


def test_a_doubling_without_a_count_and_the_level_it_reached():
    records = figures("今年以来，北仑区新能源汽车产业产值同比翻番，达到420亿元。")
    doubled, level = by_text(records, "翻番"), by_text(records, "420亿元")
    assert (doubled["measure"], doubled["value"]) == ("multiple", 2)
    assert doubled["indicator"] == level["indicator"] == "新能源汽车产业产值"


def test_the_words_of_a_span_are_no_part_of_the_indicator():
    records = figures("全区GDP由2012年的1001亿元增加到2024年的2985.6亿元。人均地区生产总值达到29.3万元（4.16万美元）。")
    assert [r["indicator"] for r in records] == ["GDP", "GDP", "人均地区生产总值", "人均地区生产总值"]


def test_ranks_in_a_row_and_a_rank_after_its_indicator_and_verb():
    records = figures(
        "北仑区经济运行稳中向好\n\n全区GDP排名全市第2位，仅次于鄞州区。全区实现规上工业总产值5120亿元，居全市第一、全省第三。"
    )
    assert [(r["text"], r["indicator_code"]) for r in records if r["measure"] == "rank"] == [
        ("全市第2位", "gdp"),
        ("全市第一", "industrial_output_above_scale"),
        ("全省第三", "industrial_output_above_scale"),
    ]


def test_both_ends_of_a_range_are_figures_of_the_same_kind():
    records = figures(
        "预计全年GDP增长5.5%-6%。固定资产投资增长5%~6%。出口增长3%至5%。全区新增企业200-300家。社零额增长-3.2%。"
    )
    assert [(r["text"], r["measure"], r["value"], r["unit"], r["indicator"]) for r in records] == [
        ("5.5%", "growth_pct", 5.5, "percent", "GDP"),
        ("6%", "growth_pct", 6, "percent", "GDP"),
        ("5%", "growth_pct", 5, "percent", "固定资产投资"),
        ("6%", "growth_pct", 6, "percent", "固定资产投资"),
        ("3%", "growth_pct", 3, "percent", "出口"),
        ("5%", "growth_pct", 5, "percent", "出口"),
        ("200", "level", 200, "count", "新增企业"),
        ("300家", "level", 300, "count", "新增企业"),
        ("-3.2%", "growth_pct", -3.2, "percent", "社零额"),
    ]
    # the dash of a programme span (2021-2025年) is no part of the indicator
    assert figures("2021-2025年累计投资500亿元。")[0]["indicator"] == "投资"


def test_list_items_have_their_own_words_and_a_listed_share_its_whole():
    records = figures("全区有孵化器8家，其中国家级3家、省级5家。进出口总额和出口额分别占全市的36.2%和38.5%。")
    assert [by_text(records, t)["indicator"] for t in ("3家", "5家")] == ["国家级", "省级"]
    assert [by_text(records, t)["share_of"] for t in ("36.2%", "38.5%")] == ["全市", "全市"]


def test_a_first_time_milestone_keeps_the_indicator():
    records = figures("全年税收收入达101.8亿元，首次突破百亿元大关。")
    assert [r["indicator_code"] for r in records] == ["tax_revenue", "tax_revenue"]


def test_a_growth_rate_named_in_the_clause_before_and_a_quickening_growth():
    records = figures(
        "进口增速由负转正，达到3.2%。城镇化率提高，达到75%。工业用电量同比增长12.3%，增速较上月加快2个百分点。"
    )
    assert [(r["text"], r["measure"], r["indicator"]) for r in records] == [
        ("3.2%", "growth_pct", "进口"),
        ("75%", "level", "城镇化率"),
        ("12.3%", "growth_pct", "工业用电量"),
        ("2个百分点", "pct_points", "工业用电量"),
    ]


def test_a_signed_percentage_after_a_level_is_its_growth():
    records = figures("全区出口1205.6亿元（-2.1%），进口374.6亿元(+5.3%)。全区GDP 2985.6亿元，+6.1%。截至2024-12-31。")
    assert [(r["text"], r["measure"], r["value"], r["indicator_code"]) for r in records] == [
        ("1205.6亿元", "level", 120560000000, "exports"),
        ("-2.1%", "growth_pct", -2.1, "exports"),
        ("374.6亿元", "level", 37460000000, "imports"),
        ("+5.3%", "growth_pct", 5.3, "imports"),
        ("2985.6亿元", "level", 298560000000, "gdp"),
        ("+6.1%", "growth_pct", 6.1, "gdp"),
    ]


def test_a_share_of_a_named_whole_can_be_an_indicator_of_its_own():
    records = figures("全年R&D经费支出86.5亿元，占GDP比重为3.45%。全区R&D经费支出占GDP的比重达3.5%。")
    assert by_text(records, "86.5亿元")["indicator_code"] == "rd_expenditure"
    assert [by_text(records, t)["indicator_code"] for t in ("3.45%", "3.5%")] == ["rd_intensity"] * 2
    assert by_text(records, "3.45%")["measure"] == "share_pct"


def test_a_share_of_something_a_holder_has_is_not_the_holder():
    records = figures("全区规上工业企业研发费用占营业收入比重为3.1%。外贸出口额占全市比重为38%。年末就业人员52.3万人。")
    assert (by_text(records, "3.1%")["indicator"], by_text(records, "3.1%")["indicator_code"]) == (
        "规上工业企业研发费用",
        None,
    )
    assert by_text(records, "38%")["indicator_code"] == "exports"
    assert by_text(records, "52.3万人")["indicator"] == "就业人员"  # 就 opens no clause here


def test_the_first_of_a_group_to_pass_a_mark_keeps_the_indicator():
    records = figures("北仑实现规上工业总产值6012亿元，成为全省首个规上工业总产值突破6000亿元的区县。")
    mark = by_text(records, "突破6000亿元")
    assert (mark["indicator_code"], mark["qualifier"]) == ("industrial_output_above_scale", "more_than")


def test_the_part_of_a_yearly_target_done_is_a_share_of_the_target():
    records = figures("前三季度实现一般公共预算收入37.9亿元，完成全年目标的78.3%；固定资产投资完成年度计划的86.5%。")
    done = by_text(records, "78.3%")
    assert (done["measure"], done["indicator_code"], done["share_of"]) == (
        "share_pct",
        "general_budget_revenue",
        "全年目标",
    )
    assert by_text(records, "86.5%")["indicator_code"] == "fixed_asset_investment"


def test_a_share_that_names_its_part_after_it_is_of_the_level_before():
    records = figures("全年新增市场主体1.2万户，其中70%以上为个体工商户。年末有企业6.1万家，近四成为科技型企业。")
    part = by_text(records, "70%以上")
    assert (part["measure"], part["indicator"], part["share_of"]) == ("share_pct", "个体工商户", "市场主体")
    assert (by_text(records, "近四成")["indicator"], by_text(records, "近四成")["share_of"]) == ("科技型企业", "企业")


def test_a_rank_in_a_ranking_named_in_the_clause_before():
    records = figures("在2024年全国综合实力百强区榜单中，北仑区位列第12位。北仑在全省营商环境评价中排名第二。")
    assert by_text(records, "第12位")["indicator"] == "全国综合实力百强区榜单"
    assert by_text(records, "第二")["indicator"] == "营商环境评价"


def test_a_growth_after_a_measured_quantity_is_of_that_quantity_not_of_the_figure_before():
    records = figures("去年全区5G基站数量达到3600个，PM2.5平均浓度为24微克/立方米，较上年下降7.7%。")
    assert by_text(records, "7.7%")["indicator"] == "PM2.5平均浓度"


def test_taiwan_yearly_growth_after_an_amount_keeps_its_indicator():
    records = figures("北侖區1至10月對外貿易總額折合人民幣約2700億元，年成長6.5%，占寧波全市外貿的兩成以上。")
    assert [by_text(records, t)["indicator_code"] for t in ("6.5%", "兩成以上")] == ["foreign_trade_total"] * 2


def test_a_place_among_the_first_n_is_a_rank_of_at_most_n():
    records = figures(
        "北仑地区生产总值2800亿元，名列浙江省各区县前三名，连续5年入选全国工业百强区前十。全区前三名企业产值占比30%。"
    )
    top = by_text(records, "浙江省各区县前三名")
    assert (top["measure"], top["value"], top["qualifier"], top["indicator_code"]) == ("rank", 3, "less_than", "gdp")
    assert by_text(records, "全国工业百强区前十")["value"] == 10
    assert [r["text"] for r in records if r["unit"] in ("rank", "person")] == [
        "浙江省各区县前三名",
        "全国工业百强区前十",
    ]


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        # heads sharing one tail, with 分别, with 、, and with no 分别 at all (a work report's style)
        (
            "2024年，城镇和农村居民人均可支配收入分别达到8.6万元和5.1万元。",
            ["disposable_income_urban", "disposable_income_rural"],
        ),
        ("2024年，城镇、农村居民人均消费支出分别为5.2万元和3.1万元。", ["consumption_urban", "consumption_rural"]),
        (
            "2020年，城镇和农村居民人均可支配收入达到73860元和42794元，增长5.4%和7.1%。",
            ["disposable_income_urban", "disposable_income_rural"] * 2,
        ),
        # a contraction: 存贷款 is 存款 and 贷款
        ("2020年末，金融机构本外币存贷款余额8837亿元和10972亿元。", ["deposits_balance", "loans_balance"]),
        ("2024年，第一和第二产业增加值分别增长2.1%和6.3%。", ["value_added_primary", "value_added_secondary"]),
    ],
)
def test_a_list_of_indicators_pairs_with_a_list_of_values(sentence, codes):
    assert [r["indicator_code"] for r in figures(sentence)] == codes


def test_values_joined_by_and_after_one_indicator_keep_it():
    """A range or two values of one indicator is no list of indicators: 进出口总额 is not 进口 and 出口."""
    records = figures("2024年，全区进出口总额4612亿元和4400亿元。")
    assert [r["indicator_code"] for r in records] == ["foreign_trade_total"] * 2


def test_a_second_respectively_list_after_a_pause_mark_keeps_the_urban_and_rural_indicators():
    records = figures("全年城乡居民人均可支配收入分别达到89210元和55680元、分别增长4.6%和6.1%。")
    assert [r["indicator_code"] for r in records] == ["disposable_income_urban", "disposable_income_rural"] * 2


def test_a_rate_named_after_its_figure_is_a_growth_and_a_rank_by_it_keeps_the_indicator():
    records = figures("2024年北仑区地区生产总值增长6.2%。北仑区以6.2%的增速居全市第一，城镇调查失业率控制在5%以内。")
    rate = [r for r in records if r["text"] == "6.2%"][1]
    assert (rate["measure"], rate["indicator_code"]) == ("growth_pct", "gdp")
    assert by_text(records, "全市第一")["indicator_code"] == "gdp"
    assert by_text(records, "5%以内")["indicator"] == "城镇调查失业率"


def test_a_size_class_stays_in_the_indicator_and_a_count_ends_before_the_next_figure_s_verb():
    records = figures(
        "其中，10亿元以上项目9个；规上工业企业中，产值超10亿元的企业8家。全区42个重大项目完成投资86.5亿元。"
    )
    assert [by_text(records, t)["indicator"] for t in ("9个", "8家", "42个")] == [
        "10亿元以上项目",
        "产值超10亿元的企业",
        "重大项目",
    ]


def test_a_day_and_an_event_s_days_are_no_part_of_the_indicator():
    records = figures("活动期间跨境电商成交额达到12.6亿元，其中11月11日当天成交额突破4亿元。")
    assert [r["indicator"] for r in records] == ["跨境电商成交额", "成交额"]


def test_an_infographic_s_labelled_lines_arrows_and_new_ones():
    records = figures(
        "数说北仑2024\n\n规上工业增加值：1282.5亿元 ↑7.1%\n出口：1580.4亿元 ↓2.1%\n"
        "R&D经费支出占GDP比重：3.6%\n新增国家级高新技术企业：126家\n国家级高新技术企业：1126家\n"
    )
    assert [(r["text"], r["measure"], r["value"], r["indicator_code"]) for r in records] == [
        ("1282.5亿元", "level", 128250000000, "industrial_value_added_above_scale"),
        ("7.1%", "growth_pct", 7.1, "industrial_value_added_above_scale"),
        ("1580.4亿元", "level", 158040000000, "exports"),
        ("2.1%", "growth_pct", -2.1, "exports"),
        ("3.6%", "share_pct", 3.6, "rd_intensity"),
        ("126家", "level", 126, None),  # the new ones, not the stock
        ("1126家", "level", 1126, "high_tech_enterprises"),
    ]
    assert all(r["indicator"].strip() for r in records)


def test_money_with_no_words_before_it_is_what_it_names_after():
    records = figures("2024年1—5月，全区新增企业直接融资5000万美元，另有1亿多元政府专项债资金到位。")
    assert by_text(records, "1亿多元")["indicator"] == "政府专项债资金"
    records = figures("年末全区共有各类市场主体13.5万户。")  # 各类 narrows nothing
    assert by_text(records, "13.5万户")["indicator_code"] == "market_entities"


def test_places_that_contribute_a_share_give_the_part_after_it():
    records = figures("全市规模以上工业增加值增长6.8%，其中北仑、镇海两区合计贡献了全市近四成的工业增加值。")
    part = by_text(records, "近四成")
    assert (part["measure"], part["indicator"], part["share_of"]) == ("share_pct", "工业增加值", "全市工业增加值")


def test_one_phrase_for_the_three_sectors_hands_its_list_out_in_order():
    records = figures(
        "全年三次产业增加值分别为12.3亿元、1496.2亿元和1210.1亿元。第一、二、三产业增加值依次增长2.1%、6.8%和4.9%。"
    )
    assert [r["indicator_code"] for r in records] == [
        "value_added_primary",
        "value_added_secondary",
        "value_added_tertiary",
    ] * 2


def test_an_item_s_number_is_no_part_of_its_indicator():
    records = figures("（二）工业。1. 规上工业增加值1001.8亿元，增长6.0%；2. 规上工业企业实现利润135.2亿元，下降3.2%。")
    assert [r["indicator"] for r in records] == ["规上工业增加值"] * 2 + ["规上工业企业实现利润"] * 2


def test_the_whole_of_a_share_ends_where_its_share_word_starts():
    records = figures("新能源汽车产业产值占规上工业总产值的比重提高到12.5%，占宁波市进出口总额的比重约为14%。")
    assert [r["share_of"] for r in records] == ["规上工业总产值", "宁波市进出口总额"]


def test_a_structure_ratio_given_for_two_years():
    for raw in (
        "全县三次产业的比重从2020年的3.1︰45.2︰51.7变为2021年的2.9︰44.8︰52.3。",
        "产业结构继续优化,由上年的3.1:45.2:51.7调整为2.9:44.8:52.3,服务业占比提高。",
    ):
        records = figures(raw, dt.date(2022, 3, 1))
        assert [(r["value"], r["measure"]) for r in records] == [
            (v, "share_pct") for v in (3.1, 45.2, 51.7, 2.9, 44.8, 52.3)
        ]
    assert figures("产业结构优化。比分由3:1:2变为4:1:2。") == []  # no structure named in its sentence
