"""Small helpers for the extraction tests: extract from a snippet and look records up by text."""

from __future__ import annotations

import datetime as dt

from beilun_etl.extraction import clean_text, extract_figures


def figures(raw: str, published: dt.date = dt.date(2024, 8, 20)) -> list[dict]:
    return extract_figures("t", clean_text(raw), published)


def by_text(records: list[dict], text: str) -> dict:
    found = [r for r in records if r["text"] == text]
    assert found, f"{text!r} not among {[r['text'] for r in records]}"
    return found[0]
