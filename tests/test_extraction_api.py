import datetime as dt

from beilun_etl.extraction import (
    EXTRACTOR_VERSION,
    clean_text,
    extract_figures,
    extractor_fingerprint,
    infer_publication_year,
)
from beilun_etl.extraction.dictionaries import load_dictionaries
from tests.data_paths import SEEDS_DIR as SEEDS
from tests.extraction_helpers import by_text, figures

FIELDS = {
    "article_id", "text", "sentence", "char_start", "char_end", "indicator", "indicator_code", "zone",
    "measure", "value", "unit", "qualifier", "period_start", "period_end", "classifier", "share_of",
    "part_of", "part_of_seq", "confidence", "period_inferred", "trace",
}  # fmt: skip


def _seed(name: str) -> str:
    return clean_text((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))


def test_seed_publication_years_are_inferred():
    assert infer_publication_year(_seed("000_0ffcbe62cd3a376b")) == 2024
    assert infer_publication_year(_seed("003_e40ad7c70a5ae01c")) == 2023


def test_a_title_ending_with_a_year_dates_a_text_that_names_no_other_year():
    assert infer_publication_year("数说北仑2024\n\n地区生产总值：2718.6亿元，增长5.9%\n") == 2024
    assert infer_publication_year("科创甬江2035\n\n全区研发投入增长12%。\n") is None  # a plan's name


def test_records_have_the_contract_fields_and_offsets():
    text = _seed("000_0ffcbe62cd3a376b")
    records = extract_figures("000", text, dt.date(2024, 12, 31), published_inferred=True)
    assert records
    starts = [r["char_start"] for r in records]
    assert starts == sorted(starts)
    for r in records:
        assert set(r) == FIELDS
        assert text[r["char_start"] : r["char_end"]] == r["text"]
        assert r["text"] in r["sentence"]
        assert 0 <= r["confidence"] <= 1
        if r["part_of_seq"] is not None:
            assert records[r["part_of_seq"]]["text"] == r["part_of"]


def test_traditional_text_keeps_its_characters():
    text = clean_text("去年，寧波舟山港完成貨物吞吐量12.6億噸，同比增長3%，連續14年位居全球第一。")
    records = extract_figures("t", text, dt.date(2023, 1, 12))
    assert [r["text"] for r in records] == ["12.6億噸", "3%", "全球第一"]
    assert records[0]["indicator"] == "貨物吞吐量"
    assert records[0]["indicator_code"] == "cargo_throughput"
    assert records[0]["zone"] == "ningbo_zhoushan_port"
    assert records[2]["period_start"] == "2009-01-01"


def test_unmapped_indicators_keep_their_phrase_and_modifiers_drop_the_code():
    text = clean_text("2022年，北仑新增规模以上工业企业总数超过1000家，集聚规上数字经济企业174家。")
    records = extract_figures("t", text, dt.date(2023, 12, 31))
    assert [r["indicator_code"] for r in records] == [None, None]
    assert records[1]["indicator"] == "规上数字经济企业"


def test_above_limit_trade_and_catering_map_in_their_several_spellings():
    """Bulletins write 限额以上 or 限上, 批发和零售业 or 批发零售业; retail sales beside them keep their code."""
    text = clean_text(
        "1-10月，全区社会消费品零售总额612.7亿元；限额以上批发零售业商品销售额4820亿元，下降1.2%；"
        "限上住宿餐饮业营业额12.3亿元。全年限額以上批發和零售業商品銷售額5000億元。"
    )
    records = extract_figures("t", text, dt.date(2024, 11, 20))
    assert [(r["text"], r["indicator_code"]) for r in records] == [
        ("612.7亿元", "retail_sales"),
        ("4820亿元", "wholesale_retail_sales_above_limit"),
        ("1.2%", "wholesale_retail_sales_above_limit"),
        ("12.3亿元", "accommodation_catering_revenue_above_limit"),
        ("5000億元", "wholesale_retail_sales_above_limit"),
    ]


def test_part_of_links_and_sub_indicators():
    text = clean_text("2022年，完成跨境电商进出口总额597.7亿元，其中进口额211.41亿元。孵化器8家（国家级2家）。")
    records = extract_figures("t", text, dt.date(2023, 12, 31))
    imports = records[1]
    assert (imports["part_of"], imports["indicator_code"]) == ("597.7亿元", "cross_border_ecommerce_imports")
    assert records[3]["part_of"] == "8家"


def test_a_part_naming_a_kind_of_the_totals_holder_gets_the_sub_indicator():
    text = clean_text("全体居民人均可支配收入达到8.2万元，其中城镇居民9.1万元，农村居民5.6万元。")
    codes = [r["indicator_code"] for r in extract_figures("t", text, dt.date(2024, 12, 31))]
    assert codes == ["disposable_income", "disposable_income_urban", "disposable_income_rural"]


def test_fingerprint_and_dictionaries():
    assert extractor_fingerprint().startswith(EXTRACTOR_VERSION + "+")
    dicts = load_dictionaries()
    assert "beilun" in dicts.zones and "gdp" in dicts.indicators
    assert all(ind.kind in {"flow", "stock", "rate", "cumulative"} for ind in dicts.indicators.values())


def test_extraction_never_fails_on_garbled_text():
    import random

    random.seed(7)
    source = _seed("003_e40ad7c70a5ae01c") + _seed("000_0ffcbe62cd3a376b")
    alphabet = sorted(set(source)) + list("０１２３４５６７８９％年月第位居首连续")
    for _ in range(200):
        start = random.randint(0, len(source) - 1)
        chunk = "".join(c if random.random() > 0.05 else random.choice(alphabet) for c in source[start : start + 600])
        text = clean_text(chunk)
        infer_publication_year(text)
        for r in extract_figures("f", text, dt.date(2024, 6, 30)):
            assert text[r["char_start"] : r["char_end"]] == r["text"]
            assert r["period_start"] <= r["period_end"]


def test_phrases_keep_their_head_word_and_a_balance_is_no_part():
    text = clean_text(
        "2023年末，全区共有在校学生15.6万人，在建项目320个。居民消费价格指数（CPI）比上年上涨0.3%。"
        "全年完成进出口总额3500亿元，其中出口2100亿元，进口1400亿元，贸易顺差700亿元。"
    )
    records = {r["text"]: r for r in extract_figures("t", text, dt.date(2024, 3, 20))}
    assert records["15.6万人"]["indicator"] == "在校学生"
    assert records["320个"]["indicator"] == "在建项目"
    assert records["0.3%"]["indicator"] == "居民消费价格指数"
    assert records["2100亿元"]["part_of"] == records["1400亿元"]["part_of"] == "3500亿元"
    assert records["700亿元"]["part_of"] is None


def test_a_modifier_before_a_level_of_certification_drops_the_code():
    text = clean_text("2023年，全区高新技术企业总数突破1000家，其中新认定国家高新技术企业212家。")
    records = {r["text"]: r for r in extract_figures("t", text, dt.date(2024, 3, 20))}
    assert records["突破1000家"]["indicator_code"] == "high_tech_enterprises"
    assert records["212家"]["indicator_code"] is None  # the year's new certifications, not the stock


def test_trade_with_some_partners_is_a_part_of_its_own_not_the_total():
    records = figures(
        "全年进出口总额4012.5亿元。其中，对“一带一路”沿线国家进出口1520.4亿元，增长9.2%，占全区进出口总额的37.9%。"
        "对外贸易进出口总额比上年增长3.7%。",
        dt.date(2025, 3, 20),
    )
    assert by_text(records, "4012.5亿元")["indicator_code"] == "foreign_trade_total"
    for figure in ("1520.4亿元", "9.2%", "37.9%"):
        assert by_text(records, figure)["indicator_code"] is None
        assert by_text(records, figure)["indicator"] == "对“一带一路”沿线国家进出口"
    assert by_text(records, "3.7%")["indicator_code"] == "foreign_trade_total"


def test_a_rank_after_a_bare_verb_inherits_the_indicator():
    records = figures(
        "一季度，全区实现地区生产总值312.5亿元，同比增长5.9%，增速高于全市0.3个百分点，列全市第四。",
        dt.date(2025, 4, 22),
    )
    rank = by_text(records, "全市第四")
    assert (rank["value"], rank["indicator_code"]) == (4, "gdp")


def test_a_running_total_after_new_things_counts_all_of_them():
    records = figures("过去一年，新增国家级专精特新“小巨人”企业12家，累计达58家。", dt.date(2025, 3, 1))
    assert by_text(records, "12家")["indicator"] == "新增国家级专精特新“小巨人”企业"
    assert by_text(records, "58家")["indicator"] == "国家级专精特新“小巨人”企业"
    records = figures("今年城镇新增就业1.2万人，累计达8.6万人。", dt.date(2025, 3, 1))
    assert by_text(records, "8.6万人")["indicator_code"] == "new_urban_employment"  # 新增 inside the alias
    # and the new ones after a total are not the total
    records = figures(
        "全区高新技术企业数量达到1026家，五年净增600余家。去年引进世界500强项目5个。", dt.date(2025, 3, 1)
    )
    assert by_text(records, "1026家")["indicator_code"] == "high_tech_enterprises"
    assert (by_text(records, "600余家")["indicator"], by_text(records, "600余家")["indicator_code"]) == (
        "净增高新技术企业数量",
        None,
    )
    assert by_text(records, "5个")["indicator"] == "引进世界500强项目"  # 500强 names a list


def test_a_quantity_per_unit_is_no_total_and_a_share_span_names_its_whole():
    records = figures(
        "工业用地亩均税收达到42.5万元。限额以上单位网络零售额增长18.2%。"
        "北仑区GDP占宁波全市的比重由2020年的15.6%提高到2024年的16.8%。",
        dt.date(2025, 3, 20),
    )
    assert by_text(records, "42.5万元")["indicator_code"] is None
    assert by_text(records, "18.2%")["indicator_code"] == "online_retail_sales"
    assert by_text(records, "15.6%")["share_of"] == by_text(records, "16.8%")["share_of"] == "宁波全市"


def test_a_planned_figure_keeps_its_indicator_words_without_the_future_tense():
    text = clean_text("北仑区商务局负责人表示，预计全年外贸进出口总额将突破4000亿元。")
    record = extract_figures("t", text, dt.date(2025, 10, 25))[0]
    assert (record["indicator"], record["indicator_code"]) == ("外贸进出口总额", "foreign_trade_total")


def test_an_aim_before_a_planned_figure_names_no_indicator():
    text = clean_text("今年以来，宁波舟山港累计完成集装箱吞吐量3450万标准箱，预计全年将突破4000万标准箱。")
    records = extract_figures("t", text, dt.date(2025, 11, 18))
    assert [r["indicator_code"] for r in records] == ["container_throughput", "container_throughput"]


def test_a_growth_takes_the_indicator_a_figureless_clause_before_it_names():
    records = figures(
        "规上工业增加值增长8.2%，出口保持较快增长，增长12.3%。进出口总额4012.5亿元，扭转了下降态势，增长3.7%。",
        dt.date(2025, 3, 20),
    )
    assert by_text(records, "12.3%")["indicator_code"] == "exports"
    assert by_text(records, "3.7%")["indicator_code"] == "foreign_trade_total"  # a clause naming no indicator: inherit


def test_a_counted_noun_ends_before_among_them():
    records = figures("1-10月，35个工业大类行业中有26个行业增加值实现增长。全区1486家规上企业中，312家产值下降。")
    assert by_text(records, "35个")["indicator"] == "工业大类行业"
    assert by_text(records, "1486家")["indicator"] == "规上企业"
    assert by_text(figures("全区近千家企业参与数字化改造。"), "近千家")["indicator"] == "企业参与数字化改造"


def test_phrases_leave_out_reach_and_first_time_words_and_a_compared_figure():
    records = figures(
        "在面积仅30余平方公里的大榭岛上，区内企业研发投入达到28.6亿元，研发投入强度提升至2.26%。"
        "民营企业进出口额首次突破千亿元。全区居民人均可支配收入63580元，增长5.0%，高于GDP增速0.4个百分点。"
    )
    assert by_text(records, "30余平方公里")["indicator"] == "面积"
    assert by_text(records, "28.6亿元")["indicator"] == "企业研发投入"
    assert by_text(records, "2.26%")["indicator"] == "研发投入强度"
    assert by_text(records, "突破千亿元")["indicator"] == "民营企业进出口额"
    assert by_text(records, "0.4个百分点")["indicator_code"] == "disposable_income"


def test_a_level_reached_far_after_its_indicator_keeps_it():
    records = figures("街道规上工业企业数量由2021年的68家增加到2024年的97家。全街道现有模具企业1200余家。")
    assert by_text(records, "97家")["indicator_code"] == by_text(records, "68家")["indicator_code"]
    assert by_text(records, "97家")["indicator"] == "规上工业企业数量"
    assert by_text(records, "1200余家")["indicator"] == "模具企业"


def test_a_month_word_or_a_verb_reaching_a_level_is_no_indicator():
    records = figures(
        "1-2月，全区规上工业增加值同比增长9.1%，其中2月当月增长12.3%。2023年全区实现GDP2380.6亿元，2024年增至2521.3亿元。"
    )
    assert by_text(records, "12.3%")["indicator_code"] == "industrial_value_added_above_scale"
    assert by_text(records, "2521.3亿元")["indicator_code"] == "gdp"


def test_a_plan_and_a_time_after_reaching_capacity_are_no_indicator_words():
    records = figures("到2026年底，全区将建成5G基站8000个。项目预计2027年投产，达产后年产值可达300亿元。")
    assert by_text(records, "8000个")["indicator"] == "5G基站"
    assert by_text(records, "300亿元")["indicator"] == "年产值"
    assert by_text(figures("全年新建农村公路38.6公里，完成率103%。"), "103%")["indicator"] == "完成率"
