from tests.extraction_helpers import figures


def test_years_durations_ordinals_names_and_labels_are_not_figures():
    text = (
        "### 2 扩开放\n\n2022年北仑实现……短短3年，20年来，落地4年来，入选第五批“最佳实践案例”，"
        "坚持八八战略、双一流、六促六优，上榜500强，建成5G全连接工厂，科创甬江2035，完善“141”体系，"
        "建成15分钟品质文化生活圈，打造千亿级、超百亿级产业集群，国家千万吨级液化天然气储运基地，"
        "获省五星评价，可靠泊24000标准箱级集装箱船和40万吨级矿砂船，实现两个100%覆盖，一批项目开工，"
        "三次产业协调发展，第一产业稳定，一个儿童友好的城区，中国共产党宁波市第十四届委员会第四次全体会议。\n\n"
        "梅山湾美丽风情 金狄奇 摄"
    )
    texts = [r["text"] for r in figures(text)]
    assert texts == ["100%"]


def test_superlatives_without_numerals_are_not_extracted():
    assert figures("华东地区规模最大、现代化程度最高的冷链项目开仓运营。") == []


def test_size_classes_durations_and_named_sets_are_not_figures():
    text = (
        "全区亿元以上项目32个，10亿元以上产业项目开工，对年营业收入首次突破10亿元、50亿元的企业给予奖励，"
        "今年前8个月，7×24小时在线受理，以“三个一号工程”为牵引。产值超亿元企业61家，超千万元项目12个，近千亿元产业集群3个。"
    )
    assert [r["text"] for r in figures(text)] == ["32个", "61家", "12个", "3个"]


def test_a_big_unit_with_no_digit_before_it_is_one_of_it():
    record = figures("全年实现跨境电商销售额超亿元。")[0]
    assert (record["text"], record["value"], record["qualifier"]) == ("超亿元", 100_000_000, "more_than")


def test_numbers_inside_quoted_policy_names_are_not_figures():
    texts = [r["text"] for r in figures("北仑出台“人才新政二十条”和“稳外资八条”，设立规模10亿元的基金。")]
    assert texts == ["10亿元"]


def test_programme_names_and_slogans_counted_with_a_numeral_are_not_figures():
    text = (
        "全县扎实推进五项民生工程和两个“千万工程”，围绕“三个县城”目标开展“四个年”活动，"
        "从六个方面部署了工作，落实九大攻坚行动，全年新建学校12所。"
    )
    assert [r["text"] for r in figures(text)] == ["12所"]


def test_counts_of_the_texts_own_figures_are_not_figures():
    text = "一图读懂：报告里的25个关键数据。8个数字看懂上半年经济，全市新增企业8个。"
    assert [r["text"] for r in figures(text)] == ["8个"]


def test_pronouns_and_words_before_a_numeral_are_not_counts():
    text = "这一成果来之不易，那一年我们遇到困难，这是全省唯一一个获批的县，园区引进项目两个。"
    assert [r["text"] for r in figures(text)] == ["两个"]


def test_the_nth_unit_of_a_milestone_is_no_rank():
    text = "今年第500万辆汽车下线，第1亿吨货物运抵码头，该区经济总量位居全省第三。"
    assert [(r["text"], r["measure"]) for r in figures(text)] == [("全省第三", "rank")]


def test_numbers_run_together_by_a_copy_are_not_one_figure():
    records = figures("三次产业增加值分别为1503228977361亿元,全年进出口总额4012.5亿元。")
    assert [r["text"] for r in records] == ["4012.5亿元"]
