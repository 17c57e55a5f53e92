"""The extraction corpus: sentence -> expected figures, as data (tests/extraction/corpus/*.yaml).

Each case is a short text with the figures it must give, named by their `text` and listing only the
attributes the case is about; this one test runs them all through the public API. A new phrasing is
one lexicon line or one rule plus one case here (docs/extraction.md, "Adding a phrasing").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from beilun_etl.extraction import clean_text, extract_figures

CORPUS = Path(__file__).resolve().parent / "extraction" / "corpus"
DEFAULT_PUBLISHED = dt.date(2024, 8, 20)
CASE_KEYS = {"id", "note", "text", "published", "published_inferred", "title", "url", "figures", "all"}


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load_corpus() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append((f"{path.stem}.{case['id']}", case))
    return cases


CASES = load_corpus()


def _attr(record: dict, key: str):
    if key == "period":
        return [record["period_start"], record["period_end"]]
    return record[key]


def _mismatches(record: dict, expected: dict) -> list[str]:
    wrong = []
    for key, want in expected.items():
        got = _attr(record, key)
        same = got == pytest.approx(want, rel=1e-9) if key == "value" and want is not None else got == want
        if not same:
            wrong.append(f"{expected['text']}.{key}: {got!r} != {want!r}")
    return wrong


def test_the_corpus_is_well_formed():
    ids = [name for name, _case in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for name, case in CASES:
        assert set(case) <= CASE_KEYS, (name, set(case) - CASE_KEYS)
        assert ("figures" in case) != ("all" in case), f"{name}: one of figures or all"
        assert all("text" in f for f in case.get("figures") or case.get("all")), name


@pytest.mark.parametrize("case", [c for _n, c in CASES], ids=[n for n, _c in CASES])
def test_corpus_case(case):
    records = extract_figures(
        "t",
        clean_text(case["text"]),
        _date(case.get("published", DEFAULT_PUBLISHED)),
        bool(case.get("published_inferred", False)),
        title=case.get("title"),
        url=case.get("url"),
    )
    texts = [r["text"] for r in records]
    if "all" in case:
        assert texts == [f["text"] for f in case["all"]]
        wrong = [w for r, f in zip(records, case["all"], strict=True) for w in _mismatches(r, f)]
    else:
        wrong = []
        for f in case["figures"]:
            assert f["text"] in texts, f"{f['text']!r} not among {texts}"
            wrong += _mismatches(records[texts.index(f["text"])], f)
    assert not wrong, "\n".join(wrong)
