"""A matching view of the stored text: simplified characters, half-width digits and punctuation.

Every rule runs on this view, which has exactly the same length as the stored text, so that an
offset found in the view is an offset in the stored text (figures keep the original characters).
OpenCC's t2s is character-for-character for nearly all text; when a phrase conversion changes the
length, the text is converted one character at a time instead.
"""

from __future__ import annotations

import functools
import re

from beilun_etl.extraction.lexicon import word_alternations

_W = word_alternations("indicator_words")  # lexicon/indicator_words.yaml

_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_WIDTH.update(
    {
        "\u3000": " ",
        "∶": ":",
        "︰": ":",
        "～": "~",
        "〜": "~",
        "—": "-",
        "–": "-",
        "−": "-",
        "﹪": "%",
        "「": "“",
        "」": "”",
        "『": "“",
        "』": "”",
        "〇": "零",
    }
)
# Keep the Chinese full stop, enumeration comma and quotes: they carry meaning of their own.
_TO_REPLACE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_WIDTH)) + "]")
# No replacement is itself replaced, so the characters can be replaced one after the other.
assert not set(_WIDTH.values()) & set(_WIDTH)


@functools.lru_cache(maxsize=1)
def _converter():
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:  # pragma: no cover - opencc is a dependency; degrade to no conversion
        return None


@functools.lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    conv = _converter()
    out = conv.convert(ch) if conv else ch
    return out if len(out) == 1 else ch


def _has_non_ascii(text: str) -> bool:
    return not text.isascii()


def to_simplified(text: str) -> str:
    """Traditional → simplified with the same length as the input."""
    conv = _converter()
    if conv is None or not _has_non_ascii(text):
        return text
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return "".join(_char_t2s(ch) for ch in text)


def _half_width(text: str) -> str:
    """text.translate(_WIDTH), several times faster: str.translate looks up every character, while
    an article holds only a few distinct characters to replace (，：（）％), each replaced at C speed."""
    for ch in set(_TO_REPLACE.findall(text)):
        text = text.replace(ch, _WIDTH[ch])
    return text


# 二〇二四年, 二○二四年 (official documents, Hong Kong papers): the year in Arabic digits, which keeps
# the length, so that every rule about years reads it.
_CHINESE_YEAR = re.compile("(?:一九|二[零○])[零○一二三四五六七八九]{2}(?=年)")
_YEAR_DIGITS = str.maketrans("零○一二三四五六七八九", "00123456789")


def _arabic_years(text: str) -> str:
    if "二零" not in text and "二○" not in text and "一九" not in text:
        return text
    return _CHINESE_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)


# 當中 opening a clause is Hong Kong's 其中 (當中進出口額超億元的企業186家): one word for the rules
_CLAUSE_DANGZHONG = re.compile(r"(?:(?<=[，,。；;：:\n])|^)当中")


# 分列第三、第四位 and 依次为A、B和C hand their figures out in order, as 分别 does: one word for the rules
_RESPECTIVELY = re.compile(rf"分列(?=[^，,。；;\n]{{0,8}}第)|依次(?={_W['respectively']})")


def matching_view(text: str) -> str:
    """The text as the rules see it: simplified, half-width, years in digits; same length as `text`."""
    view = _arabic_years(_half_width(to_simplified(text)))
    if "当中" in view:
        view = _CLAUSE_DANGZHONG.sub("其中", view)
    if "分列" in view or "依次" in view:
        view = _RESPECTIVELY.sub("分别", view)
    assert len(view) == len(text)
    return view
