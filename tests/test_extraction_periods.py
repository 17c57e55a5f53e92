import datetime as dt
from pathlib import Path

import pytest

from beilun_etl.extraction import clean_text, dateline_date, extract_figures, infer_publication_year
from beilun_etl.pipeline.article_files import RawArticle
from beilun_etl.pipeline.articles import parse_article


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


def test_a_text_calling_its_latest_whole_year_last_year_was_written_the_year_after():
    text = clean_text(
        "寧波北侖區經濟持續向好 去年GDP按年增長5.8%\n\n二〇二四年全區地區生產總值達2,380.6億元，按年增長5.8%。"
    )
    assert infer_publication_year(text) == 2025
    # part of 2024 reported: 去年 is the year before it
    assert infer_publication_year(clean_text("2024年上半年，全区GDP增长5.1%。去年全区GDP增长4.8%。")) == 2024
    # 今年 reported: written in the year it names
    assert infer_publication_year(clean_text("2024年全区GDP增长5.1%。今年一季度增长4%，去年同期为3家。")) == 2024


def test_a_pages_url_dates_it():
    from beilun_etl.extraction.publication import url_date

    assert url_date("http://paper.example.cn/jj/2019/0412/881.html") == dt.date(2019, 4, 12)
    assert url_date("http://news.example.cn/system/2018/11/05/1.shtml") == dt.date(2018, 11, 5)
    assert url_date("http://example.cn/html/news/20170322/77.htm") == dt.date(2017, 3, 22)
    assert url_date("http://tjj.example.gov.cn/sjjd/201905/t20190517_1.htm") == dt.date(2019, 5, 17)
    assert url_date("http://example.cn/news/2023/1052/1.html") is None  # not a day
    assert url_date("https://example.com/story/7333/9178115") is None
    # an ObjectId: 0x5e5a1b00 seconds after 1970 fall on 2020-02-29; a hash of 24 hex digits older than
    # MongoDB, or one that would be made in the future, is no date
    assert url_date("https://reader.example.com/a/5e5a1b00aa00bb11cc22dd33?lang=zh-hk") == dt.date(2020, 2, 29)
    assert url_date("https://example.com/f/0e5a1b00aa00bb11cc22dd33") is None
    assert url_date("https://example.com/f/fe5a1b00aa00bb11cc22dd33") is None


def test_a_text_reporting_last_year_and_setting_this_years_targets_was_written_the_year_after():
    text = "2022年全区生产总值增长4.1%左右。去年，全区新增企业800家。今年全区经济增长预期目标为5%左右。"
    assert infer_publication_year(clean_text(text)) == 2023
