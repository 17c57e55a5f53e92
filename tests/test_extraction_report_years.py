"""Which year a figure of a report belongs to when the text counts years from another one: 上年 in a
bulletin published years after the year it reports on, and a January news report on last year that
carries only a dispatch date (中新社杭州1月14日电) and its subject year."""

from __future__ import annotations

import datetime as dt

from beilun_etl.extraction import clean_text, extract_figures, infer_publication_year

LATE_BULLETIN = (
    "上虞区2013年国民经济和社会发展统计公报\n\n"
    "全年实现地区生产总值700.5亿元，增长8.1%。三次产业结构由上年的6.9:55.9:37.2调整为6.7:55.1:38.2。"
)
JANUARY_REPORT = (
    "2024年浙江经济增长5.5%左右 今年目标不变\n"
    "中新社杭州1月14日电 (记者 王逸飞)浙江省人大会议14日在杭州开幕。代省长在政府工作报告中说，2024年全省生产总值增长5.5%左右。\n"
    "去年，浙江1299个重大项目共完成投资1.4万亿元，社会消费品零售总额增长4%左右。\n"
    "对于今年，报告建议把生产总值增长5.5%左右作为主要预期目标，力争规上工业增加值增长6%以上。"
)


def _years(text: str, published: dt.date) -> dict[str, int]:
    return {r["text"]: int(r["period_end"][:4]) for r in extract_figures("t", clean_text(text), published)}


def test_shang_nian_is_the_year_before_the_one_the_bulletin_reports_on():
    years = _years(LATE_BULLETIN, dt.date(2022, 8, 17))
    assert years["700.5亿元"] == 2013
    assert years["6.9"] == 2012 and years["37.2"] == 2012  # 由上年的…
    assert years["6.7"] == 2013 and years["38.2"] == 2013  # 调整为…


def test_a_dispatch_date_does_not_make_a_january_report_one_of_this_year():
    assert infer_publication_year(clean_text(JANUARY_REPORT)) == 2025
    years = _years(JANUARY_REPORT, dt.date(2025, 12, 31))
    assert years["1.4万亿元"] == 2024  # 去年
    assert years["6%以上"] == 2025  # 今年's target
