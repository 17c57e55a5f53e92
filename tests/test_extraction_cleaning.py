from beilun_etl.extraction import clean_text
from beilun_etl.extraction.textnorm import matching_view
from tests.extraction_helpers import figures


def test_line_endings_and_blank_lines_are_normalised():
    raw = "标题\r\n\r\n\r\n\r\n第一段。\r\n\r\n第二段。  \r\n"
    assert clean_text(raw) == "标题\n\n第一段。\n\n第二段。\n"


def test_word_broken_across_page_break_is_joined():
    raw = (
        "标题\n\n另一方面，北仑在“产学研用”深度融合方面狠下功夫。在“科技经纪人”牵线下，宁波臻"
        "\n\n至机械模具有限公司与北航宁波创新研究院组建联合攻关团队。"
    )
    cleaned = clean_text(raw)
    assert "宁波臻至机械模具有限公司" in cleaned
    assert cleaned.count("\n\n") == 1


def test_short_line_cut_inside_an_indicator_is_joined():
    raw = "标题\n\n上半年,全区规模以上工业增\n\n加值完成702.6亿元,同比增长9.6%。"
    assert "规模以上工业增加值完成702.6亿元" in clean_text(raw)


def test_headings_captions_and_titles_stay_on_their_own_line():
    raw = (
        "北仑奋力谱写新篇章\n\n周松华 周亚琼\n\n以创增速,推动产业蓄能向新\n\n制造业是北仑发展的优势所在。\n\n"
        "梅山湾美丽风情 金狄奇 摄\n\n### 2 扩开放\n\n正文。"
    )
    lines = clean_text(raw).strip().split("\n\n")
    assert lines == [
        "北仑奋力谱写新篇章",
        "周松华 周亚琼",
        "以创增速,推动产业蓄能向新",
        "制造业是北仑发展的优势所在。",
        "梅山湾美丽风情 金狄奇 摄",
        "### 2 扩开放",
        "正文。",
    ]


def test_line_ending_in_sentence_punctuation_is_not_joined():
    raw = "全区实现地区生产总值1365.56亿元，同比增长6.1%。\n\n今年上半年，北仑完成大宗商品销售0.93万亿元。"
    assert clean_text(raw).count("\n\n") == 1


def test_matching_view_keeps_offsets_for_traditional_and_full_width_text():
    text = clean_text("寧波舟山港完成貨物吞吐量１２．６億噸，佔全國的七成以上。")
    view = matching_view(text)
    assert len(view) == len(text)
    assert view.strip() == "宁波舟山港完成货物吞吐量12.6亿吨,占全国的七成以上。"


def test_breaks_after_function_words_and_inside_numbers_are_joined():
    raw = "标题\n\n全区实现地区生产总值13\n\n65.56亿元。北仑的\n\n产业集群加快发展。"
    assert "全区实现地区生产总值1365.56亿元。北仑的产业集群加快发展。" in clean_text(raw)


def test_a_dateline_is_not_joined_to_a_paragraph_that_opens_with_a_number():
    for dateline in ("北仑区统计局 2024-11-20", "北仑区统计局 2024/11/20", "来源：北仑区统计局 2024年11月20日"):
        raw = f"2024年1-10月北仑区经济运行简况\n{dateline}\n\n1-10月，全区规上工业增加值完成1050.3亿元。"
        assert clean_text(raw).split("\n\n")[1:] == [dateline, "1-10月，全区规上工业增加值完成1050.3亿元。\n"]
    # a number cut by a page break is still joined (the line does not end with a whole date)
    assert "生产总值2024.5亿元" in clean_text("标题\n\n全区实现地区生产总值2024\n\n.5亿元。")


def test_a_line_opened_by_a_dash_is_a_subtitle_not_the_start_of_a_paragraph():
    raw = "政府工作报告\n\n——2024年1月15日在北仑区第十八届人民代表大会第四次会议上\n\n过去一年，全区实现地区生产总值2820.4亿元。"
    assert clean_text(raw).split("\n\n")[1:] == [
        "——2024年1月15日在北仑区第十八届人民代表大会第四次会议上",
        "过去一年，全区实现地区生产总值2820.4亿元。\n",
    ]


def test_web_copies_lose_tags_and_entities():
    raw = "<h1>标题</h1><p>全区实现地区生产总值&nbsp;1365.56亿元，<b>同比增长6.1%</b>。</p><p>第二段&amp;结尾。</p>"
    assert clean_text(raw) == "标题\n\n全区实现地区生产总值1365.56亿元，同比增长6.1%。\n\n第二段&结尾。\n"


def test_spaces_set_around_numbers_in_pdf_copies_are_dropped():
    raw = "### 2 扩开放\n北仑区 2024 年实现 GDP 2985.6 亿元，增长 6.3 %。\n北仑区统计局 2024年11月20日"
    assert (
        clean_text(raw)
        == "### 2 扩开放\n\n北仑区2024年实现 GDP 2985.6亿元，增长6.3%。\n\n北仑区统计局 2024年11月20日\n"
    )
    records = figures(raw)
    assert [(r["text"], r["measure"], r["indicator_code"]) for r in records] == [
        ("2985.6亿元", "level", "gdp"),
        ("6.3%", "growth_pct", "gdp"),
    ]


def test_the_items_of_a_list_stay_on_their_own_lines():
    raw = (
        "北仑区2025年1-9月主要经济指标快报\n\n地区生产总值：2268.4亿元，增长5.9%\n规上工业增加值：1102.3亿元，增长7.4%\n"
        "固定资产投资：增长4.2%\n● 外贸进出口2876.5亿元\n▲ 新增市场主体2.1万户\n"
        "全区实现地区生产总值为2268.4亿元，比上年同期\n1.5亿元的增量高出不少。"
    )
    cleaned = clean_text(raw)
    assert "\n\n固定资产投资：增长4.2%\n\n● 外贸进出口2876.5亿元\n\n▲ 新增市场主体2.1万户\n\n" in cleaned
    assert "比上年同期1.5亿元的增量" in cleaned  # a sentence cut before a number is still joined
    records = figures(raw)
    assert next(r for r in records if r["text"] == "4.2%")["indicator_code"] == "fixed_asset_investment"


def test_an_html_table_becomes_a_table_read_cell_by_cell():
    raw = (
        "<h1>北仑区2024年主要经济指标</h1><table><tr><th>指标</th><th>单位</th><th>2024年</th><th>比上年增长(%)</th></tr>"
        "<tr><td>地区生产总值</td><td>亿元</td><td>2985.6</td><td>6.3</td></tr>"
        "<tr><td>进出口总额</td><td>亿元</td><td>4012.5</td><td>3.7</td></tr></table><p>全区经济运行稳中有进。</p>"
    )
    cleaned = clean_text(raw)
    assert "| 地区生产总值 | 亿元 | 2985.6 | 6.3 |" in cleaned
    assert cleaned.endswith("|\n\n全区经济运行稳中有进。\n")
    records = figures(raw)
    assert [(r["indicator_code"], r["measure"], r["value"]) for r in records] == [
        ("gdp", "level", 298_560_000_000),
        ("gdp", "growth_pct", 6.3),
        ("foreign_trade_total", "level", 401_250_000_000),
        ("foreign_trade_total", "growth_pct", 3.7),
    ]


def test_a_pipe_table_without_its_separator_row_is_still_a_table():
    raw = "北仑区2024年主要指标\n\n| 指标 | 单位 | 2024年 | 增长(%) |\n| 地区生产总值 | 亿元 | 2985.6 | 6.3 |\n| 进出口总额 | 亿元 | 4012.5 | 3.7 |\n"
    assert "| 指标 | 单位 | 2024年 | 增长(%) |\n|---|---|---|---|\n| 地区生产总值" in clean_text(raw)
    assert [r["value"] for r in figures(raw)] == [298_560_000_000, 6.3, 401_250_000_000, 3.7]


def test_a_table_copied_from_a_pdf_with_single_spaces_between_columns():
    raw = (
        "北仑区2024年主要指标\n\n指标 单位 2024年 增长(%)\n地区生产总值 亿元 2985.6 6.3\n进出口总额 亿元 4012.5 3.7\n"
        "全区 GDP 2985.6亿元。\n"
    )
    cleaned = clean_text(raw)
    assert "| 进出口总额 | 亿元 | 4012.5 | 3.7 |\n\n全区 GDP 2985.6亿元。" in cleaned  # prose stays prose
    assert [r["value"] for r in figures(raw)][:4] == [298_560_000_000, 6.3, 401_250_000_000, 3.7]


def test_a_headline_and_a_byline_are_not_joined_to_the_text_under_them():
    raw = (
        "南湖区领跑全市,西山县增速第一!各县前三季度财政收入出炉\n\n张三 2023-10-28 09:15:40\n\n"
        "前三季度,全市一般公共预算收入完成300.5亿元。"
    )
    assert clean_text(raw).split("\n\n") == [
        "南湖区领跑全市,西山县增速第一!各县前三季度财政收入出炉",
        "张三 2023-10-28 09:15:40",
        "前三季度,全市一般公共预算收入完成300.5亿元。\n",
    ]
    assert [r["text"] for r in figures(raw)] == ["300.5亿元"]


def test_a_list_of_percentages_that_lost_its_separators_gets_them_back():
    raw = "标题\n\n城镇和农村人口分别占58.1%41.9%,出口、进口分别增长3.0%-1.5%。"
    cleaned = clean_text(raw)
    assert "分别占58.1%、41.9%," in cleaned and "分别增长3.0%-1.5%" in cleaned
    assert [r["value"] for r in figures(raw) if r["unit"] == "percent"][:2] == [58.1, 41.9]


def test_a_dateline_with_its_source_after_a_title_stands_alone():
    raw = "10个数字看懂全县经济\n2023-02-10 08:30 | 来源:县融媒体中心\n2月9日,县政府召开新闻发布会,通报全年经济数据。"
    assert clean_text(raw).split("\n\n")[:2] == ["10个数字看懂全县经济", "2023-02-10 08:30 | 来源:县融媒体中心"]


def test_a_bilingual_yearbook_table_with_a_stacked_header_is_read_by_its_columns():
    raw = (
        "表2-5 各县(市)生产总值构成(2010)\n单位:%\n"
        "地区 Region 生产总值 其中  of Which\n第一产业 第 二产业   第三产业\n"
        "Gross Domestic Primary  Secondary  #工业 Tertiary\n Product Industry Industry Industry Industry\n"
        "产业结构 Structure\n"
        "  慈溪   Cixi 100.0 4.7 62.1 59.0 33.2\n  余姚   Yuyao 100.0 5.6 60.4 57.1 34.0\n"
        "增长速度 Growth Rate\n  慈溪   Cixi 8.8 5.1 8.9 9.8 9.0\n  余姚   Yuyao 10.4 5.2 9.6 10.1 12.8\n"
    )
    assert "| 地区 |  | 生产总值 | 第一产业 | 第二产业 | 工业 | 第三产业 |" in clean_text(
        raw
    )  # 工业 where it is written
    found = {(r["value"], r["zone"]): r for r in figures(raw)}
    assert (found[(59.0, "cixi")]["indicator_code"], found[(59.0, "cixi")]["measure"]) == (
        "industrial_value_added",
        "share_pct",
    )
    assert (found[(12.8, "yuyao")]["indicator_code"], found[(12.8, "yuyao")]["measure"]) == (
        "value_added_tertiary",
        "growth_pct",
    )
    assert found[(12.8, "yuyao")]["period_end"] == "2010-12-31"


def test_a_bilingual_yearbook_table_of_years_takes_each_column_s_year_and_its_chinese_caption():
    raw = (
        "2-6  地区生产总值构成\nComposition of Gross Regional Product\n单位:%           (%)\n"
        "    item 2005 2010 2015\n第一产业   primary industry 6.6 4.2 3.6\n"
        "第二产业    secondary industry  53.4 55.4 49.0\n第三产业   tertiary industry 40.0 40.4 47.4\n"
    )
    found = {(r["value"], r["period_end"]): r for r in figures(raw)}
    assert found[(55.4, "2010-12-31")]["indicator_code"] == "value_added_secondary"
    assert found[(47.4, "2015-12-31")]["measure"] == "share_pct"  # 构成 in the Chinese caption above the English


def test_a_yearbook_table_s_later_sections_keep_the_years_and_the_unit_of_its_header():
    raw = (
        "16  国民经济结构指标\n单位:%           (%)\n              Item 2000 2006 2007\n"
        "城镇乡村人口结构 By Urban and Rural   100.0 100.0\n     Urban   46.7 48.3\n"
        "本市生产总值结构 GDP by Industry 100.0 100.0 100.0\n  第一产业  Primary Industry 17.8 11.2 11.7\n"
        "  第二产业  Secondary Industry 38.9 43.5 45.9\n"
    )
    found = {(r["value"], r["period_end"]): r for r in figures(raw)}
    assert found[(43.5, "2006-12-31")]["indicator_code"] == "value_added_secondary"
    assert found[(11.7, "2007-12-31")]["unit"] == "percent"
