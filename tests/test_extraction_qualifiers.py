import pytest

from tests.extraction_helpers import by_text, figures

SENTENCE = (
    "今年，北仑油气产业销售额逾3000亿元，原油输送超过2200万吨，用地面积约219.73亩，新增停车位近5000个，"
    "集聚企业1100多家，建成1万余个标准箱堆场，比重不足30%，带动就业约有12万人，企业100人以上，占全港的七成以上。"
)


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("逾3000亿元", "more_than", 300000000000),
        ("超过2200万吨", "more_than", 22000000),
        ("约219.73亩", "approx", 219.73),
        ("近5000个", "approx", 5000),
        ("1100多家", "more_than", 1100),
        ("1万余个标准箱", "more_than", 10000),
        ("不足30%", "less_than", 30),
        ("12万人", "approx", 120000),
        ("100人以上", "more_than", 100),
        ("七成以上", "more_than", 70),
    ],
)
def test_qualifiers(text, qualifier, value):
    record = by_text(figures(SENTENCE), text)
    assert (record["qualifier"], record["value"]) == (qualifier, value)


def test_teu_after_a_count_classifier():
    record = by_text(figures(SENTENCE), "1万余个标准箱")
    assert record["unit"] == "TEU"


def test_approx_share():
    record = by_text(figures("2022年北仑实现大宗商品交易规模1.57万亿元，约占全国4%。"), "4%")
    assert (record["measure"], record["qualifier"]) == ("share_pct", "approx")


def test_more_after_a_tenth_or_a_multiple_is_more_than():
    records = figures("出口增长两成多，进口增长3倍多，利用外资增长1.5倍，多家企业落户。")
    assert [(r["text"], r["qualifier"]) for r in records] == [
        ("两成多", "more_than"),
        ("3倍多", "more_than"),
        ("1.5倍", "exact"),
    ]


def test_at_least_at_most_and_a_little_over():
    records = figures(
        "全区新增就业岗位不少于1.2万个。研发投入不低于50亿元。单个项目投资不超过5亿元。"
        "投资额达100亿元有余。税收收入约合12亿美元。新增企业数高达320家。"
    )
    assert [(r["text"], r["qualifier"], r["indicator"]) for r in records] == [
        ("不少于1.2万个", "more_than", "新增就业岗位"),
        ("不低于50亿元", "more_than", "研发投入"),
        ("不超过5亿元", "less_than", "单个项目投资"),
        ("100亿元有余", "more_than", "投资额"),
        ("约合12亿美元", "approx", "税收收入"),
        ("320家", "exact", "新增企业数"),
    ]
