"""Figures as the writer keeps them, and the gold records made from them once the text is final."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from beilun_etl.synth.numbers_text import base_value

_HALF_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "“": '"', "”": '"'})
# Length-preserving simplified -> traditional map (one character for one, so offsets and contexts computed on
# the simplified text stay valid). Generated offline with OpenCC s2tw from synthetic articles, keeping only the
# characters that OpenCC converted the same way everywhere (制/製, 注/註, 家/傢 ... are left as they are).
_TRADITIONAL = str.maketrans(
    "万与专业东两个丰临为丽乐乡于产亩亿从仑仪价众优会体余关兴具内军农冯况准减划刘创别办务动势区医华协单占"
    "厂压县双发变叶吨吴员园围国图场坚壮备复头奋妆娱孙学宁宝实对将层属巩币布带应开张强态总战户托扩报换据摄"
    "撑数断旧显晓术机杂权条来杨构枢标桩气济涛润游溪炉点炼烟热环现电着码础种积税稳筑签类粮紧红约级纵纸纺纽"
    "线织终经结绕绘给络绝统继绩续综绿编网罗联胶艳范药获营蓝装规计订认讯记许设试调谐财责货质贸费赁资赵赶跃"
    "车转较辑输边达过运进连选邓郑释针铁银铺链销键镇长间队阶际陆陈难静韧韩项预领额饮饰驱驻验鹏黄",
    "萬與專業東兩個豐臨為麗樂鄉於產畝億從侖儀價眾優會體餘關興俱內軍農馮況準減劃劉創別辦務動勢區醫華協單佔"
    "廠壓縣雙發變葉噸吳員園圍國圖場堅壯備複頭奮妝娛孫學寧寶實對將層屬鞏幣佈帶應開張強態總戰戶託擴報換據攝"
    "撐數斷舊顯曉術機雜權條來楊構樞標樁氣濟濤潤遊谿爐點煉菸熱環現電著碼礎種積稅穩築簽類糧緊紅約級縱紙紡紐"
    "線織終經結繞繪給絡絕統繼績續綜綠編網羅聯膠豔範藥獲營藍裝規計訂認訊記許設試調諧財責貨質貿費賃資趙趕躍"
    "車轉較輯輸邊達過運進連選鄧鄭釋針鐵銀鋪鏈銷鍵鎮長間隊階際陸陳難靜韌韓項預領額飲飾驅駐驗鵬黃",
)

# The part of a context window before and after a figure: up to a sentence end or a line break.
_CONTEXT_BEFORE = re.compile(r"[^。；！？;!?\n]*\Z")
_CONTEXT_AFTER = re.compile(r"[^。；！？;!?\n]*")


@dataclass(slots=True)
class Fig:
    """One figure as printed in the article, with everything its gold record states."""

    text: str
    indicator: str
    code: str | None
    zone: str | None
    measure: str
    value: int | float
    unit: str
    qualifier: str
    period: tuple[str, str]
    optional: bool = False
    extra: dict[str, str] | None = None


def _context(text: str, start: int, end: int) -> str:
    """A short window of the figure's sentence: never past a sentence end or a line break (both patterns
    match, if only the empty string)."""
    lo = _CONTEXT_BEFORE.search(text, max(0, start - 16), start).start()
    hi = _CONTEXT_AFTER.match(text, end, end + 10).end()
    return text[lo:hi]


def yi_fig(number: str, indicator: str, code: str | None, zone: str, period: tuple[str, str], **extra: str) -> Fig:
    """An exact amount printed in 亿元 from a number already rounded for print (so parts and shares computed
    from the printed numbers agree)."""
    value = base_value(number, 10**8)
    return Fig(f"{number}亿元", indicator, code, zone, "level", value, "CNY", "exact", period, extra=extra or None)


def change_fig(
    text: str,
    indicator: str,
    code: str | None,
    zone: str,
    value: int | float,
    unit: str,
    period: tuple[str, str],
    against: str,
) -> Fig:
    """A difference against an earlier level (上年末, 年初), noted so that it is not read as a growth rate."""
    return Fig(
        text,
        indicator,
        code,
        zone,
        "change",
        value,
        unit,
        "exact",
        period,
        extra={"note": f"difference against {against}"},
    )


def render_article(
    paras: list[list[str | Fig]], rng: random.Random, web: bool, traditional: bool
) -> tuple[str, list[dict[str, object]]]:
    """Join the paragraphs, place every figure, derive contexts from the final text, make records.

    Figures are placed only here, after all the prose is final (half-width punctuation, broken lines,
    traditional characters), so every offset and context of a record is read from the very text written.
    """
    pieces: list[str] = []
    placed: list[tuple[int, Fig]] = []
    pos = 0
    for para in paras:
        for part in para:
            if isinstance(part, Fig):
                placed.append((pos, part))
                text = part.text
            else:
                text = part
                if web:
                    text = text.translate(_HALF_WIDTH)
                    if len(text) > 30 and not any(ch.isdigit() for ch in text) and rng.random() < 0.15:
                        cut = rng.randint(8, len(text) - 8)
                        text = f"{text[:cut]}\n\n{text[cut:]}"
            pieces.append(text)
            pos += len(text)
        pieces.append("\n\n")
        pos += 2
    text = "".join(pieces)
    if traditional:
        text = text.translate(_TRADITIONAL)
    records: list[dict[str, object]] = []
    for start, fig in placed:
        end = start + len(fig.text)
        record: dict[str, object] = {
            "text": text[start:end],
            "context": _context(text, start, end),
            "indicator": fig.indicator.translate(_TRADITIONAL) if traditional else fig.indicator,
            "indicator_code": fig.code,
            "zone": fig.zone,
            "measure": fig.measure,
            "value": fig.value,
            "unit": fig.unit,
            "qualifier": fig.qualifier,
            "period_start": fig.period[0],
            "period_end": fig.period[1],
            "optional": fig.optional,
        }
        if fig.extra:
            for key, value in fig.extra.items():
                record[key] = value.translate(_TRADITIONAL) if traditional and key != "note" else value
        records.append(record)
    return text, records
