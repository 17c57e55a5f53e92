"""Where the pipe tables of a text are: header row, `|---|` separator, data rows and caption lines.

Kept apart from reading the cells (tables.py): the sentence rules need only to know where tables are
(to leave them out), and finding them is a question of layout alone, not of words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from beilun_etl.extraction.cleaning import is_table_row

Span = tuple[int, int]

_BAR = re.compile(r"(?<!\\)\|")  # \| is a bar inside a cell
_SEPARATOR_CELL = re.compile(r":?-+:?")
_MAX_CAPTION = 60  # a longer line above a table is prose, not its caption
_SENTENCE_END = "。！？!?；;"


@dataclass
class Row:
    start: int  # the line
    end: int
    cells: list[Span]  # each cell's content without the blanks around it


@dataclass
class Table:
    header: Row
    rows: list[Row]  # the data rows
    caption: list[Span]  # the lines just above the table that read as its caption (title, 单位：…)

    @property
    def start(self) -> int:
        return self.header.start

    @property
    def end(self) -> int:
        return (self.rows[-1] if self.rows else self.header).end


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _row(view: str, start: int, end: int) -> Row | None:
    """The cells of a table row line, or None for any other line."""
    line = view[start:end]
    if not is_table_row(line.strip()):
        return None
    lo = start + len(line) - len(line.lstrip())
    hi = start + len(line.rstrip())
    bars = [m.start() for m in _BAR.finditer(view, lo, hi)]
    if len(bars) < 2 or bars[0] != lo or bars[-1] != hi - 1:
        return None
    cells = []
    for a, b in itertools.pairwise(bars):
        a += 1
        while a < b and view[a].isspace():
            a += 1
        while b > a and view[b - 1].isspace():
            b -= 1
        cells.append((a, b))
    return Row(start, end, cells)


def _is_separator(view: str, row: Row | None) -> bool:
    return row is not None and all(_SEPARATOR_CELL.fullmatch(view, a, b) for a, b in row.cells)


def _caption(view: str, lines: list[Span], rows: list[Row | None], first: int) -> list[Span]:
    """Up to two short lines right above the table that do not end a sentence: its title and unit line.
    A line without Chinese between them (a yearbook's English title) is passed over."""
    caption: list[Span] = []
    k = first - 1
    while k >= 0 and len(caption) < 2 and rows[k] is None:
        line = view[lines[k][0] : lines[k][1]].strip()
        if len(line) > _MAX_CAPTION or line[-1] in _SENTENCE_END:
            break
        if _CJK.search(line):
            caption.insert(0, lines[k])
        k -= 1
    return caption


def find_tables(view: str) -> list[Table]:
    """Every pipe table: a header row, a separator row (|---|), and the data rows under them.

    Rows of one table may stand on consecutive lines or with blank lines between (cleaning keeps
    them on consecutive lines); a header row right above another separator starts the next table."""
    lines: list[Span] = []
    pos = 0
    for line in view.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    rows = [_row(view, a, b) for a, b in lines]
    tables: list[Table] = []
    i = 0
    while i + 1 < len(rows):
        if rows[i] is None or not _is_separator(view, rows[i + 1]):
            i += 1
            continue
        j = i + 2
        while j < len(rows) and rows[j] is not None and not _is_separator(view, rows[j]):
            if j + 1 < len(rows) and _is_separator(view, rows[j + 1]):
                break  # the header of the next table
            j += 1
        data = [r for r in rows[i + 2 : j] if r is not None]
        tables.append(Table(rows[i], data, _caption(view, lines, rows, i)))
        i = j
    return tables


def mask_tables(view: str, tables: list[Table]) -> str:
    """The view with every table row blanked (line breaks kept): what the sentence rules read."""
    if not tables:
        return view
    parts, last = [], 0
    for t in tables:
        parts += [view[last : t.start], re.sub(r"[^\n]", " ", view[t.start : t.end])]
        last = t.end
    parts.append(view[last:])
    return "".join(parts)
