"""Cleaning the raw article text into the text the pipeline stores (offsets point into it).

PDF and web copies bring Windows line endings, indentation with ideographic spaces, runs of blank
lines and words broken across a page break (`宁波臻\\n\\n至机械`). A break inside a sentence is
joined so that a sentence is never cut; headings, captions, author lines and the items of a list
(地区生产总值：2268.4亿元，增长5.9% over 规上工业增加值：…) stay on their own.
Pipe-table rows (`| 指标 | 2024年 |`) are not broken lines: each stays on a line of its own, the
rows of one table one under the other, so that tables.py can read them cell by cell. A table whose
columns are set apart by tabs or runs of spaces (copied from a PDF or a spreadsheet) is rewritten
as a pipe table first, so that one reader serves both.
"""

from __future__ import annotations

import html
import re

from beilun_etl.extraction.candidates import POST_QUALIFIERS, PRE_QUALIFIERS
from beilun_etl.extraction.lexicon import word_alternations
from beilun_etl.extraction.publication import dateline_in
from beilun_etl.extraction.textnorm import matching_view
from beilun_etl.extraction.units import parse_unit

_W = word_alternations("table_words")  # lexicon/table_words.yaml

_FINAL = "。！？!?；;…：:"
_CLOSERS = "”’\"'」』）)】》"
_BLOCK_TAG = re.compile(
    r"<\s*(?:br|/p|/div|/h[1-6]|/li|/tr|/table|p|div|h[1-6]|li|tr|table)(?:\s[^<>\n]{0,200})?\s*/?>", re.I
)
# </td>, </th>: a cell ends; a tab sets it apart, and the row becomes a line of an aligned table
_CELL_END = re.compile(r"<\s*/\s*t[dh]\s*>", re.I)
_INLINE_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CAPTION = re.compile(r"(摄|攝)\s*[)）]?$|^(图|圖)[:：]|供图[)）]?$")
# ——2024年1月15日在…会议上: a line opened by a dash is a subtitle, a dateline or an attribution.
_HEADING_START = re.compile(
    r"^(#|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分]|—|-{2})"
)
_SPACED = re.compile(r"[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]")
_CONTINUATION_START = re.compile(r"^[，,、。；;：:）)”’%％]")
# A heading never ends with a function word (…的, …和, …将); a number never spans a heading.
_DANGLING_END = re.compile(r"[的和与及在对将把被是为了等从向以由达至其、，,（(“]$")
_NUMBER_ACROSS = re.compile(r"[\d.．０-９][\d.．０-９%％万亿元个家]")
# A line ending with a full date, or a date and a time of day, is a byline or a dateline (北仑区统计局
# 2024-11-20, 记者 2024-07-15 13:11:03), never cut.
_DATE_END = re.compile(
    r"(?:19|20)\d{2}(?:([-/.．])\d{1,2}\1\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$"
)
# What every dateline holds (half- or full-width): lines without it skip the dateline test.
_YEAR_DIGITS = re.compile(r"(?:[1１][9９]|[2２][0０])[\d０-９]{2}")
# A Markdown table row: starts and ends with a bar (full-width ｜ from PDF copies too).
_TABLE_ROW = re.compile(r"[|｜].*[|｜]")
# Columns of an aligned table: tabs, or two spaces or more (ideographic ones too).
_COLUMN_GAP = re.compile(r"[ \u3000\u00a0]*\t[ \t\u3000\u00a0]*|[ \u3000\u00a0]{2,}")
_SINGLE_GAP = re.compile(r"[ \u3000\u00a0\t]+")
_BAR = re.compile(r"[|｜]")
# A cell that is one figure, as a table cell states it: 2860.5, -1.2%, 约3000, 1200余, 1.2万, 5以上.
_NUMBER_CELL = re.compile(
    rf"(?:{PRE_QUALIFIERS})?[-−–+]?[\d０-９][\d０-９,，.．]*(?:余|多)?(?:万亿|亿|万)?[%％]?(?:{POST_QUALIFIERS})?"
)
_MISSING_CELL = re.compile(r"[—–\-…/／]+")
# A row pasted without one of its outer bars (地区生产总值 | 4000882 | 10.3 |, | 工业 | 439470): two bars or
# more, one of them at an end of the line.
_OPEN_ROW = re.compile(r"[|｜][^|｜]*[|｜].*|.*[|｜][^|｜]*[|｜]")
# One cell a line (指标名称 | / 125 | / 18.84 |): a web table copied cell by cell, each closed by its bar.
_CELL_LINE = re.compile(r"[^|｜]+?\s*[|｜]")
# One cell a line without bars (a web table copied as text): a short line that ends no sentence or clause.
_MAX_BARE_CELL = 24
_BARE_CELL_BREAK = re.compile(r"[|｜。；;！？!?，]")
# The empty cells a web table pads its rows with (地区生产总值 | % | 10.3 | |||): one bar closes the row.
_TRAILING_EMPTY_CELLS = re.compile(r"(?<=[^\s|｜])\s*[|｜](?:\s*[|｜])+\s*$")
_MIN_CELL_LINES = 6  # a header of two cells over two rows of two: fewer lines are no table
# A row of a whitespace table whose label is glued to its first figure (北仑区67.3 -5.1 753.9 4.9): words
# (after a 其中: or 在总计中: that makes it a part of the rows above), then two figures or more set apart by blanks.
_GLUED_ROW = re.compile(
    r"(?P<label>(?:(?:其中|在总计中)[:：]\s*)?[^\d\s|｜+\-−.,，。；;：:%％][^\d\s|｜。；;：:%％]*?)[ \u3000]?"
    r"(?P<nums>[+\-−]?\d[\d.,]*%?(?:[ \u3000\t]+[+\-−]?\d[\d.,]*%?)+)"
)
# Where the headers of such a table, glued together (11月同比±%1-11月同比±%), part: after a % or a unit's
# bracket before the next period, between two periods (11月1-11月), and before the words of a rate of change
# (同比, 比上年, 增长).
_GLUED_HEADER_CUT = re.compile(rf"(?<=[%％)）])(?=\S)|(?<=[月年])(?=\d)|(?<=[^\s比])(?={_W['glued_header_cut']})")
# PDF copies set a space between a number and the Chinese around it (GDP 2985.6 亿元，增长 6.3 %): it is
# typesetting, and it would cut the number from its unit and from the words that say what it measures.
# (A space after a Latin letter stays: 5G or PM2.5 are names, and GDP 2985.6 needs it to be a number; so
# does a heading's, ### 2 扩开放, and a dateline's, 北仑区统计局 2024年11月20日.)
_SPACE_AT_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff%％])[ \u00a0]{1,2}(?!(?:19|20)\d\d年\d)(?=[\d０-９][\d０-９.,．]*[ \u00a0]{0,2}[\u4e00-\u9fff%％])"
    r"|(?<=[\d０-９])[ \u00a0]{1,2}(?=[\u4e00-\u9fff%％])"
)
# 分别增长4.2%5.0%6.7%: copies that lost the separators of a list of percentages; a percentage is never
# written against the next number, so the 、 is put back (±%1-11月 is a header, left alone).
_LOST_LIST_SEPARATOR = re.compile(r"(?<=\d[%％])(?=[\d０-９])")
# An item of a list (地区生产总值：2268.4亿元，增长5.9%; - 出口…; 1、…) starts its own line: a label and
# a colon, a bullet, or an item number (not the 1.5 of a number cut by the break).
_LIST_ITEM_START = re.compile(
    r"(?:[-*•·●▪◆■▲△★☆◇]\s*(?=[^\d\s])|\d{1,2}[、)）]|\d{1,2}\.(?!\d)|[^，,。；;：:\d\s]{2,16}[：:](?!\s*$))"
)
# A line ending with a figure (6.3%, 2268.4亿元): a list item, not a sentence cut by a break.
_FIGURE_END = re.compile(r"[\d%％][^，,。；;：:\d]{0,3}$")
# A line at least this long that does not end a sentence is a paragraph cut by a page break.
_MIN_BROKEN_LINE = 20
# A byline: a short line ending with a date (and time); a title: a first line with no full stop
_MAX_BYLINE = 40
_MAX_TITLE = 64


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return not stripped or stripped[-1] in _FINAL


def is_table_row(line: str) -> bool:
    """A line (stripped of spaces) that starts and ends with a table bar."""
    return len(line) >= 2 and _TABLE_ROW.fullmatch(line) is not None


def _is_title(line: str) -> bool:
    """The first line of a text is its title when short, or (a headline: 慈溪紧追北仑,余姚力压鄞州!宁波各地…
    排行出炉) when it has no full stop: a title never runs on into the text under it."""
    return len(line) < 30 or (len(line) <= _MAX_TITLE and "。" not in line and "．" not in line)


def _is_heading_or_caption(line: str) -> bool:
    return bool(_HEADING_START.match(line) or _CAPTION.search(line) or _SPACED.search(line))


def _should_join(prev: str, nxt: str, prev_is_title: bool) -> bool:
    """A break inside a sentence: the previous line does not end one and the next is not a heading."""
    if prev_is_title or not _CJK.search(prev) or _ends_sentence(prev) or _DATE_END.search(prev):
        return False
    if _YEAR_DIGITS.search(prev) and dateline_in(matching_view(prev)) is not None:
        return False  # 发布时间：2025-10-28 09:30, 2025-10-28 来源：宁波日报
    if _is_heading_or_caption(prev) or _is_heading_or_caption(nxt):
        return False
    if len(nxt) <= _MAX_BYLINE and (
        _DATE_END.search(nxt) or (_YEAR_DIGITS.match(nxt) and dateline_in(matching_view(nxt)) is not None)
    ):
        return False  # the next line is a byline (水又木 2024-07-15 13:11:03, 2020-05-24 07:53 | 来源:…)
    if _LIST_ITEM_START.match(nxt) and (_FIGURE_END.search(prev) or _LIST_ITEM_START.match(prev)):
        return False
    if _CONTINUATION_START.match(nxt) or _DANGLING_END.search(prev) or _NUMBER_ACROSS.match(prev[-1:] + nxt[:1]):
        return True
    return len(prev) >= _MIN_BROKEN_LINE or _alias_across(prev, nxt)


def _alias_across(prev: str, nxt: str) -> bool:
    """A dictionary term cut by the break (规模以上工业增 | 加值) proves the line was broken."""
    from beilun_etl.extraction.dictionaries import load_dictionaries

    tail, head = prev[-10:], nxt[:10]
    joined = matching_view(tail + head)
    dicts = load_dictionaries()
    for pattern in (dicts.indicator_re, dicts.zone_re):
        if pattern is None:
            continue
        for m in pattern.finditer(joined):
            if m.start() < len(tail) < m.end():
                return True
    return False


def _aligned_cells(line: str, gap: re.Pattern[str]) -> list[str]:
    return gap.split(line) if line else []


def _is_data_row(cells: list[str]) -> bool:
    """A row of figures: after its label, a cell that is a number, and no cell mixing words and digits
    (numbers, blanks such as —, and words such as a unit column's 亿元 only)."""
    values = cells[1:]
    return any(_NUMBER_CELL.fullmatch(c) for c in values) and all(
        _NUMBER_CELL.fullmatch(c) or _MISSING_CELL.fullmatch(c) or not _NUMBER_CELL.search(c) for c in values
    )


# The headers of the columns a header line leaves unnamed, from the left: the row labels, then their units
_UNNAMED_COLUMNS = ("指标", "单位")


def _aligned_table(lines: list[str], i: int, gap: re.Pattern[str]) -> tuple[list[str], list[list[str]], int]:
    """The header at line i and the data rows under it with the same columns, and the line after them."""
    header = _aligned_cells(lines[i], gap)
    rows, j = [], i + 1
    while len(header) >= 3 and not any(_NUMBER_CELL.fullmatch(c) for c in header):
        while j < len(lines) and not lines[j]:  # blank lines between rows
            j += 1
        cells = _aligned_cells(lines[j], gap) if j < len(lines) else []
        if not rows and _is_data_row(cells) and 0 < len(cells) - len(header) <= len(_UNNAMED_COLUMNS):
            # 杭州市 宁波市 … over 年末总人口 万人 636.81 546.19 …: the label (and unit) columns have no header
            header = [*_UNNAMED_COLUMNS[: len(cells) - len(header)], *header]
        if len(cells) != len(header) or not _is_data_row(cells):
            break
        rows.append(cells)
        j += 1
    return header, rows, j


def _is_bare_cell(line: str) -> bool:
    return 0 < len(line) <= _MAX_BARE_CELL and not _BARE_CELL_BREAK.search(line)


def _is_figure_cell(cell: str) -> bool:
    return bool(_NUMBER_CELL.fullmatch(cell) or _MISSING_CELL.fullmatch(cell))


def _is_unit_cell(cell: str) -> bool:
    return parse_unit(cell) is not None


def _row_of_cells(cells: list[str], at: int, unit: bool, width: int) -> tuple[list[str], int] | None:
    """The row of a one-cell-a-line table that starts at cell `at`: a label, its unit when the table
    has a unit column, then one to `width` figures (a short row leaves its last columns empty: 家禽出栏
    with no 域外 figures); and the cell after it. None where no row starts."""
    if at >= len(cells) or _is_figure_cell(cells[at]):
        return None
    row, k = [cells[at]], at + 1
    if unit:
        if k >= len(cells) or not _is_unit_cell(cells[k]):
            return None
        row.append(cells[k])
        k += 1
    while k < len(cells) and _is_figure_cell(cells[k]) and len(row) < 1 + unit + width:
        row.append(cells[k])
        k += 1
    if len(row) == 1 + unit:
        return None
    return row + [""] * (1 + unit + width - len(row)), k


def _cell_per_line_table(cells: list[str], min_rows: int = 1) -> tuple[int, list[str], list[list[str]], int] | None:
    """A table copied one cell a line: where its header starts, the header (the cells of words before
    the first figure), the rows (a label, its unit when a unit such as 万吨 follows the first label, then
    its figures; the first row gives the number of figure columns) and the index after them.

    A header one cell short of the rows lacks the label cell (it gets an empty one); a longer run of
    words above the first row keeps only as many cells as a row has (the rest is a caption)."""
    h = 0
    while h < len(cells) and not _is_figure_cell(cells[h]):
        h += 1
    if h < 2 or h >= len(cells):  # the label of the first row is the last word cell before a figure
        return None
    unit = h >= 3 and _is_unit_cell(cells[h - 1])  # 生猪出栏 / 万头 / 184.26
    width = 0
    while h + width < len(cells) and _is_figure_cell(cells[h + width]):
        width += 1
    columns = 1 + unit + width
    rows: list[list[str]] = []
    at = words = h - 1 - unit  # the word cells above the first row's label
    while (found := _row_of_cells(cells, at, unit, width)) is not None:
        row, at = found
        rows.append(row)
    if width < 2 or len(rows) < min_rows or words < columns - 1:
        return None
    if words >= columns:
        return words - columns, cells[words - columns : words], rows, at
    return 0, ["", *cells[:words]], rows, at


def _cells_filled(line: str) -> bool:
    """Two cells with text or more and at most one empty: a row, not a title trailed by bars (公报 | ||||)."""
    cells = [c.strip() for c in _BAR.split(line)]
    cells = cells[1 if not cells[0] else 0 : -1 if not cells[-1] else None]
    return sum(bool(c) for c in cells) >= 2 and sum(not c for c in cells) <= 1


def _neighbours(lines: list[str], i: int) -> list[str]:
    """The nearest lines with text above and below line i (rows may stand with blank lines between)."""
    above = next((lines[k] for k in range(i - 1, -1, -1) if lines[k]), None)
    below = next((lines[k] for k in range(i + 1, len(lines)) if lines[k]), None)
    return [n for n in (above, below) if n is not None]


def _as_row(lines: list[str], i: int) -> str:
    """Line i, written as a whole pipe row when it is a row pasted without an outer bar beside other rows
    (地区生产总值 | 4000882 | 10.3 |), or a section's name between rows (分县(区)生产总值 |)."""
    line = lines[i]
    if not line or is_table_row(line):
        return line
    if _OPEN_ROW.fullmatch(line):
        near = _neighbours(lines, i)
        if _cells_filled(line) and any(
            is_table_row(n) or _OPEN_ROW.fullmatch(n) or _CELL_LINE.fullmatch(n) for n in near
        ):
            return ("" if line[0] in "|｜" else "| ") + line + ("" if line[-1] in "|｜" else " |")
    elif _CELL_LINE.fullmatch(line):
        near = _neighbours(lines, i)
        if len(near) == 2 and all(_OPEN_ROW.fullmatch(n) for n in near):
            return "| " + line  # a section row of the table
    return line


def _pipe_cell_lines(lines: list[str]) -> list[str]:
    """Tables copied one cell a line (`指标名称 |` / `企业数 |` / … / `电气机械 |` / `125 |`, or without the
    bars: `生猪出栏` / `万头` / `184.26` / `3.6`, blank lines between) and rows
    pasted without an outer bar (`地区生产总值 | 4000882 | 10.3 |`) rewritten as whole pipe rows, so that
    the pipe-table reader serves them (the cells, their text and their order stay as they were)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        bare = _is_bare_cell(lines[i])  # cells without bars: two rows at least make a table
        is_cell = _is_bare_cell if bare else _CELL_LINE.fullmatch
        at, run = i, []  # the cell lines from line i on, blank lines between them allowed
        while at < len(lines) and (not lines[at] or is_cell(lines[at])):
            if lines[at]:
                run.append(at)
            at += 1
        cells = [lines[k].rstrip("|｜").strip() for k in run]
        found = (
            _cell_per_line_table(cells, min_rows=2 if bare else 1)
            if len(run) >= _MIN_CELL_LINES and run[0] == i
            else None
        )
        if found is None:
            out.append(_as_row(lines, i))
            i += 1
            continue
        header_start, header, rows, end = found
        out.extend(lines[i : run[header_start]])  # word cells above the header: a caption
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        out.extend("| " + " | ".join(r) + " |" for r in rows)
        i = run[end - 1] + 1
    return out


def _glued_header(line: str, n: int) -> tuple[str | None, list[str]] | None:
    """The n column headers of a whitespace table: its cells set apart by blanks, else (copies that lost
    the blanks) cut where a header ends with % or a unit's bracket or a rate of change starts. A cell
    more is the label column's header: a 指标/地区 word is dropped, words naming what the table holds
    (规模以上工业增加值(亿元)) are returned first, to stand as the table's caption."""
    if _GLUED_ROW.match(line) or any(_is_figure_cell(c) for c in _SINGLE_GAP.split(line)):
        return None  # a row of figures (a first row the row pattern missed), not headers
    for cells in (_COLUMN_GAP.split(line), _SINGLE_GAP.split(line)):
        if len(cells) in (n, n + 1):
            return None, cells[-n:]
    cells = [c.strip() for c in _GLUED_HEADER_CUT.split(line) if c.strip()]
    if len(cells) == n + 1:
        return cells[0], cells[1:]
    return (None, cells) if len(cells) == n else None


def _pipe_glued_tables(lines: list[str]) -> list[str]:
    """Whitespace tables whose row labels are glued to their first figure (`北仑区67.3 -5.1 753.9 4.9`
    under `11月同比±%1-11月同比±%`), two rows or more with as many figures, rewritten as pipe tables under
    the headers of the line above (a table whose headers cannot be told apart is left as it was)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[list[str]] = []
        j = i + 1
        while j < len(lines) and (m := _GLUED_ROW.fullmatch(lines[j])):
            cells = [m["label"].strip(), *_SINGLE_GAP.split(m["nums"])]
            if rows and len(cells) != len(rows[0]):
                break
            rows.append(cells)
            j += 1
        found = (
            _glued_header(lines[i], len(rows[0]) - 1)
            if len(rows) >= 2 and lines[i] and not _GLUED_ROW.fullmatch(lines[i]) and not _BAR.search(lines[i])
            else None
        )
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        subject, header = found
        if subject:
            out.append(subject)
        out.append("|  | " + " | ".join(header) + " |")
        out.append("|" + "---|" * (len(header) + 1))
        out.extend("| " + " | ".join(r) + " |" for r in rows)
        i = j
    return out


# A row of a bilingual yearbook table: its label in Chinese (# for a part of the row above, characters
# spaced to align: 城 镇), the label's English, then its figures set apart by blanks
# (`#鄞州     Yinzhou 100.0 3.7 64.7`); a section of such a table is the same without figures (`增长速度 Growth Rate`).
_CJK_LABEL = r"#?[\u4e00-\u9fff][\u4e00-\u9fff、()（）]*(?:[ \u3000][\u4e00-\u9fff、()（）]+)*"
_ENGLISH = r"[A-Za-z][A-Za-z ,.'&()/\-]*?"
_BILINGUAL_ROW = re.compile(
    rf"(?P<label>{_CJK_LABEL})[ \u3000\t]+(?P<english>{_ENGLISH})(?P<nums>(?:[ \u3000\t]+[+\-−]?\d[\d.,]*%?){{2,}})\s*"
)
_BILINGUAL_SECTION = re.compile(rf"(?P<label>{_CJK_LABEL})[ \u3000\t]+(?P<english>{_ENGLISH})\s*")
_HEADER_GROUPING = re.compile(rf"(?:{_W['header_grouping']})[:：]?")
_CJK_TOKEN = re.compile(r"#?[\u4e00-\u9fff][^\sA-Za-z]*")
_MAX_HEADER_LINES = 6
# The header of a yearbook table of years: a label's header (项目 Item, or Item alone), then the years
_YEAR_HEADER = re.compile(
    rf"(?P<label>{_CJK_LABEL})?[ \u3000\t]*(?:[A-Za-z]+[ \u3000\t]+)?(?P<years>(?:19|20)\d\d(?:年)?(?:[ \u3000\t]+(?:19|20)\d\d(?:年)?)+)\s*"
)
# The lines above a table that are its caption, not its header: 表3-14 …, 单位:%, a sentence
_CAPTION_LINE = re.compile(r"(?:附?表|Table)\s*[\dA-Za-z一二三四五六七八九十]|.*单位\s*[:：]|.*[。；;]$")


def _header_tokens(line: str) -> list[tuple[str, float | None]]:
    """The Chinese column names of a header line, each with where it stands when it is the one Chinese name
    in a line of English names (a fraction of the line; None otherwise); a character set apart to align
    (第 二产业) joins the word after it, and # (a part of the column before) is dropped."""
    english = len(re.findall(r"[A-Za-z]{3,}", line)) >= 2 and len(_CJK_TOKEN.findall(line)) == 1
    tokens: list[tuple[str, float | None]] = []
    for m in _CJK_TOKEN.finditer(line):
        token = m.group().lstrip("#")
        if tokens and len(tokens[-1][0]) == 1:
            tokens[-1] = (tokens[-1][0] + token, tokens[-1][1])
        else:
            tokens.append((token, m.start() / len(line) if english else None))
    return tokens


def _stacked_header(lines: list[str], first: int, n: int) -> tuple[int, list[str]] | None:
    """The header over the rows starting at line `first` of a table with n figure columns, its names
    stacked over several lines (地区 Region 生产总值 其中 / 第一产业 第 二产业 第三产业 / Gross Domestic …):
    where it starts, and the label's header then the n names. A name written among the English names
    (… Secondary #工业 Tertiary) stands in the column where it is written; the others fill the remaining
    columns in the order written. None unless exactly n names (besides a label header such as 地区 and a
    grouping word such as 其中) are found."""
    years = _YEAR_HEADER.fullmatch(lines[first - 1]) if first > 0 else None
    if years and len(found := _YEARS.findall(years["years"])) == n:
        return first - 1, [(years["label"] or "").strip(), *found]  # Item 1995 2000 2006 2007: the years
    tokens: list[tuple[str, float | None]] = []
    start = first
    while start > 0 and first - start < _MAX_HEADER_LINES:
        line = lines[start - 1]
        if not line or _CAPTION_LINE.match(line) or _NUMBER_CELL.search(line):
            break
        tokens = _header_tokens(_HEADER_GROUPING.sub(" ", line)) + tokens
        start -= 1
    label = tokens.pop(0)[0] if tokens and _LABEL_HEADER_WORD.fullmatch(tokens[0][0]) else ""
    if len(tokens) != n or start == first:
        return None
    names: list[str | None] = [None] * n
    for token, at in tokens:
        if at is not None and names[min(int(at * n), n - 1)] is None:
            names[min(int(at * n), n - 1)] = token
    rest = iter(token for token, at in tokens if token not in names)
    return start, [label, *(name or next(rest) for name in names)]


def _year_header_above(lines: list[str], first: int, n: int) -> tuple[int, list[str]] | None:
    """The header of n years (Item 1995 2000 2006 2007) of a yearbook table whose rows start at line `first`
    below other rows of the same table (its Urban/Rural rows, read or not), which the header stays over; the
    unit of the table's 单位 line, which no longer stands right above these rows, goes with each year (1995(%))."""
    for k in range(first - 1, max(-1, first - 1 - _MAX_ROWS_BETWEEN), -1):
        years = _YEAR_HEADER.fullmatch(lines[k])
        if years and len(found := _YEARS.findall(years["years"])) == n:
            unit = next((m["unit"] for line in lines[max(0, k - 3) : k] if (m := _UNIT_LINE.search(line))), None)
            return k, [(years["label"] or "").strip(), *(f"{y}({unit})" if unit else y for y in found)]
        if not lines[k] or _CAPTION_LINE.match(lines[k]):
            return None
    return None


_MAX_ROWS_BETWEEN = 30
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(?P<unit>[^\s,，;；、()（）]+)")
_YEARS = re.compile(r"(?:19|20)\d\d")
_LABEL_HEADER_WORD = re.compile(rf"(?:主要)?(?:{_W['label_header']})(?:名称)?")


def _pipe_bilingual_tables(lines: list[str]) -> list[str]:
    """Bilingual yearbook tables (rows `全市 Ningbo 100.0 4.2 55.4`, two or more with as many figures, sections
    `产业结构 Structure` between them, under a header stacked over several lines) rewritten as pipe tables: a
    header row of the Chinese names takes the place of the header lines (their English is left out), each
    row's English gets a cell of its own, and a section is a row of its name alone."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[tuple[int, re.Match[str]]] = []
        j = i
        while j < len(lines) and (m := _BILINGUAL_ROW.fullmatch(lines[j]) or _BILINGUAL_SECTION.fullmatch(lines[j])):
            rows.append((j, m))
            j += 1
        figures = [len(m["nums"].split()) for _k, m in rows if m.re is _BILINGUAL_ROW]
        if len(figures) < 2 or len(set(figures)) > 1:
            out.append(lines[i])
            i += 1
            continue
        header = _stacked_header(lines, i, figures[0])
        if header is not None:
            del out[len(out) - (i - header[0]) :]  # the header lines, now the header row
        else:
            header = _year_header_above(lines, i, figures[0])  # the table's years, over rows of other sections
        if header is None:
            out.extend(lines[i:j])
            i = j
            continue
        out.append("| " + " | ".join([header[1][0], "", *header[1][1:]]) + " |")
        out.append("|" + "---|" * (len(header[1]) + 1))
        for _k, m in rows:
            figures_of_row = m["nums"].split() if m.re is _BILINGUAL_ROW else []
            out.append("| " + " | ".join([m["label"], m["english"].strip(), *figures_of_row]) + " |")
        i = j
    return out


def _pipe_aligned_tables(lines: list[str]) -> list[str]:
    """Aligned tables (a header of three columns or more over two rows of figures or more, with the
    same columns) rewritten as pipe tables with a `|---|` separator; every other line as it was.
    Columns are set apart by tabs or runs of spaces, else (a PDF copy) by single spaces."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _SINGLE_GAP.search(lines[i]):  # a header needs a gap: most lines go at once
            out.append(lines[i])
            i += 1
            continue
        header, rows, j = _aligned_table(lines, i, _COLUMN_GAP)
        if len(rows) < 2 and not _BAR.search(lines[i]):
            header, rows, j = _aligned_table(lines, i, _SINGLE_GAP)
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        out.extend("| " + " | ".join(cells) + " |" for cells in rows)
        i = j
    return out


# A cell of single characters set apart to align with longer names (定 海, 指 标): one word
_SPACED_CELL = re.compile(r"(?<=[|｜] )[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}(?= [|｜])")


def _unspaced_cells(row: str) -> str:
    return _SPACED_CELL.sub(lambda m: re.sub(r"[ \u3000]+", "", m.group()), row)


def clean_text(raw: str) -> str:
    """Normalise line endings and blank lines and join words broken across page breaks.

    Paragraphs are separated by one blank line in the result; the characters themselves (full- or
    half-width punctuation, traditional characters, Markdown heading marks) are kept.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _INVISIBLE.sub("", text)
    if "<" in text or "&" in text:  # web copies: tags and entities
        text = _BLOCK_TAG.sub("\n", _CELL_END.sub("\t", text))
        text = _INLINE_TAG.sub("", text)
        text = html.unescape(text) if _ENTITY.search(text) else text
    lines = [_TRAILING_EMPTY_CELLS.sub(" |", line.strip(" \t\u3000\u00a0")) for line in text.split("\n")]
    lines = _pipe_cell_lines(lines)
    lines = _pipe_aligned_tables(_pipe_glued_tables(_pipe_bilingual_tables(lines)))
    lines = [
        _SPACE_AT_NUMBER.sub("", line)
        if (" " in line or "\u00a0" in line) and not (is_table_row(line) or _HEADING_START.match(line))
        else line
        for line in lines
    ]
    lines = [
        _LOST_LIST_SEPARATOR.sub("、", line) if not is_table_row(line) else _unspaced_cells(line) for line in lines
    ]
    paragraphs: list[str] = []
    in_table = False  # the last paragraph is a table: its rows, one a line
    for line in lines:
        if not line:
            continue
        row = is_table_row(line)
        if row and in_table:
            paragraphs[-1] += "\n" + line
        elif (
            not row
            and not in_table
            and paragraphs
            and _should_join(paragraphs[-1], line, prev_is_title=len(paragraphs) == 1 and _is_title(paragraphs[0]))
        ):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        in_table = row
    paragraphs = [_with_header_separators(p) if is_table_row(p.split("\n", 1)[0]) else p for p in paragraphs]
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")


_SEPARATOR_ROW = re.compile(r"[|｜](?:\s*:?-+:?\s*[|｜])+")


def _cells_of(row: str) -> list[str]:
    return [c.strip() for c in _BAR.split(row.strip().strip("|｜"))]


def _is_header_row(cells: list[str]) -> bool:
    return len(cells) >= 3 and all(cells) and not any(_NUMBER_CELL.fullmatch(c) for c in cells)


def _with_header_separators(table: str) -> str:
    """A web table in sections (`工业经济` / `| 指 标 | 单位 | 1-3月 | ±% |` / rows / `水产品产量` / `| 指 标 | …`):
    each header of words over rows of figures starts a table of its own; one header: _with_header_separator."""
    rows = table.split("\n")
    if any(_SEPARATOR_ROW.fullmatch(r) for r in rows):
        return table
    cells = [_cells_of(r) for r in rows]
    starts = [k for k, c in enumerate(cells[:-1]) if _is_header_row(c) and not _is_header_row(cells[k + 1])]
    if len(starts) <= 1 and not (starts and starts[0] > 0):
        return _with_header_separator(table)
    parts = rows[: starts[0]]
    for a, b in zip(starts, [*starts[1:], len(rows)], strict=True):
        parts.append(_with_header_separator("\n".join(rows[a:b]), sections=True))
    return "\n".join(parts)


def _with_header_separator(table: str, sections: bool = False) -> str:
    """A pipe table written without its |---| row (a header of words over rows of figures) gets one,
    as an aligned table does, so that one reader serves all. A header one cell shorter than its rows
    (`| 绝对数(亿元) | 增长(%) |` over `| 地区生产总值 | 617.5 | 5.2 |`) lacks the label's cell: it gets
    an empty one, so that each header stands over its own column."""
    rows = table.split("\n")
    if len(rows) < 3 or any(_SEPARATOR_ROW.fullmatch(r) for r in rows):
        return table
    header, *data = ([c.strip() for c in _BAR.split(r.strip("|｜"))] for r in rows)
    if any(_NUMBER_CELL.fullmatch(c) for c in header):
        return table
    if all(len(cells) == len(header) + 1 and not _is_figure_cell(cells[0]) for cells in data):
        header = ["", *header]
        rows[0] = "| " + " | ".join(header) + " |"
    full = [c for c in data if len(c) == len(header) and _is_data_row(c)]
    # in a table of sections a row may be shorter than the header: a section's name (and unit), or fewer figures
    short = [
        c
        for c in data
        if sections and len(c) < len(header) and (_is_data_row(c) or not any(_NUMBER_CELL.search(x) for x in c))
    ]
    if len(full) + len(short) != len(data) or not full:
        return table
    return "\n".join([rows[0], "|" + "---|" * len(header), *rows[1:]])
