"""Numbers as Chinese reports print them, and the calendar spans figures are dated by."""

from __future__ import annotations

from decimal import Decimal

_CN = "零一二三四五六七八九"


def cn_number(n: int, liang: bool = False) -> str:
    """A small integer in Chinese numerals (两 for a count of two, 二 in ordinals)."""
    if n == 2 and liang:
        return "两"
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN[tens]
    return f"{head}十{_CN[ones] if ones else ''}"


def base_value(number: str, multiplier: int) -> int | float:
    """The base-unit value of a printed number, exact (Decimal) so that 1365.56亿 is 136556000000."""
    exact = Decimal(number) * multiplier
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def whole_year(y: int) -> tuple[str, str]:
    """The period of a yearly figure (and of a plan dated by its target year)."""
    return f"{y}-01-01", f"{y}-12-31"


def month_end(y: int, m: int) -> str:
    """The last day of a month: where cumulative releases (1-N月) and month-end balances end."""
    days = (31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
    return f"{y}-{m:02d}-{days:02d}"


def printed_rate(g: float) -> float:
    """A growth rate as printed (one decimal), never a bare 0.0."""
    r = round(g, 1)
    return r if abs(r) >= 0.1 else 0.3
