"""The year of an undated January news report on last year that carries only a dispatch date
(中新社杭州1月14日电) and its subject year: the publication year inferred, then 去年 and 今年 from it.
(上年 in a late bulletin is a corpus case: tests/extraction/corpus/periods.yaml.)"""

from __future__ import annotations

import datetime as dt

from beilun_etl.extraction import clean_text, extract_figures, infer_publication_year

JANUARY_REPORT = (
    "2024年浙江经济增长5.5%左右 今年目标不变\n"
    "中新社杭州1月14日电 (记者 王逸飞)浙江省人大会议14日在杭州开幕。代省长在政府工作报告中说，2024年全省生产总值增长5.5%左右。\n"
    "去年，浙江1299个重大项目共完成投资1.4万亿元，社会消费品零售总额增长4%左右。\n"
    "对于今年，报告建议把生产总值增长5.5%左右作为主要预期目标，力争规上工业增加值增长6%以上。"
)


def _years(text: str, published: dt.date) -> dict[str, int]:
    return {r["text"]: int(r["period_end"][:4]) for r in extract_figures("t", clean_text(text), published)}


def test_a_dispatch_date_does_not_make_a_january_report_one_of_this_year():
    assert infer_publication_year(clean_text(JANUARY_REPORT)) == 2025
    years = _years(JANUARY_REPORT, dt.date(2025, 12, 31))
    assert years["1.4万亿元"] == 2024  # 去年
    assert years["6%以上"] == 2025  # 今年's target
