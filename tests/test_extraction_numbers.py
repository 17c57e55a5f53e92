import pytest

from beilun_etl.extraction.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", 1234.5),
        ("1365.56", 1365.56),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三千五百", 3500),
        ("一万二千", 12000),
        ("三十二点五", 32.5),
        ("一百零五", 105),
        ("亿", 100_000_000),  # 超亿元: no digit before the big unit is one of it
        ("万亿", 1_000_000_000_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)
