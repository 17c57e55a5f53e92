import datetime as dt

from beilun_etl.extraction import extract_figures
from tests.extraction_helpers import by_text, figures


def test_default_zone_is_the_main_zone_and_scopes_are_not_zones():
    records = figures("北仑区今年上半年地区生产总值1365.56亿元，位居全省第一，约占全国4%。北仑新增企业9家。")
    assert {r["zone"] for r in records} == {"beilun"}
    # a news agency's tag before the subject
    records = figures("宁波经济稳中向好\n\n【本报讯】北仑区2024年地区生产总值达2380.6亿元。", dt.date(2025, 2, 1))
    assert records[0]["zone"] == "beilun"


def test_a_zone_that_is_the_subject_of_a_clause_takes_over():
    text = (
        "宁波北仑经济稳步发展。北仑新增企业9家。\n\n"
        "临港经济示范区是北仑成立最早的工业园区之一，集聚了企业1100多家。\n\n"
        "6月，在郭巨街道，穿山港区集疏运基地一期工程正式开工。该基地总用地面积约219.73亩。\n\n"
        "北仑还充分发挥临港优势；浙江自贸区油气服务平台正式上线，6家企业率先入驻。"
    )
    records = figures(text)
    assert by_text(records, "1100多家")["zone"] == "lingang_zone"
    assert by_text(records, "约219.73亩")["zone"] == "chuanshan"
    assert by_text(records, "6家")["zone"] == "beilun"


def test_city_release_and_district_paragraph_with_respectively():
    text = (
        "2024年前三季度宁波市经济运行情况\n\n宁波市统计局\n\n"
        "前三季度全市实现地区生产总值13248.6亿元，同比增长5.5%。\n\n"
        "北仑区实现地区生产总值2143.6亿元，增长6.2%，增速居全市第二；镇海区规模以上工业增加值增长10.8%；"
        "慈溪市、余姚市地区生产总值分别增长5.7%和5.3%。"
    )
    records = figures(text, dt.date(2024, 12, 31))
    assert by_text(records, "13248.6亿元")["zone"] == "ningbo"
    assert by_text(records, "2143.6亿元")["zone"] == "beilun"
    assert by_text(records, "全市第二")["zone"] == "beilun"
    assert by_text(records, "10.8%")["zone"] == "zhenhai"
    fifth, sixth = by_text(records, "5.7%"), by_text(records, "5.3%")
    assert (fifth["zone"], sixth["zone"]) == ("cixi", "yuyao")
    assert fifth["measure"] == sixth["measure"] == "growth_pct"
    assert fifth["indicator_code"] == sixth["indicator_code"] == "gdp"


def test_wider_zone_as_subject_with_a_verb():
    text = "北仑鄞州双核领跑\n\n北仑区实现地区生产总值1284.7亿元。全市层面，宁波实现地区生产总值7786.3亿元；全市外贸进出口总额6206.6亿元。"
    records = figures(text)
    assert by_text(records, "1284.7亿元")["zone"] == "beilun"
    assert by_text(records, "7786.3亿元")["zone"] == "ningbo"
    assert by_text(records, "6206.6亿元")["zone"] == "ningbo"


def test_own_zone_words_and_port_epithets():
    text = "北仑港城发展报告\n\n我区新增企业9家。从千吨级的小码头到世界第一大港，宁波舟山港完成货物吞吐量13.24亿吨。"
    records = figures(text)
    assert by_text(records, "9家")["zone"] == "beilun"
    assert by_text(records, "世界第一")["zone"] == "ningbo_zhoushan_port"


def test_a_place_the_dictionary_lacks_gets_no_zone():
    text = "北仑经济观察\n\n上半年，北仑区实现地区生产总值1284.7亿元。苏州工业园区实现地区生产总值1800亿元，增长5%。"
    records = figures(text)
    assert [r["zone"] for r in records] == ["beilun", None, None]


def test_an_article_comparing_the_districts_is_about_the_city():
    text = (
        "上半年宁波各区县（市）经济成绩单\n\n全市规模以上工业增加值2414.1亿元。\n\n"
        "北仑区实现地区生产总值1284.7亿元；鄞州区实现地区生产总值1318.2亿元；慈溪市实现地区生产总值1095.3亿元；"
        "余姚市实现地区生产总值731.6亿元；余姚市规上工业增加值增长5%；余姚市外贸进出口总额增长3%。"
    )
    records = figures(text)
    assert by_text(records, "2414.1亿元")["zone"] == "ningbo"
    assert by_text(records, "731.6亿元")["zone"] == "yuyao"


def test_a_project_settled_in_a_zone_belongs_to_it():
    records = figures("其中，落户梅山的一个智能制造项目总投资约30亿元，建成后可实现年产值约60亿元。")
    assert by_text(records, "约30亿元")["zone"] == "meishan"
    assert by_text(records, "约60亿元")["zone"] == "meishan"


def test_an_unnamed_port_area_after_several_named_ones_is_the_port():
    text = (
        "今年，宁波舟山港完成集装箱吞吐量3000万标准箱。梅山港区新建2个泊位；穿山港区完成码头改造。"
        "港区投入运营的智能集卡已超过80辆。"
    )
    assert by_text(figures(text), "超过80辆")["zone"] == "ningbo_zhoushan_port"
    single = "在梅山港区，逾60辆智能集卡投入运营。港区单箱能耗下降约10%。"
    assert by_text(figures(single), "约10%")["zone"] == "meishan"


def test_the_size_of_a_ranked_group_is_the_scopes_and_a_reach_is_the_subjects():
    text = (
        "北仑跨境贸易投资高水平开放试点业务规模384.4亿美元，居全国4个试点地区首位，"
        "在全省11个设区市中排第一。\n\n"
        "宁波舟山港海铁联运业务已辐射全国16个省（区、市），北仑新增外贸企业120家。"
    )
    records = figures(text, dt.date(2024, 12, 31))
    assert by_text(records, "4个")["zone"] == "china"
    assert by_text(records, "11个")["zone"] == "zhejiang"
    assert by_text(records, "16个")["zone"] == "ningbo_zhoushan_port"
    assert by_text(records, "120家")["zone"] == "beilun"
    assert by_text(records, "384.4亿美元")["zone"] == "beilun"


def test_a_group_of_the_subjects_peers_is_counted_in_the_zone_above_it():
    text = (
        "浙江自贸试验区宁波片区正式获批，成为3个扩展区域中最集中、面积最大的片区。\n\n"
        "2023年，梅山街道在7个街道中排名第一，是全区10个产业平台中面积最大的。"
        "全年新开工5个项目中最大的是港口项目，另有2个项目获评最美工地。"
    )
    records = figures(text, dt.date(2024, 12, 31))
    assert by_text(records, "3个")["zone"] == "zj_ftz"
    assert by_text(records, "7个")["zone"] == "beilun"  # the street's peers: the district's streets
    assert by_text(records, "10个")["zone"] == "beilun"  # named: 全区
    # not the subject's peers: counts of its own projects
    assert by_text(records, "5个")["zone"] == by_text(records, "2个")["zone"] == "meishan"


def test_a_zone_named_right_after_one_it_lies_in_is_the_subject():
    text = (
        "北仑港口经济持续向好。\n\n"
        "宁波舟山港北仑港区完成集装箱吞吐量1205万标准箱，同比增长7.5%。"
        "宁波舟山港完成货物吞吐量6.9亿吨。宁波北仑新增企业120家。"
    )
    records = figures(text, dt.date(2025, 7, 25))
    assert by_text(records, "1205万标准箱")["zone"] == by_text(records, "7.5%")["zone"] == "beilun_port_area"
    assert by_text(records, "6.9亿吨")["zone"] == "ningbo_zhoushan_port"
    assert by_text(records, "120家")["zone"] == "beilun"


def test_a_zone_named_as_the_whole_of_a_share_does_not_end_the_subject():
    text = (
        "今年上半年，大榭开发区实现规模以上工业总产值1032亿元，占北仑区规上工业总产值的比重为27%左右。"
        "其中，石化产业产值867亿元，增长5.1%。"
    )
    records = figures(text, dt.date(2025, 7, 22))
    assert {r["zone"] for r in records} == {"daxie"}
    assert by_text(records, "27%左右")["share_of"] == "北仑区规上工业总产值"


def test_a_wider_zone_taken_as_a_whole_becomes_the_subject():
    text = "前三季度，梅山街道实现工业总产值212.5亿元，同比增长9.8%。北仑区整体来看，前三季度GDP增长6.1%。"
    records = figures(text, dt.date(2024, 10, 30))
    assert by_text(records, "9.8%")["zone"] == "meishan"
    assert by_text(records, "6.1%")["zone"] == "beilun"


def test_a_city_named_only_before_its_district_does_not_make_the_article_the_citys():
    records = figures(
        "寧波北侖區經濟持續向好\n\n【本報訊】浙江寧波市北侖區統計部門近日公布，2024年全區地區生產總值達2380.6億元。\n\n"
        "全年進出口總額約3105億元，佔寧波全市約三成。",
        dt.date(2025, 2, 1),
    )
    assert {r["zone"] for r in records} == {"beilun"}
    # a news agency's tag before the subject
    records = figures("宁波经济稳中向好\n\n【本报讯】北仑区2024年地区生产总值达2380.6亿元。", dt.date(2025, 2, 1))
    assert records[0]["zone"] == "beilun"


def test_the_whole_area_of_an_article_on_a_development_zone_is_that_zone():
    text = "大榭开发区前三季度指标稳中向好\n\n前三季度，大榭开发区完成固定资产投资96.5亿元。截至9月底，全区共有规上工业企业62家。"
    assert {r["zone"] for r in figures(text, dt.date(2025, 10, 20))} == {"daxie"}
    # an article that also names the district, or another place in it: 全区 may well be the district
    for other in ("北仑区实现地区生产总值2000亿元。", "春晓街道完成投资10亿元。"):
        assert by_text(figures(text + other, dt.date(2025, 10, 20)), "62家")["zone"] == "beilun"
    # the district as the whole of a share, or as a base, does not make it the subject
    for whole in ("投资占北仑区的12%。", "投资比北仑区平均增速高2个百分点。"):
        assert by_text(figures(text + whole, dt.date(2025, 10, 20)), "62家")["zone"] == "daxie"


def test_a_figure_in_brackets_after_a_place_is_that_places():
    records = figures(
        "分区县（市）看，GDP增速居前三位的是北仑（6.1%）、镇海（5.8%）和鄞州（5.2%）。", dt.date(2025, 3, 1)
    )
    assert [by_text(records, t)["zone"] for t in ("6.1%", "5.8%", "5.2%")] == ["beilun", "zhenhai", "yinzhou"]


def test_within_the_area_means_the_area_the_article_is_about():
    text = (
        "寧波保稅區前三季度經濟運行平穩\n\n前三季度，寧波保稅區實現地區生產總值136.8億元。\n\n"
        "梅山街道工業總產值212.5億元，區內企業完成進出口總額1180.4億元，當中進口795.2億元。北侖區整體來看，前三季度GDP增長6.1%。"
    )
    records = figures(text, dt.date(2024, 10, 30))
    assert by_text(records, "1180.4億元")["zone"] == "ningbo_bonded_zone"
    assert by_text(records, "795.2億元")["part_of"] == "1180.4億元"  # 當中 (Hong Kong) is 其中
    # a Hong Kong first-three-quarters before a port area names no unknown place
    records = figures("北侖港區表現亮眼。首三季北侖港區完成集裝箱吞吐量約1,050萬標準箱。", dt.date(2025, 10, 25))
    assert records[0]["zone"] == "beilun_port_area"
    # in an article about the port, 区内 is the last 区 named before, not the port
    text = "寧波北侖港貨量創新高\n\n北侖港區首三季貨物吞吐量2.35億噸。\n\n北侖區商務局表示，區內現有外資企業逾1,200家。"
    assert by_text(figures(text, dt.date(2025, 10, 28)), "逾1,200家")["zone"] == "beilun"


def test_a_place_in_a_news_agencys_byline_is_not_the_subject():
    for byline in ("（本報寧波電）", "新华社宁波11月20日电（记者 张三）", "本报北仑讯 "):
        text = f"宁波北仑港货量续创新高\n\n{byline}宁波舟山港北仑港区今年前三季度货物吞吐量达2.35亿吨。"
        assert figures(text, dt.date(2025, 10, 28))[0]["zone"] == "beilun_port_area", byline


def test_figures_handed_out_in_order_by_fen_lie_and_yi_ci():
    records = figures(
        "宁波各区县GDP排名\n\n北仑区以2985.6亿元位居全市第一，余姚市、慈溪市分列第三、第四位。"
        "海曙区、江北区、镇海区GDP依次为1380亿元、960亿元和1020亿元。",
        dt.date(2025, 3, 1),
    )
    assert [by_text(records, t)["zone"] for t in ("第三", "第四位")] == ["yuyao", "cixi"]
    assert [by_text(records, t)["zone"] for t in ("1380亿元", "960亿元", "1020亿元")] == [
        "haishu",
        "jiangbei",
        "zhenhai",
    ]
    # who ranks is named, what is ranked stands in the title; a gap between two places is no GDP
    assert by_text(records, "2985.6亿元")["indicator_code"] == "gdp"
    records = figures("北仑、鄞州地区生产总值分别为2630亿元和2767.5亿元，北仑以137.5亿元之差位居第二。")
    assert by_text(records, "137.5亿元")["indicator_code"] is None


def test_a_place_the_dictionary_lacks_has_no_zone_and_names_no_indicator():
    records = figures(
        "大连市2024年经济运行\n\n中山区实现地区生产总值560亿元，西岗区420亿元。全市GDP为2150亿元，长海县以300亿元居第三。",
        dt.date(2025, 2, 1),
    )
    assert [(r["zone"], r["indicator_code"]) for r in records][:2] == [(None, "gdp"), (None, "gdp")]
    assert [by_text(records, t)["zone"] for t in ("2150亿元", "300亿元")] == ["dalian", None]


def test_the_districts_and_counties_of_zhejiang_are_in_the_dictionary():
    records = figures(
        "舟山市2024年经济运行\n\n定海区实现地区生产总值560亿元，普陀区420亿元。全市GDP为2150亿元，岱山县以300亿元居第三。",
        dt.date(2025, 2, 1),
    )
    assert [by_text(records, t)["zone"] for t in ("560亿元", "420亿元", "2150亿元", "300亿元")] == [
        "dinghai",
        "putuo_zs",
        "zhoushan",
        "daishan",
    ]


def test_a_district_named_with_a_time_word_after_it_is_the_subject_in_an_article_on_its_port_area():
    text = "宁波北仑港区集装箱量再创新高\n\n当地官员表示，北仑区目前已聚集外资企业逾1000家。\n\n北仑港区吞吐量达2150万标准箱。"
    records = figures(text)
    assert by_text(records, "逾1000家")["zone"] == "beilun"
    assert by_text(records, "2150万标准箱")["zone"] == "beilun_port_area"


def test_places_listed_with_their_figures_each_take_theirs():
    text = (
        "全市规上工业增加值增长7.2%，其中北仑增长8.5%、镇海增长6.1%、鄞州增长7.8%。北仑地区生产总值增长6.1%、全市第一。"
    )
    records = figures(text, dt.date(2024, 10, 30))
    assert [by_text(records, t)["zone"] for t in ("7.2%", "8.5%", "6.1%", "7.8%")] == [
        "ningbo", "beilun", "zhenhai", "yinzhou"
    ]  # fmt: skip
    assert by_text(records, "7.8%")["indicator_code"] == "industrial_value_added_above_scale"
    assert by_text(records, "全市第一")["zone"] == "beilun"  # the scope of a rank, after a 、


def test_a_place_with_a_year_before_its_verb_is_the_subject():
    records = figures("北仑经济稳中有进。江苏省昆山市2024年GDP达5140.6亿元。", dt.date(2025, 2, 1))
    assert by_text(records, "5140.6亿元")["zone"] is None
    # and a wider zone the dictionary knows too (舟山市 in an article on Beilun)
    records = figures("北仑经济稳中有进。舟山市2024年实现GDP2245.6亿元，增长8.2%。", dt.date(2025, 2, 1))
    assert by_text(records, "8.2%")["zone"] == "zhoushan"


def test_a_place_above_the_main_one_is_a_subject_when_a_period_or_new_things_follow_it():
    records = figures(
        "宁波保税区首季实现进出口总值412.3亿元。"
        "另外，宁波前湾新区首季实现规上工业总产值1150亿元；杭州湾新区新引进亿元以上项目18个。"
    )
    assert [r["zone"] for r in records] == ["ningbo_bonded_zone", "qianwan", "hangzhou_bay_new_area"]


def test_a_place_the_dictionary_lacks_gets_no_zone_not_the_parent_named_nearby():
    text = "青禾县2023年国民经济和社会发展统计公报\n\n全县实现地区生产总值320.5亿元，增长6.1%，增速居台州各县第二。"
    records = figures(text, dt.date(2024, 3, 1))
    assert by_text(records, "320.5亿元")["zone"] is None
    assert by_text(records, "6.1%")["zone"] is None
    # the same article about a place it knows
    known = figures(text.replace("青禾县", "北仑区").replace("全县", "全区"), dt.date(2024, 3, 1))
    assert by_text(known, "320.5亿元")["zone"] == "beilun"


def test_an_article_naming_no_place_gets_no_zone_rather_than_a_default_district():
    records = figures("1-9月份全市规模以上工业增加值\n\n全市规上工业增加值同比增长3.1%，增速比1-8月加快0.2个百分点。")
    assert {r["zone"] for r in records} == {None}


def test_the_sidecar_title_or_url_names_the_zone_an_article_about_its_area_does_not():
    text = "全区实现地区生产总值400.1亿元，比上年增长10.3%。"
    by_title = extract_figures("t", text, dt.date(2011, 3, 31), title="2010年海曙区国民经济和社会发展统计公报")
    assert {r["zone"] for r in by_title} == {"haishu"}
    by_url = extract_figures("t", text, dt.date(2011, 3, 31), url="http://tjj.yinzhou.gov.cn/art/2011/3/31/1.html")
    assert {r["zone"] for r in by_url} == {"yinzhou"}
    unknown = extract_figures("t", text, dt.date(2011, 3, 31), title="青禾县2010年统计公报")
    assert {r["zone"] for r in unknown} == {None}


def test_national_figures_are_the_countrys():
    text = (
        "数读政府工作报告\n\n国务院总理在北京作政府工作报告。\n\n"
        "——国内生产总值达到99.1万亿元，增长6.1%。\n\n——城镇新增就业1352万人。"
    )
    records = figures(text, dt.date(2020, 5, 24))
    assert {r["zone"] for r in records} == {"china"}
    # in a district's article, only the clause naming the nation's product
    text = "北仑区经济运行\n\n北仑区地区生产总值增长5.8%，高于国内生产总值增速0.6个百分点。全区新增企业900家。"
    records = figures(text, dt.date(2024, 3, 1))
    assert by_text(records, "5.8%")["zone"] == by_text(records, "900家")["zone"] == "beilun"


def test_names_of_organisations_and_plain_words_set_no_zone():
    # a newspaper's header, a customs district, a port of entry
    text = "浙江日报 数字报\n\n北仑区今年上半年外贸进出口额1200亿元。杭州海关统计，出口增长8.1%。"
    records = figures(text, dt.date(2024, 7, 20))
    assert by_text(records, "1200亿元")["zone"] == by_text(records, "8.1%")["zone"] == "beilun"
    records = figures("宁波北仑外贸动态\n\n上半年，宁波口岸进出口1.2万亿元，同比下降3.4%。", dt.date(2024, 7, 20))
    assert by_text(records, "1.2万亿元")["zone"] is None
    # 片区 as a plain word names no area; after the area's full name it refers back to it
    plain = figures("北仑区重点工作\n\n二是片区开发再推进，新开工项目12个。", dt.date(2024, 7, 20))
    assert by_text(plain, "12个")["zone"] == "beilun"
    back = figures("浙江自贸试验区宁波片区建设\n\n今年以来，片区新增企业320家。", dt.date(2024, 7, 20))
    assert by_text(back, "320家")["zone"] == "zj_ftz_ningbo"
