"""Where an article's publication date comes from: sidecar, dateline, the page's URL, then the year."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from beilun_etl.pipeline.article_files import ArticleRejected
from beilun_etl.pipeline.articles import load_article

_TEXT = "今年前8个月，宁波外贸进出口总额达7635.5亿元，同比增长23.6%。\n"  # no year anywhere


def _article(tmp_path: Path, text: str, meta: dict | None) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / "a.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_page_without_date_or_year_is_dated_by_the_day_its_url_files_it_under(tmp_path: Path) -> None:
    article = load_article(_article(tmp_path, _TEXT, {"url": "http://epaper.example.cn/jj/2021/0913/53188.html"}))
    assert (article.published, article.published_inferred) == (dt.date(2021, 9, 13), True)


def test_a_sidecar_date_outranks_the_url(tmp_path: Path) -> None:
    meta = {"url": "http://news.example.cn/system/2023/07/20/030507041.shtml", "published": "2023-07-21"}
    article = load_article(_article(tmp_path, _TEXT, meta))
    assert (article.published, article.published_inferred) == (dt.date(2023, 7, 21), False)


@pytest.mark.parametrize("url", [None, "http://example.cn/art/2023/1052/x.html", "http://example.cn/2999/01/02/x.html"])
def test_a_url_without_a_real_past_day_leaves_the_article_undated(tmp_path: Path, url: str | None) -> None:
    with pytest.raises(ArticleRejected) as rejected:
        load_article(_article(tmp_path, _TEXT, {"url": url} if url else None))
    assert rejected.value.reason == "undated"


def test_a_text_that_starts_with_its_body_has_no_title_and_its_host_names_its_zone(tmp_path: Path) -> None:
    from beilun_etl.extraction import extract_article

    text = (
        "上半年,全市上下认真贯彻落实考察浙江重要讲话精神,经济运行延续回升向好态势。全市实现地区生产总值656.58亿元。\n"
    )
    article = load_article(_article(tmp_path, text, {"url": "https://www.haining.gov.cn/art/2024/11/14/art_1.html"}))
    assert article.title is None  # a paragraph, not a title: its 浙江 names no zone the title would
    assert {r["zone"] for r in extract_article(article)} == {"haining"}
    titled = load_article(_article(tmp_path, "海宁市上半年经济运行情况\n\n" + text, None))
    assert titled.title == "海宁市上半年经济运行情况"


def test_a_url_dated_years_after_the_text_files_a_repost_and_the_text_dates_it(tmp_path: Path) -> None:
    text = "据海关统计,1998年1月至2008年6月,两地贸易总值达70.2亿美元。今年上半年,进出口12.3亿美元,增长1.2倍。\n"
    article = load_article(_article(tmp_path, text, {"url": "https://www.example.org.cn/news/2019-02-27/22746.html"}))
    assert (article.published.year, article.published_inferred) == (2008, True)
    recent = load_article(_article(tmp_path, text, {"url": "https://www.example.org.cn/news/2009-02-27/22746.html"}))
    assert recent.published == dt.date(2009, 2, 27)  # a year after the text: the URL's day stands
