import datetime as dt

from beilun_etl.extraction import clean_text, extract_figures
from tests.extraction_helpers import by_text

PUBLISHED = dt.date(2025, 3, 15)
MAIN_TABLE = (
    "| 指标 | 单位 | 2024年 | 比上年增长(%) |\n"
    "|---|---|---|---|\n"
    "| 地区生产总值 | 亿元 | 2860.5 | 6.2 |\n"
    "| 规模以上工业增加值 | 亿元 | 1210.3 | 7.8 |\n"
    "| 外贸进出口总额 | 亿元 | 3050 | 9.1 |"
)
FIELDS = {
    "article_id", "text", "sentence", "char_start", "char_end", "indicator", "indicator_code", "zone",
    "measure", "value", "unit", "qualifier", "period_start", "period_end", "classifier", "share_of",
    "part_of", "part_of_seq", "confidence", "period_inferred", "trace",
}  # fmt: skip


def _extract(raw: str, published: dt.date = PUBLISHED) -> tuple[str, list[dict]]:
    text = clean_text(raw)
    records = extract_figures("t", text, published)
    for r in records:
        assert set(r) == FIELDS
        assert text[r["char_start"] : r["char_end"]] == r["text"]
        assert r["text"] in r["sentence"]
    return text, records


def _in_tables(records: list[dict]) -> list[dict]:
    return [r for r in records if r["sentence"].startswith("|")]


def _row(records: list[dict], label: str) -> list[tuple]:
    """(text, measure, value, unit, period_end) of the figures in the row that starts with `label`."""
    return [
        (r["text"], r["measure"], r["value"], r["unit"], r["period_end"])
        for r in records
        if r["sentence"].startswith(f"| {label} |")
    ]


def test_cleaning_keeps_table_rows_on_lines_of_their_own():
    raw = "2024年北仑区主要经济指标\n\n" + MAIN_TABLE.replace("\n", "\n\n") + "\n全年实现地区生产\n\n总值2860.5亿元。"
    text = clean_text(raw)
    assert text == "2024年北仑区主要经济指标\n\n" + MAIN_TABLE + "\n\n全年实现地区生产总值2860.5亿元。\n"


def test_a_main_indicators_table_gives_levels_and_growth_rates():
    text, records = _extract("2024年北仑区主要经济指标\n\n" + MAIN_TABLE)
    assert len(records) == 6
    gdp, growth = by_text(records, "2860.5"), by_text(records, "6.2")
    assert (gdp["measure"], gdp["value"], gdp["unit"]) == ("level", 286050000000, "CNY")
    assert (gdp["indicator"], gdp["indicator_code"], gdp["zone"]) == ("地区生产总值", "gdp", "beilun")
    assert (gdp["period_start"], gdp["period_end"], gdp["period_inferred"]) == ("2024-01-01", "2024-12-31", False)
    assert gdp["sentence"] == "| 地区生产总值 | 亿元 | 2860.5 | 6.2 |"
    assert (growth["measure"], growth["value"], growth["unit"]) == ("growth_pct", 6.2, "percent")
    assert growth["indicator_code"] == "gdp" and growth["period_end"] == "2024-12-31"
    assert by_text(records, "1210.3")["indicator_code"] == "industrial_value_added_above_scale"
    assert by_text(records, "9.1")["indicator_code"] == "foreign_trade_total"
    separator_end = text.index("\n", text.index("|---|"))
    assert all(r["char_start"] > separator_end for r in records)  # nothing from the header or the separator


def test_prose_around_a_table_is_read_exactly_as_without_it():
    before = "2024年，北仑区实现地区生产总值2860.5亿元，比上年增长6.2%。主要指标见下表。"
    after = "同期全区新增市场主体1.2万户，其中企业4500家。年末常住人口85.1万人。"
    _, plain = _extract(before + "\n\n" + after)
    text, mixed = _extract(before + "\n\n表1 2024年主要经济指标\n\n" + MAIN_TABLE + "\n\n" + after)
    prose = [r for r in mixed if not r["sentence"].startswith("|")]
    shift = text.index(after) - (len(before) + 2)
    for r in prose:
        if r["char_start"] > len(before):
            r["char_start"] -= shift
            r["char_end"] -= shift
        if r["part_of_seq"] is not None:  # the index of the total among the prose records
            r["part_of_seq"] = prose.index(mixed[r["part_of_seq"]])
    assert prose == plain
    assert len(_in_tables(mixed)) == 6


def test_part_of_links_follow_their_total_past_a_table():
    _, records = _extract("表1 主要指标\n\n" + MAIN_TABLE + "\n\n全年外贸进出口总额3050亿元，其中出口1800亿元。")
    exports = by_text(records, "1800亿元")
    assert records[exports["part_of_seq"]]["text"] == exports["part_of"] == "3050亿元"


def test_caption_unit_and_period_columns():
    raw = (
        "表2 2024年北仑区港口主要指标\n单位：万吨\n\n"
        "| 指标 | 2023年 | 2024年 | 增长(%) |\n"
        "|---|---|---|---|\n"
        "| 货物吞吐量 | 52000 | 55120.3 | 6.0 |\n"
        "| 原油吞吐量 | 约3000 | 3100 | -3.5 |"
    )
    _, records = _extract(raw)
    assert _row(records, "货物吞吐量") == [
        ("52000", "level", 520000000, "tonne", "2023-12-31"),
        ("55120.3", "level", 551203000, "tonne", "2024-12-31"),
        ("6.0", "growth_pct", 6, "percent", "2024-12-31"),
    ]
    approx = by_text(records, "约3000")
    assert (approx["qualifier"], approx["value"], approx["indicator_code"]) == (
        "approx",
        30000000,
        "crude_oil_throughput",
    )
    assert by_text(records, "-3.5")["value"] == -3.5


def test_units_and_measures_from_column_headers():
    raw = (
        "2024年北仑区主要指标\n\n"
        "| 项目 | 金额（亿元） | 年均增长(%) | 占比(%) | 比上年提高(百分点) | 全省位次 |\n"
        "|---|---|---|---|---|---|\n"
        "| 第二产业增加值 | 1640.8 | 7.1 | 56.5 | 0.4 | 3 |"
    )
    _, records = _extract(raw)
    assert _row(records, "第二产业增加值") == [
        ("1640.8", "level", 164080000000, "CNY", "2024-12-31"),
        ("7.1", "cagr_pct", 7.1, "percent", "2024-12-31"),
        ("56.5", "share_pct", 56.5, "percent", "2024-12-31"),
        ("0.4", "pct_points", 0.4, "pct_point", "2024-12-31"),
        ("3", "rank", 3, "rank", "2024-12-31"),
    ]
    assert {r["indicator_code"] for r in records} == {"value_added_secondary"}
    assert {r["zone"] for r in records} == {"beilun"}  # 全省 is the scope of the rank


def test_a_table_with_one_row_per_district():
    raw = (
        "北仑区经济运行情况\n\n2024年，北仑区经济运行稳中有进。\n\n"
        "表3 2024年部分区地区生产总值\n\n"
        "| 地区 | 地区生产总值（亿元） | 增速（%） |\n"
        "| --- | --- | --- |\n"
        "| 北仑区 | 2860.5 | 6.2 |\n"
        "| 镇海区 | 1250.7 | 5.1 |"
    )
    _, records = _extract(raw)
    assert [(r["text"], r["zone"], r["measure"], r["indicator_code"]) for r in records] == [
        ("2860.5", "beilun", "level", "gdp"),
        ("6.2", "beilun", "growth_pct", "gdp"),
        ("1250.7", "zhenhai", "level", "gdp"),
        ("5.1", "zhenhai", "growth_pct", "gdp"),
    ]
    assert {r["period_end"] for r in records} == {"2024-12-31"}


def test_cells_that_are_not_figures():
    raw = (
        "表1 2024年主要指标\n单位：亿元\n\n"
        "| 序号 | 指标 | 2024年 | 增长(%) |\n"
        "|---|---|---|---|\n"
        "| 1 | 地区生产总值① | 2860.5* | 6.2 |\n"
        "| 2 | 固定资产投资 | — | 4.8 |\n"
        "| 3 | 社会消费品零售总额 | - | … |\n"
        "| | 按行业分 | | |\n"
        "| 4 | 一般公共预算收入 |  | 3.9 |"
    )
    _, records = _extract(raw)
    assert [r["text"] for r in records] == ["2860.5", "6.2", "4.8", "3.9"]
    assert by_text(records, "2860.5")["indicator"] == "地区生产总值"


def test_full_width_bars_and_headers_naming_sub_periods():
    raw = (
        "北仑区2024年经济运行情况\n\n"
        "｜ 指标 ｜ 上半年 ｜ 1-9月 ｜ 2023年末 ｜\n"
        "｜---｜---｜---｜---｜\n"
        "｜ 外贸进出口总额(亿美元) ｜ 320.5 ｜ 480.2 ｜ - ｜\n"
        "｜ 常住人口(万人) ｜ ｜ ｜ 85.1 ｜"
    )
    _, records = _extract(raw)
    assert [(r["text"], r["unit"], r["value"], r["period_start"], r["period_end"]) for r in records] == [
        ("320.5", "USD", 32050000000, "2024-01-01", "2024-06-30"),
        ("480.2", "USD", 48020000000, "2024-01-01", "2024-09-30"),
        ("85.1", "person", 851000, "2023-12-31", "2023-12-31"),
    ]


def test_a_table_without_a_period_takes_the_document_default():
    _, records = _extract("| 指标 | 数值 |\n|---|---|\n| 国家级高新技术企业(家) | 1,230 |", dt.date(2024, 8, 20))
    (r,) = records
    assert (r["value"], r["unit"], r["classifier"], r["indicator_code"]) == (
        1230,
        "count",
        "家",
        "high_tech_enterprises",
    )
    assert (r["period_end"], r["period_inferred"]) == ("2024-12-31", True)


def test_rows_without_a_separator_and_whitespace_tables_are_not_tables():
    _, records = _extract("指标  2024年  增长\n\n地区生产总值  2860.5  6.2\n\n| 地区生产总值 | 2860.5 |")
    assert records == []


ALIGNED_TABLE = (
    "指标                    单位      2024年      比上年增长(%)\n"
    "地区生产总值            亿元      2860.5      6.2\n"
    "规模以上工业增加值      亿元      1210.3      7.8\n"
    "\n"
    "外贸进出口总额          亿元      3050        9.1"
)


def test_a_table_aligned_with_spaces_or_tabs_reads_as_the_same_pipe_table():
    published = "北仑区统计局  2025-03-15\n\n表1  2024年北仑区主要经济指标\n\n"
    for raw in (ALIGNED_TABLE, ALIGNED_TABLE.replace("      ", "\t").replace("  ", "\u3000\u3000")):
        text, records = _extract(published + raw)
        assert MAIN_TABLE in text
        assert text.startswith("北仑区统计局  2025-03-15\n\n表1  2024年北仑区主要经济指标\n\n|")
        _, piped = _extract(published + MAIN_TABLE)
        assert [(r["text"], r["measure"], r["value"], r["indicator_code"]) for r in records] == [
            (r["text"], r["measure"], r["value"], r["indicator_code"]) for r in piped
        ]
        assert _row(records, "规模以上工业增加值") == [
            ("1210.3", "level", 121030000000, "CNY", "2024-12-31"),
            ("7.8", "growth_pct", 7.8, "percent", "2024-12-31"),
        ]


def test_aligned_rows_with_qualified_or_scaled_cells_stay_in_the_table():
    raw = (
        "表2  2024年北仑区其他指标\n\n"
        "指标                          2024年        比上年增长(%)\n"
        "港口集装箱吞吐量(万标准箱)    约3000        5.1\n"
        "国家级高新技术企业(家)        1200余        8.0\n"
        "常住人口(人)                  85.1万        0.8"
    )
    text, records = _extract(raw)
    assert text.endswith(
        "|---|---|---|\n| 港口集装箱吞吐量(万标准箱) | 约3000 | 5.1 |\n"
        "| 国家级高新技术企业(家) | 1200余 | 8.0 |\n| 常住人口(人) | 85.1万 | 0.8 |\n"
    )
    assert _row(records, "港口集装箱吞吐量(万标准箱)")[0] == ("约3000", "level", 30000000, "TEU", "2024-12-31")
    assert by_text(records, "约3000")["qualifier"] == "approx"
    assert by_text(records, "1200余")["qualifier"] == "more_than"
    assert _row(records, "常住人口(人)") == [
        ("85.1万", "level", 851000, "person", "2024-12-31"),
        ("0.8", "growth_pct", 0.8, "percent", "2024-12-31"),
    ]


def test_lines_with_wide_gaps_that_are_not_a_table_stay_prose():
    raw = (
        "北仑区统计局    2025年3月15日    第1期\n\n"
        "全年实现地区生产总值2860.5亿元，  比上年增长6.2%，  增速居全市第二。\n"
        "规模以上工业增加值1210.3亿元，  增长7.8%，  居全市第一。"
    )
    text, records = _extract(raw)
    assert "|" not in text
    assert {r["text"] for r in records} >= {"2860.5亿元", "6.2%", "1210.3亿元", "7.8%"}


def test_rows_pasted_without_their_leading_bar_and_a_header_without_the_label_cell():
    raw = (
        "表3 2023年某县财政收支\n\n"
        "| 金额(亿元) | 比上年增长(%) |\n"
        "一般公共预算收入 | 88.6 | 4.1 |\n"
        "税收收入 | 70.2 | 3.5 |\n"
        "一般公共预算支出 | 120.4 | 6.0 |\n"
    )
    text, records = _extract(raw)
    assert "|  | 金额(亿元) | 比上年增长(%) |\n|---|---|---|\n| 一般公共预算收入 | 88.6 | 4.1 |" in text
    assert _row(records, "税收收入") == [
        ("70.2", "level", 7_020_000_000, "CNY", "2023-12-31"),
        ("3.5", "growth_pct", 3.5, "percent", "2023-12-31"),
    ]


def test_a_table_copied_one_cell_a_line():
    raw = (
        "上半年重点行业运行情况如下。\n"
        "行业 |\n企业数 |\n6月(亿元) |\n同比±% |\n"
        "纺织业 |\n41 |\n3.2 |\n-5.5 |\n"
        "通用设备制造业 |\n57 |\n6.9 |\n12.0 |\n"
    )
    text, records = _extract(raw, dt.date(2023, 7, 20))
    assert "| 行业 | 企业数 | 6月(亿元) | 同比±% |\n|---|---|---|---|\n| 纺织业 | 41 | 3.2 | -5.5 |" in text
    assert _row(records, "通用设备制造业") == [
        ("57", "level", 57, "count", "2023-06-30"),
        ("6.9", "level", 690_000_000, "CNY", "2023-06-30"),
        ("12.0", "growth_pct", 12.0, "percent", "2023-06-30"),
    ]
    assert _row(records, "纺织业")[2][:3] == ("-5.5", "growth_pct", -5.5)


def test_a_growth_rate_header_with_words_after_growth():
    raw = "| 指标 | 绝对值(万元) | 增长速度(%) |\n|---|---|---|\n| 地区生产总值 | 4000882 | 10.3 |\n"
    _, records = _extract(raw)
    assert [(r["measure"], r["value"]) for r in records] == [("level", 40_008_820_000), ("growth_pct", 10.3)]


def test_a_whitespace_table_with_labels_glued_to_their_first_figure():
    raw = (
        "2023年11月某市分经济类型工业增加值\n单位:亿元\n11月同比±%1-11月同比±%\n"
        "国有企业12.4 3.1 130.2 2.5\n私营企业88.1 -1.2 900.6 4.4\n\n全市经济平稳。"
    )
    text, records = _extract(raw, dt.date(2023, 12, 20))
    assert (
        "|  | 11月 | 同比±% | 1-11月 | 同比±% |\n|---|---|---|---|---|\n| 国有企业 | 12.4 | 3.1 | 130.2 | 2.5 |" in text
    )
    assert [(r["text"], r["measure"], r["period_start"]) for r in records if r["sentence"].startswith("| 私营")] == [
        ("88.1", "level", "2023-11-01"),
        ("-1.2", "growth_pct", "2023-11-01"),
        ("900.6", "level", "2023-01-01"),
        ("4.4", "growth_pct", "2023-01-01"),  # the change of the span to date beside it
    ]
    assert text.endswith("\n\n全市经济平稳。\n")


def test_a_glued_header_that_starts_with_what_the_table_holds():
    raw = "工业销售产值(亿元)9月同比±%1-9月同比±%\n甲县20.5 1.5 190.0 2.0\n乙县30.1 -2.2 280.3 3.0\n"
    text, records = _extract(raw, dt.date(2023, 10, 20))
    assert text.startswith("工业销售产值(亿元)\n\n|  | 9月 | 同比±% | 1-9月 | 同比±% |\n|---|")
    assert [(r["value"], r["unit"]) for r in records[:2]] == [(2_050_000_000, "CNY"), (1.5, "percent")]
    # a first line of figures is no header: nothing is made a table
    assert "|" not in clean_text("甲县20.5 1.5 190.0 2.0\n乙县30.1 -2.2 280.3 3.0\n丙县1.0 2.0 3.0 4.0\n")


def test_a_table_copied_one_cell_a_line_without_bars_with_a_unit_column_and_short_rows():
    """Cells one a line with blank lines between and no bars; a 单位 column after each label; a row with
    fewer figures than the first leaves its last columns empty; a header copied without its `)`."""
    raw = (
        "2024年1-3季度主要畜产品生产情况\n\n单位\n\n1-3季度全区\n\n比去年同期增长(%\n\n场外\n\n比去年同期增长(%\n\n"
        "肉牛出栏\n\n万头\n\n12.50\n\n3.6\n\n4.10\n\n-1.3\n\n"
        "家禽出栏\n\n万只\n\n152.2\n\n-2.1\n\n"
        "肉牛季末存栏\n\n万头\n\n18.10\n\n0.7\n\n2.40\n\n5.0\n\n"
        "注:场外指区属企业在外地的牧场。\n"
    )
    text, records = _extract(raw, dt.date(2024, 10, 30))
    assert "| 家禽出栏 | 万只 | 152.2 | -2.1 |  |  |" in text
    assert _row(records, "肉牛出栏")[:2] == [
        ("12.50", "level", 125_000, "count", "2024-09-30"),
        ("3.6", "growth_pct", 3.6, "percent", "2024-09-30"),
    ]
    assert [r[0] for r in _row(records, "家禽出栏")] == ["152.2", "-2.1"]
    stock = [r for r in records if r["sentence"].startswith("| 肉牛季末存栏 |")]
    assert {(r["period_start"], r["trace"]["period"]) for r in stock} == {("2024-09-30", "end_named_in_indicator")}


def test_short_lines_of_prose_and_figures_are_no_table():
    raw = "数说北仑\n\n地区生产总值\n\n2985.6亿元\n\n增长6.3%\n\n财政总收入\n\n580亿元\n\n增长3.1%\n"
    text, records = _extract(raw)
    assert "|" not in text
    assert [r["text"] for r in records] == ["2985.6亿元", "6.3%", "580亿元", "3.1%"]


def test_a_change_column_takes_the_zone_of_the_column_at_its_left():
    raw = (
        "2024年北仑区与镇海区主要指标\n"
        "| 指标 | 北仑区 | 比上年增长(%) | 镇海区 | 比上年增长(%) | 域外 | 比上年增长(%) |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 地区生产总值(亿元) | 2985.6 | 6.3 | 1365.6 | 5.1 | 120.5 | 2.2 |\n"
    )
    _, records = _extract(raw)
    assert [(r["text"], r["measure"], r["zone"]) for r in _in_tables(records)] == [
        ("2985.6", "level", "beilun"),
        ("6.3", "growth_pct", "beilun"),
        ("1365.6", "level", "zhenhai"),
        ("5.1", "growth_pct", "zhenhai"),
        ("120.5", "level", None),
        ("2.2", "growth_pct", None),
    ]


def test_a_web_table_in_sections_with_padded_rows_and_spaced_names():
    """Rows padded with empty cells (`| |||`) and without a leading bar, a section's name alone on a row,
    a header per section, names spaced to align (定 海): each section is a table, and the rows of places
    measure what their section or the total above them names."""
    raw = (
        "2020年3月主要统计指标 | |||||\n"
        "工业经济 | |||||\n"
        "指 标 | 单位 | 1-3月 | ±% | ||\n"
        "工业总产值 | 亿元 | 316.3 | 76.9 | ||\n"
        "分县(区)工业总产值 | |||||\n"
        "定 海 | 亿元 | 87.3 | 1.0 | ||\n"
        "普 陀 | 亿元 | 46.6 | -8.7 | ||\n"
        "水产品产量 | |||||\n"
        "指 标 | 单位 | 1-3月 | ±% | ||\n"
        "水产品总产量 | 万吨 | 35.07 | -3.9 | ||\n"
        "其中:定海区 | 万吨 | 4.31 | -7.6 | ||\n"
    )
    text, records = _extract(raw, dt.date(2020, 4, 20))
    assert "| 定海 | 亿元 | 87.3 | 1.0 |" in text
    got = {(r["text"], r["zone"], r["indicator_code"], r["measure"]) for r in _in_tables(records)}
    assert ("316.3", None, "industrial_output_above_scale", "level") in got  # the text names no place of its own
    assert ("87.3", "dinghai", "industrial_output_above_scale", "level") in got
    assert ("-8.7", "putuo_zs", "industrial_output_above_scale", "growth_pct") in got
    assert ("4.31", "dinghai", "aquatic_products_output", "level") in got
    assert all(r["period_end"] == "2020-03-31" for r in _in_tables(records))


def test_the_rows_of_a_section_by_place_are_places_even_those_the_dictionary_lacks():
    text = (
        "| 指标 | 单位 | 1-3月 | ±% |\n|---|---|---|---|\n| 分县(区)工业总产值 |\n"
        "| 定海 | 亿元 | 87.3 | 1.0 |\n| 金 塘 | 亿元 | 4.7 | -10.9 |\n"
    )
    records = extract_figures("t", clean_text(text), dt.date(2020, 4, 20))
    jintang = by_text(records, "4.7")
    assert (jintang["zone"], jintang["indicator_code"]) == (None, "industrial_output_above_scale")
    assert by_text(records, "87.3")["zone"] == "dinghai"
