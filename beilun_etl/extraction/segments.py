"""Paragraphs, sentences and clauses of a text as offset spans (on the matching view).

A FACTS sentence ends at 。；！？ or a line end; periods and zones carry over whole sentences
(。！？) and within paragraphs; indicators attach within clauses (，：). A comma between digits
followed by three digits is a thousands separator, a colon between digits a ratio: neither splits.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_PARA = re.compile(r"\n")
# Each pattern starts with the class of its first characters so that the engine skips from one
# candidate to the next instead of trying every alternative at every position (2-3x faster); the
# lookbehinds then tell which character was read. As written plainly:
#   _FULL    [。！？!?]+[”’"]?|\n
#   _SENT    [。！？!?；;]+[”’"]?|\n
#   _CLAUSE  [。！？!?；;]+[”’"]?|\n|[，：]|(?<!\d),|,(?!\d{3}(?!\d))|(?<!\d):|:(?!\d)
_FULL = re.compile(r"[\n。！？!?](?:(?<=\n)|[。！？!?]*[”’\"]?)")
_SENT = re.compile(r"[\n。！？!?；;](?:(?<=\n)|[。！？!?；;]*[”’\"]?)")
_CLAUSE = re.compile(
    r"[\n，：,:。！？!?；;]"
    r"(?:(?<=[\n，：])"  # a line end, a full-width comma or colon
    r"|(?<=[。！？!?；;])[。！？!?；;]*[”’\"]?"  # sentence ends with a closing quote
    r"|(?<=,)(?:(?<!\d,)|(?!\d{3}(?!\d)))"  # a comma, not a thousands separator
    r"|(?<=:)(?:(?<!\d:)|(?!\d)))"  # a colon, not that of a ratio
)


def _spans(view: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    ends = [m.end() for m in pattern.finditer(view)]
    if not ends or ends[-1] < len(view):
        ends.append(len(view))
    starts = [0, *ends[:-1]]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if b > a]


@dataclass
class SpanIndex:
    spans: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.spans]
        self._cache: dict[int, int] = {}

    def index(self, pos: int) -> int:
        found = self._cache.get(pos)
        if found is None:
            found = bisect.bisect_right(self.starts, pos) - 1
            if found < 0:
                found = 0
            self._cache[pos] = found
        return found

    def indices(self, positions: list[int]) -> list[int]:
        """index() of each position of an ascending list, by one merge instead of a search each."""
        out: list[int] = []
        i, n = 0, len(self.starts)
        for pos in positions:
            while i + 1 < n and self.starts[i + 1] <= pos:
                i += 1
            out.append(i)
        return out

    def span(self, pos: int) -> tuple[int, int]:
        return self.spans[self.index(pos)] if self.spans else (0, 0)


# The characters of a text's head (a page's menus, its title, heading, dateline and first lines): where a
# text says what it is (a work report) and what scope holds for all of it (全部规上工业).
OPENING = 400


class Segments:
    """All segmentations of one text, built once per article."""

    def __init__(self, view: str):
        self.view = view
        self.paragraphs = SpanIndex(_spans(view, _PARA))
        self.full = SpanIndex(_spans(view, _FULL))
        self.sentences = SpanIndex(_spans(view, _SENT))
        self.clauses = SpanIndex(_spans(view, _CLAUSE))
        self.opening = view[:OPENING]

    def sentence_text(self, text: str, pos: int) -> str:
        """The FACTS sentence holding `pos`, from the stored text, without surrounding blanks."""
        start, end = self.sentences.span(pos)
        return text[start:end].strip()
