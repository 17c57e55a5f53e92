import datetime as dt
from pathlib import Path

import pytest

from beilun_etl.extraction import clean_text, dateline_date, extract_figures, infer_publication_year
from beilun_etl.pipeline.article_files import RawArticle
from beilun_etl.pipeline.articles import parse_article
from tests.extraction_helpers import by_text, figures


def period(record):
    return record["period_start"], record["period_end"]


def test_explicit_and_relative_periods():
    records = figures(
        "今年上半年，全区实现地区生产总值1365.56亿元，同比增长6.1%。去年，财政总收入905.4亿元。"
        "前年，出口额100亿元。2021年末，户籍人口47万人。前三季度，进口额50亿元。1-9月，投资增长3%。",
        published=dt.date(2024, 8, 20),
    )
    assert period(by_text(records, "1365.56亿元")) == ("2024-01-01", "2024-06-30")
    assert period(by_text(records, "6.1%")) == ("2024-01-01", "2024-06-30")
    assert period(by_text(records, "905.4亿元")) == ("2023-01-01", "2023-12-31")
    assert period(by_text(records, "100亿元")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "47万人")) == ("2021-12-31", "2021-12-31")
    assert period(by_text(records, "50亿元")) == ("2024-01-01", "2024-09-30")
    assert period(by_text(records, "3%")) == ("2024-01-01", "2024-09-30")


def test_span_from_a_to_b_and_the_multiple_between():
    records = figures("全区年专利授权量从2003年的254件增加到2022年的6613件，增长25倍。", dt.date(2023, 12, 31))
    assert period(by_text(records, "254件")) == ("2003-01-01", "2003-12-31")
    assert period(by_text(records, "6613件")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "25倍")) == ("2003-01-01", "2022-12-31")


def test_twenty_years_cumulative_ends_at_the_last_reported_year():
    text = (
        "20年，北仑地区生产总值从207亿元增长到2630亿元，扩大12.7倍，去年居全省第三；\n\n"
        "20年来，北仑累计投入160多亿元，户籍居民养老保险参保率达99%。"
    )
    records = figures(text, dt.date(2023, 12, 31))
    assert period(by_text(records, "207亿元")) == ("2002-01-01", "2002-12-31")
    assert period(by_text(records, "2630亿元")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "12.7倍")) == ("2002-01-01", "2022-12-31")
    assert period(by_text(records, "全省第三")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "160多亿元")) == ("2003-01-01", "2022-12-31")
    assert by_text(records, "99%")["period_end"] == "2022-12-31"


def test_current_and_no_period_use_the_publication_year():
    records = figures(
        "截至目前，全区已建成孵化器8家。\n\n北仑获批27个国家部委试点。每年原油输送超过2200万吨。", dt.date(2023, 5, 1)
    )
    assert period(by_text(records, "8家")) == ("2023-01-01", "2023-12-31")
    assert by_text(records, "27个")["period_inferred"] is True
    assert by_text(records, "超过2200万吨")["period_end"] == "2023-12-31"


def test_consecutive_years_and_planned_dates():
    records = figures(
        "2022年，完成跨境电商进出口总额597.7亿元，规模连续6年居全国第一。\n\n"
        "宁波“绿能港”LNG三期项目将在2025年底完工，届时LNG年处理量将跃升至1200万吨；6家企业率先入驻。"
        "该基地分两期进行，其中，一期项目包含500余个停车位，预计2026年可建成投用。",
        dt.date(2024, 8, 20),
    )
    assert period(by_text(records, "全国第一")) == ("2017-01-01", "2022-12-31")
    assert period(by_text(records, "1200万吨")) == ("2025-12-31", "2025-12-31")
    assert by_text(records, "6家")["period_end"] == "2024-12-31"
    assert by_text(records, "500余个")["period_end"] == "2026-12-31"


def test_comparison_years_are_not_periods():
    records = figures(
        "2022年，北仑实现外贸进出口总额4518.6亿元，比2002年扩大16.5倍，年均增长15%。", dt.date(2023, 12, 31)
    )
    assert period(by_text(records, "4518.6亿元")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "16.5倍")) == ("2002-01-01", "2022-12-31")
    assert period(by_text(records, "15%")) == ("2002-01-01", "2022-12-31")


def test_bulletin_title_year_is_the_default():
    records = figures("北仑区2023年国民经济和社会发展统计公报\n\n全年一般公共预算收入386.5亿元。", dt.date(2024, 3, 15))
    assert period(by_text(records, "386.5亿元")) == ("2023-01-01", "2023-12-31")


def test_infer_publication_year():
    assert (
        infer_publication_year(clean_text("今年上半年……2023年，全区空气质量优良率达92.8%；预计2026年可建成投用。"))
        == 2023
    )
    assert infer_publication_year(clean_text("在《2023年北仑区推进工作要点》中……2022年北仑实现……")) == 2023
    assert infer_publication_year(clean_text("将在2025年底完工；到2035年基本实现……2020年8月获批。")) == 2020
    assert infer_publication_year(clean_text("科创甬江2035计划")) is None


def test_the_year_of_a_target_is_not_a_reported_year_unless_it_is_the_only_one():
    text = "2023年，大榭实现规上工业总产值1380亿元。2025年，园区力争规上工业总产值突破1600亿元。"
    assert infer_publication_year(clean_text(text)) == 2023
    assert infer_publication_year(clean_text("2024年上半年，北仑有望实现地区生产总值增长6%。")) == 2024
    assert infer_publication_year(clean_text("2024年，北仑区完成计划投资100亿元。")) == 2024


def test_same_period_first_months_and_plan_periods():
    text = (
        "标题\n\n一季度，前湾新区实现规上工业总产值812.4亿元。\n\n同期，北仑区实现地区生产总值655.2亿元。\n\n"
        "今年前8个月，全市外贸进出口总额8000亿元。“十三五”期间，全区累计完成固定资产投资3000亿元。"
    )
    records = figures(text, dt.date(2024, 10, 20))
    assert period(by_text(records, "655.2亿元")) == ("2024-01-01", "2024-03-31")
    assert period(by_text(records, "8000亿元")) == ("2024-01-01", "2024-08-31")
    assert by_text(records, "3000亿元")["period_end"] == "2020-12-31"


def test_a_relative_year_is_not_overridden_by_the_whole_year():
    records = figures(
        "上年，全区全年完成外贸进出口总额800亿元。前年，全年实现税收收入50亿元。今年全年财政收入90亿元。",
        dt.date(2024, 8, 20),
    )
    assert period(by_text(records, "800亿元")) == ("2023-01-01", "2023-12-31")
    assert period(by_text(records, "50亿元")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "90亿元")) == ("2024-01-01", "2024-12-31")


def test_years_ago_count_back_from_publication():
    records = figures("五年前，这里的企业还不足300家。3年前，园区产值约20亿元。", dt.date(2024, 5, 1))
    assert period(by_text(records, "不足300家")) == ("2019-01-01", "2019-12-31")
    assert period(by_text(records, "约20亿元")) == ("2021-01-01", "2021-12-31")


def test_from_last_year_to_a_level_reached_now():
    records = figures("今年前三季度，全区外贸企业从去年的120家增加到150家。", dt.date(2024, 11, 1))
    assert period(by_text(records, "120家"))[1] == "2023-12-31"
    assert by_text(records, "150家")["period_end"].startswith("2024")


def test_a_base_reached_is_not_the_period():
    records = figures("前三季度，出口汽车近3万辆，已达到上年全年的1.8倍。", dt.date(2024, 11, 1))
    assert by_text(records, "1.8倍")["period_end"].startswith("2024")


def test_a_planned_date_governs_what_follows_it_not_the_investment_before():
    records = figures("其中，一个新材料项目总投资约50亿元，预计2027年投产后可实现年产值约80亿元。", dt.date(2024, 9, 1))
    assert by_text(records, "约50亿元")["period_end"].startswith("2024")
    assert by_text(records, "约80亿元")["period_end"].startswith("2027")


def test_a_consecutive_run_without_a_year_ends_at_the_last_complete_year():
    records = figures("北仑港区货物吞吐量已连续8年位居全省第一。", dt.date(2024, 11, 1))
    assert period(by_text(records, "全省第一")) == ("2016-01-01", "2023-12-31")


def test_a_period_the_title_names_relative_to_publication_is_the_default_once_it_has_ended():
    body = "\n\n分产业看，第二产业增加值852.1亿元，同比增长8.1%。"
    july = figures("上半年北仑经济运行稳中有进" + body, published=dt.date(2025, 7, 25))
    assert period(by_text(july, "852.1亿元")) == ("2025-01-01", "2025-06-30")
    assert by_text(july, "852.1亿元")["period_inferred"]
    # 上半年 has not ended in May: the publication year stays the default
    may = figures("上半年北仑经济运行稳中有进" + body, published=dt.date(2025, 5, 10))
    assert period(by_text(may, "852.1亿元")) == ("2025-01-01", "2025-12-31")


def test_the_whole_year_of_a_news_report_is_the_year_its_paragraph_named():
    news = (
        "北仑港区集装箱吞吐量创新高\n\n2024年北仑港区完成集装箱吞吐量2100万标准箱，同比增长8%。"
        "全年新开国际航线12条。\n\n全年将新增航线10条。"
    )
    records = figures(news, published=dt.date(2025, 1, 8))
    assert period(by_text(records, "12条")) == ("2024-01-01", "2024-12-31")
    # a plan in another paragraph, with no year of its own: the publication year
    assert period(by_text(records, "10条")) == ("2025-01-01", "2025-12-31")
    # a result in another paragraph: the year named before (published in July, 2025 is not over)
    records = figures(news.replace("全年将新增航线10条", "全年接待游客1560万人次"), published=dt.date(2025, 7, 30))
    assert period(by_text(records, "1560万人次")) == ("2024-01-01", "2024-12-31")
    # a year named as a base (比2023年) or a target (到2027年) is not the paragraph's year
    for sentence in ("比2023年增长8%。全年新开国际航线12条。", "到2027年建成航线500条。全年新开国际航线12条。"):
        records = figures("北仑港区动态\n\n" + sentence, published=dt.date(2025, 7, 8))
        assert period(by_text(records, "12条")) == ("2025-01-01", "2025-12-31")
    # a bulletin names its year in the title: 全年 is that year, whatever the paragraph says
    bulletin = "北仑区2023年国民经济和社会发展统计公报\n\n2022年获评全省第一。全年一般公共预算收入386.5亿元。"
    assert period(by_text(figures(bulletin, dt.date(2024, 3, 15)), "386.5亿元")) == ("2023-01-01", "2023-12-31")


def test_a_flow_after_a_sentence_on_the_year_end_covers_the_year_to_that_day():
    text = (
        "2023年末全区常住人口54.1万人，比上年末增加0.8万人。城镇居民人均可支配收入86512元，增长4.6%。"
        "其中户籍人口45.2万人。\n\n"
        "2024年3月末，全区存款余额2860.4亿元，地区生产总值668.3亿元。税收收入131.6亿元。"
    )
    periods = {r["text"]: period(r) for r in figures(text, dt.date(2024, 4, 20))}
    for stock in ("54.1万人", "0.8万人", "45.2万人"):
        assert periods[stock] == ("2023-12-31", "2023-12-31")
    assert periods["86512元"] == periods["4.6%"] == ("2023-01-01", "2023-12-31")
    assert periods["2860.4亿元"] == ("2024-03-31", "2024-03-31")
    # a 3月末 of its own sentence holds for a flow too; the next sentence's flow runs to that day
    assert periods["668.3亿元"] == ("2024-03-31", "2024-03-31")
    assert periods["131.6亿元"] == ("2024-01-01", "2024-03-31")


def test_this_years_targets_do_not_end_the_past_five_years():
    text = (
        "政府工作报告\n\n——2024年1月15日在北仑区人民代表大会会议上\n\n"
        "过去一年，全区实现地区生产总值2820.4亿元，增长6.8%。\n\n"
        "2024年主要预期目标是：地区生产总值增长6%左右；固定资产投资增长5%以上。\n\n"
        "过去五年，全区地区生产总值年均增长6.5%，累计引进世界500强企业项目15个。"
    )
    periods = {r["text"]: period(r) for r in figures(text, dt.date(2024, 1, 15))}
    assert periods["2820.4亿元"] == ("2023-01-01", "2023-12-31")
    assert periods["6%左右"] == periods["5%以上"] == ("2024-01-01", "2024-12-31")
    assert periods["6.5%"] == ("2018-01-01", "2023-12-31")
    assert periods["15个"] == ("2019-01-01", "2023-12-31")


def test_a_multiple_of_a_named_year_starts_there_when_the_text_names_no_period():
    text = "海铁联运箱量完成45.2万标准箱，同比增长12%，是2019年同期的2.3倍。"
    periods = {r["text"]: period(r) for r in figures(text, dt.date(2024, 4, 10))}
    assert periods["2.3倍"] == ("2019-01-01", "2024-12-31")
    assert periods["45.2万标准箱"] == periods["12%"] == ("2024-01-01", "2024-12-31")


def test_a_cagr_or_multiple_before_its_from_to_runs_between_the_years():
    text = (
        "“十四五”以来，全区地区生产总值年均增长6.5%，由2020年的2158.2亿元增加到2024年的2815.4亿元。"
        "企业数量增长了1.5倍，从2020年的1000家增加到2024年的2500家。"
    )
    records = figures(text, dt.date(2025, 7, 22))
    for rate in ("6.5%", "1.5倍"):
        record = by_text(records, rate)
        assert (record["period_start"], record["period_end"]) == ("2020-01-01", "2024-12-31")
    # the level reached is the indicator the 由 started from
    assert by_text(records, "2158.2亿元")["indicator_code"] == by_text(records, "2815.4亿元")["indicator_code"] == "gdp"
    assert by_text(records, "2500家")["period_end"] == "2024-12-31"


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("北侖區前三季度經濟運行情況\n\n發布時間：2025-10-28 09:30", "2025-10-28"),
        ("梅山一季度经济开门红\n\n2024年4月18日 来源：北仑区统计局", "2024-04-18"),
        ("2024年北仑区统计公报\n北仑区统计局 2025/03/15", "2025-03-15"),
        ("政府工作报告\n（2024年1月15日）", "2024-01-15"),
        ("2025-07-22", "2025-07-22"),
        # not a dateline: a body sentence, a title with more than the date, a day that does not exist
        ("北仑港区创新高\n\n2025年1月8日，记者从宁波舟山港集团获悉，2024年吞吐量创新高。", None),
        ("2024年12月31日北仑港区吞吐量创新高", None),
        ("北仑经济\n发布时间：2025-02-30", None),
    ],
)
def test_a_dateline_under_the_title_dates_the_article(head, published):
    found = dateline_date(clean_text(head + "\n\n全区实现地区生产总值1452.3亿元。"))
    assert (found.isoformat() if found else None) == published


def test_a_dateline_dates_relative_periods():
    text = "大榭开发区上半年经济稳中有进\n\n2025-07-22 宁波日报\n\n今年上半年，大榭开发区实现规上工业总产值1032亿元。"
    article = parse_article(RawArticle(Path("a4.txt"), text.encode(), None))
    assert (article.published, article.published_inferred) == (dt.date(2025, 7, 22), True)
    record = extract_figures("a4", article.text, article.published, article.published_inferred)[0]
    assert (record["period_start"], record["period_end"]) == ("2025-01-01", "2025-06-30")


def test_a_day_is_a_period_of_its_own():
    records = figures(
        "12月27日，北仑第二集装箱码头单日装卸量达5.2万标准箱。截至2024年6月18日，全区累计注册企业2.1万家。"
    )
    assert period(by_text(records, "5.2万标准箱")) == ("2024-12-27", "2024-12-27")
    assert period(by_text(records, "2.1万家")) == ("2024-06-18", "2024-06-18")


def test_the_first_months_without_ge_are_still_the_first_months():
    records = figures("前10月，全区外贸进出口总额达2531.6亿元；10月份，进出口额260.2亿元。")
    assert period(by_text(records, "2531.6亿元")) == ("2024-01-01", "2024-10-31")
    assert period(by_text(records, "260.2亿元")) == ("2024-10-01", "2024-10-31")


def test_a_list_of_periods_before_respectively_gives_each_figure_its_own():
    records = figures(
        "2024年一季度、二季度、三季度，全区GDP分别增长5.1%、5.8%和6.2%。"
        "2022年和2023年，全区GDP分别为2650.1亿元和2820.4亿元。",
        dt.date(2025, 3, 1),
    )
    assert [period(by_text(records, t))[1] for t in ("5.1%", "5.8%", "6.2%")] == [
        "2024-03-31",
        "2024-06-30",
        "2024-09-30",
    ]
    assert period(by_text(records, "5.8%"))[0] == "2024-04-01"
    assert [period(by_text(records, t))[1] for t in ("2650.1亿元", "2820.4亿元")] == ["2022-12-31", "2023-12-31"]


def test_a_bare_sub_period_is_of_the_year_its_sentence_names():
    records = figures(
        "2024年上半年，全区GDP为1452.3亿元；下半年为1533.3亿元。2021年末，户籍人口47万人。前三季度，进口额50亿元。",
        dt.date(2025, 8, 20),
    )
    assert period(by_text(records, "1533.3亿元")) == ("2024-07-01", "2024-12-31")
    assert period(by_text(records, "50亿元")) == ("2025-01-01", "2025-09-30")  # another sentence: this year


def test_a_title_ending_with_a_year_names_the_year_reported():
    text = clean_text("数说北仑2024\n\n地区生产总值：2985.6亿元，增长6.3%。")
    records = extract_figures("t", text, dt.date(2025, 1, 20), True)
    assert {period(r) for r in records} == {("2024-01-01", "2024-12-31")}
    # a plan named by its target year is no period
    records = extract_figures(
        "t", clean_text("科创甬江2035\n\n今年地区生产总值2985.6亿元。"), dt.date(2025, 1, 20), True
    )
    assert period(records[0]) == ("2025-01-01", "2025-12-31")


def test_the_past_year_of_a_work_report_anchors_its_whole_year_and_past_five_years_are_completed():
    records = figures(
        "过去一年，全区上下攻坚克难，较好完成了全年目标任务。全年实现地区生产总值2715.3亿元，增长6.3%。"
        "过去五年，全区地区生产总值年均增长6.5%，累计完成固定资产投资超过3000亿元。",
        dt.date(2025, 1, 9),
    )
    assert period(by_text(records, "2715.3亿元")) == ("2024-01-01", "2024-12-31")
    assert period(by_text(records, "6.5%"))[1] == "2024-12-31"
    assert period(by_text(records, "超过3000亿元")) == ("2020-01-01", "2024-12-31")
    records = figures(
        "今年上半年全区GDP增长5%。过去五年，全区GDP年均增长6.5%；近五年累计引进项目300个。", dt.date(2025, 7, 9)
    )
    assert period(by_text(records, "6.5%"))[1] == "2024-12-31"
    assert period(by_text(records, "300个"))[1] == "2025-12-31"
    # a comparison with last year names no year for 全年
    records = figures("2024年全区GDP 2000亿元，比去年增长5%。全年新开航线8条。", dt.date(2025, 3, 1))
    assert period(by_text(records, "8条")) == ("2024-01-01", "2024-12-31")


def test_a_month_within_the_cumulative_period_holds_for_its_own_sentence():
    records = figures(
        "1-10月，全区规上工业增加值1268.4亿元，同比增长7.2%。其中，10月当月实现规上工业增加值132.6亿元，"
        "环比增长2.4%。分行业看，汽车制造业增加值增长18.6%。",
        dt.date(2025, 11, 18),
    )
    assert period(by_text(records, "132.6亿元")) == ("2025-10-01", "2025-10-31")
    assert period(by_text(records, "18.6%")) == ("2025-01-01", "2025-10-31")


def test_a_year_in_chinese_numerals_is_a_period():
    records = figures("二〇二四年全区地区生产总值达2380.6亿元；二○二三年末常住人口45万人。", dt.date(2025, 3, 1))
    assert period(by_text(records, "2380.6亿元")) == ("2024-01-01", "2024-12-31")
    assert period(by_text(records, "45万人")) == ("2023-12-31", "2023-12-31")


def test_a_text_calling_its_latest_whole_year_last_year_was_written_the_year_after():
    text = clean_text(
        "寧波北侖區經濟持續向好 去年GDP按年增長5.8%\n\n二〇二四年全區地區生產總值達2,380.6億元，按年增長5.8%。"
    )
    assert infer_publication_year(text) == 2025
    # part of 2024 reported: 去年 is the year before it
    assert infer_publication_year(clean_text("2024年上半年，全区GDP增长5.1%。去年全区GDP增长4.8%。")) == 2024
    # 今年 reported: written in the year it names
    assert infer_publication_year(clean_text("2024年全区GDP增长5.1%。今年一季度增长4%，去年同期为3家。")) == 2024


def test_a_date_up_to_which_figures_run_is_no_target_and_holds_for_the_sentence():
    records = figures(
        "截至3月末，全区存款余额1586.3亿元；贷款余额1422.8亿元。新引进内资项目56个。到2027年，全区GDP达到4000亿元。",
        dt.date(2025, 4, 22),
    )
    assert period(by_text(records, "1422.8亿元")) == ("2025-03-31", "2025-03-31")
    assert period(by_text(records, "56个")) == ("2025-01-01", "2025-03-31")  # new ones: a flow up to the day
    assert period(by_text(records, "4000亿元")) == ("2027-01-01", "2027-12-31")


def test_quarter_and_month_ranges_in_chinese_numerals_and_a_quarters_end():
    records = figures(
        "一至三季度，全区GDP增长5.6%。一至十月，全区社会消费品零售总额400亿元。二季度末，全区存款余额1500亿元。",
        dt.date(2025, 11, 20),
    )
    assert period(by_text(records, "5.6%")) == ("2025-01-01", "2025-09-30")
    assert period(by_text(records, "400亿元")) == ("2025-01-01", "2025-10-31")
    assert period(by_text(records, "1500亿元")) == ("2025-06-30", "2025-06-30")


def test_hong_kong_names_of_the_first_quarters_and_months():
    records = figures(
        "今年首季GDP按年增長5.2%。首三季，出口按年增長8%。首10個月，進口按年增長6%。", dt.date(2025, 11, 20)
    )
    assert [period(by_text(records, t))[1] for t in ("5.2%", "8%", "6%")] == ["2025-03-31", "2025-09-30", "2025-10-31"]


def test_quarters_and_halves_as_the_media_write_them():
    records = figures(
        "2025年Q1，全区GDP增长5.2%。今年H1，出口增长8%。2024年Q1-Q3，进口增长3%。H1N1疫苗接种1200人。",
        dt.date(2025, 8, 1),
    )
    assert [period(by_text(records, t)) for t in ("5.2%", "8%", "3%")] == [
        ("2025-01-01", "2025-03-31"),
        ("2025-01-01", "2025-06-30"),
        ("2024-01-01", "2024-09-30"),
    ]
    assert period(by_text(records, "1200人")) == ("2024-01-01", "2024-09-30")  # H1N1 is a name, no period


def test_a_range_of_days_is_the_period():
    records = figures(
        "上周（11月10日至16日），宁波舟山港完成集装箱吞吐量82.6万标准箱，其中北仑港区完成31.2万标准箱。"
        "2025年1月1日-3月15日，全区出口增长5%。",
        dt.date(2025, 11, 18),
    )
    assert period(by_text(records, "82.6万标准箱")) == ("2025-11-10", "2025-11-16")
    assert period(by_text(records, "31.2万标准箱")) == ("2025-11-10", "2025-11-16")
    assert period(by_text(records, "5%")) == ("2025-01-01", "2025-03-15")


def test_a_run_of_years_in_a_top_group_is_not_the_next_rank_s():
    records = figures("北仑区连续5年跻身前十，在浙江省入选的22个区中排名第二。宁波舟山港连续15年位居全球第一。")
    assert period(by_text(records, "第二")) == ("2024-01-01", "2024-12-31")
    assert period(by_text(records, "全球第一")) == ("2009-01-01", "2023-12-31")


def test_a_range_of_years_is_the_span_of_its_figures_but_not_a_programmes_name():
    records = figures(
        "2020—2024年，全区累计完成固定资产投资1862亿元，规上工业增加值年均增长8.3%。\n\n"
        "根据《第十三个五年规划（2016-2020年）》，全区地区生产总值年均增长6%。2021-2023年行动计划提出新增企业100家。",
        dt.date(2025, 10, 20),
    )
    invested = by_text(records, "1862亿元")
    assert (invested["period_start"], invested["period_end"]) == ("2020-01-01", "2024-12-31")
    assert by_text(records, "8.3%")["period_end"] == "2024-12-31"
    assert by_text(records, "6%")["period_end"] == by_text(records, "100家")["period_end"] == "2025-12-31"


def test_a_work_report_named_for_its_year_reports_on_the_year_before():
    records = figures(
        "2025年北仑区人民政府工作报告\n\n过去一年，全区上下攻坚克难。全年实现地区生产总值2856.3亿元、增长6.0%。\n\n"
        "2025年主要预期目标是：地区生产总值增长6%左右。",
        dt.date(2025, 1, 20),
    )
    assert [(r["text"], r["period_end"]) for r in records] == [
        ("2856.3亿元", "2024-12-31"),
        ("6.0%", "2024-12-31"),
        ("6%左右", "2025-12-31"),
    ]


def test_the_same_period_a_year_earlier_holds_for_its_own_sentence_only():
    records = figures(
        "上半年，全区地区生产总值同比增长6.1%，去年同期为5.2%。全区出口额500亿元，去年同期为450亿元。"
        "全区进口增长8%。一季度GDP增长4.8%，上年同期增长3.9%。",
        dt.date(2024, 7, 20),
    )
    assert [(r["text"], r["measure"], r["period_start"], r["period_end"]) for r in records] == [
        ("6.1%", "growth_pct", "2024-01-01", "2024-06-30"),
        ("5.2%", "growth_pct", "2023-01-01", "2023-06-30"),
        ("500亿元", "level", "2024-01-01", "2024-06-30"),
        ("450亿元", "level", "2023-01-01", "2023-06-30"),
        ("8%", "growth_pct", "2024-01-01", "2024-06-30"),
        ("4.8%", "growth_pct", "2024-01-01", "2024-03-31"),
        ("3.9%", "growth_pct", "2023-01-01", "2023-03-31"),
    ]


def test_a_programme_still_to_come_spans_all_its_years():
    records = figures(
        "“十五五”期间，全区计划完成固定资产投资3000亿元。“十四五”以来，北仑累计引进外资项目300个。",
        dt.date(2024, 11, 20),
    )
    assert [(r["period_start"], r["period_end"]) for r in records] == [
        ("2026-01-01", "2030-12-31"),
        ("2021-01-01", "2024-12-31"),
    ]


def test_a_result_for_the_whole_year_in_a_first_quarter_text_is_the_year_under_review():
    text = "北仑港区动态\n\n全年新开国际航线12条。明年计划：全年将新增航线10条。"
    records = figures(text, published=dt.date(2025, 2, 10))
    assert period(by_text(records, "12条")) == ("2024-01-01", "2024-12-31")
    assert period(by_text(records, "10条")) == ("2025-01-01", "2025-12-31")  # a plan: this year
    records = figures(text, published=dt.date(2025, 6, 10))
    assert period(by_text(records, "12条")) == ("2025-01-01", "2025-12-31")


def test_a_year_under_review_is_the_year_the_paragraph_named_else_the_year_before_a_january_report():
    report = "区政府工作报告\n\n2022年是爬坡过坎的一年。一年来，我们攻坚克难。全区财政总收入达到312.5亿元。"
    records = figures(report, published=dt.date(2023, 8, 1))
    assert period(by_text(records, "312.5亿元")) == ("2022-01-01", "2022-12-31")
    report = "区政府工作报告\n\n各位代表：\n\n一年来，全区新增市场主体1.2万户。"
    records = figures(report, published=dt.date(2023, 1, 16))
    assert period(by_text(records, "1.2万户")) == ("2022-01-01", "2022-12-31")


def test_a_heading_naming_a_period_states_it_for_the_paragraphs_under_it():
    text = (
        "在区人代会上的报告\n\n各位代表，现在我向大会报告工作。\n\n2022年工作回顾\n\n"
        "（一）产业稳中有进。全区规上工业增加值增长7.5%。\n\n年末常住人口45.3万人。\n\n"
        "2023年主要目标\n\n地区生产总值增长6%左右。"
    )
    records = figures(text, published=dt.date(2023, 1, 12))
    assert period(by_text(records, "7.5%")) == ("2022-01-01", "2022-12-31")
    assert period(by_text(records, "45.3万人")) == ("2022-12-31", "2022-12-31")  # 年末 of the section's year
    assert not by_text(records, "7.5%")["period_inferred"]
    assert period(by_text(records, "6%左右")) == ("2023-01-01", "2023-12-31")  # the next heading's
    # a dateline or a page's navigation path is no heading
    dated = "港口快讯\n\n首页>新闻>2021年新闻\n\n货物吞吐量增长3.2%。"
    assert period(by_text(figures(dated, published=dt.date(2024, 5, 1)), "3.2%")) == ("2024-01-01", "2024-12-31")


def test_an_opening_statement_names_the_year_the_document_reports_on():
    text = "高新区发展一览\n\n导语 2022年，园区坚持创新驱动，发展势头良好。\n\n规上工业增加值增长9.1%。"
    records = figures(text, published=dt.date(2023, 4, 20))
    assert period(by_text(records, "9.1%")) == ("2022-01-01", "2022-12-31")
    # an opening with a figure of its own states only its own sentence's period
    text = "高新区发展一览\n\n2022年，园区营收增长4%。\n\n规上工业增加值增长9.1%。"
    records = figures(text, published=dt.date(2023, 4, 20))
    assert period(by_text(records, "9.1%")) == ("2023-01-01", "2023-12-31")


def test_periods_listed_after_one_comparison_word_are_all_bases():
    text = "1-8月，全区外贸出口占比为31.2%，分别较1-7月和上年同期提高0.3和2.1个百分点。出口增长6.6%。"
    records = figures(text, published=dt.date(2022, 9, 20))
    for figure in ("0.3", "2.1个百分点", "6.6%"):
        assert period(by_text(records, figure))[1].startswith("2022-")


def test_a_pages_url_dates_it():
    from beilun_etl.extraction.publication import url_date

    assert url_date("http://paper.example.cn/jj/2019/0412/881.html") == dt.date(2019, 4, 12)
    assert url_date("http://news.example.cn/system/2018/11/05/1.shtml") == dt.date(2018, 11, 5)
    assert url_date("http://example.cn/html/news/20170322/77.htm") == dt.date(2017, 3, 22)
    assert url_date("http://tjj.example.gov.cn/sjjd/201905/t20190517_1.htm") == dt.date(2019, 5, 17)
    assert url_date("http://example.cn/news/2023/1052/1.html") is None  # not a day
    assert url_date("https://example.com/story/7333/9178115") is None


def test_a_text_reporting_last_year_and_setting_this_years_targets_was_written_the_year_after():
    text = "2022年全区生产总值增长4.1%左右。去年，全区新增企业800家。今年全区经济增长预期目标为5%左右。"
    assert infer_publication_year(clean_text(text)) == 2023
