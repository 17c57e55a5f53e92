"""Numbers as written: Arabic (1,234.5, full-width digits are normalised before), Chinese numerals.

cn2an (not a dependency) would parse pure numeral spans too, but the spans here are tiny and this parser is an order
of magnitude faster, and it accepts the forms Chinese reports use (两, 〇, 十二, 三千五百, 一万二千,
三十二点五, 1.2万亿 with the multiplier given separately).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3, "百": 1e2, "千万": 1e7, "百万": 1e6}

CN_DIGIT_CHARS = "零〇一二两三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + "十百千万亿"


def parse_arabic(text: str) -> float:
    """'1,234.5' -> 1234.5"""
    return float(text.replace(",", ""))


def scale(text: str, factor: float) -> float:
    """An Arabic number times a power-of-ten factor without binary noise (620.3亿 = 62030000000)."""
    plain = text.replace(",", "")
    if plain.isdigit() and factor.is_integer():
        return float(int(plain) * int(factor))
    if factor == 1.0 and len(plain) <= 20 and plain.replace(".", "", 1).isdecimal():
        return float(plain)  # 6.1%: nothing to multiply, and the same float as through Decimal
    try:
        return float(Decimal(plain) * Decimal(repr(factor)))
    except InvalidOperation:
        return parse_number(text) * factor


def _parse_cn_integer(text: str) -> int:
    total, section, number = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _SMALL:
            section += (number or 1) * _SMALL[ch]
            number = 0
        elif ch in _BIG:
            section += number if total or section or number else 1  # 亿元 with no digit before: 1亿元
            big = _BIG[ch]
            if big == 100_000_000:
                total = (total + section) * big
            else:
                total += section * big
            section, number = 0, 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    # 二十 / 三千五 (colloquial 三千五 = 3500 is not used in reports; keep the literal reading)
    return total + section + number


def parse_chinese(text: str) -> float:
    """'三千五百' -> 3500, '三十二点五' -> 32.5, '两' -> 2, '一万二千' -> 12000."""
    if "点" in text:
        whole, frac = text.split("点", 1)
        value = float(_parse_cn_integer(whole)) if whole else 0.0
        digits = "".join(str(_DIGITS[ch]) for ch in frac)
        return value + (float("0." + digits) if digits else 0.0)
    if text and all(ch in _DIGITS for ch in text) and len(text) > 1:
        # digit by digit (二〇二三)
        return float("".join(str(_DIGITS[ch]) for ch in text))
    return float(_parse_cn_integer(text))


def parse_number(text: str) -> float:
    """An Arabic or Chinese numeral span."""
    if text and (text[0].isdigit() or text[0] == "."):
        return parse_arabic(text)
    return parse_chinese(text)
