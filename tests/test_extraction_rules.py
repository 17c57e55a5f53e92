"""The rule registry and the trace: every rule's example is decided by that rule, every trace names
registered rules, and docs/extraction.md is the registry's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from beilun_etl.extraction import clean_text, extract_figures, infer_publication_year, trace_json
from beilun_etl.extraction.rule_docs import render
from beilun_etl.extraction.rules import REGISTRY, TRACE_KEYS, trace_names
from tests.data_paths import SEEDS_DIR, STYLES_DIR

DOC = Path(__file__).resolve().parents[1] / "docs" / "extraction.md"
SCOPES = {"sentence", "paragraph", "document", "table"}


@pytest.mark.parametrize("key", sorted(REGISTRY), ids=lambda k: f"{k[0]}.{k[1]}")
def test_each_rule_decides_its_example(key):
    dimension, name = key
    r = REGISTRY[key]
    published = dt.date.fromisoformat(r.published) if r.published else dt.date(2024, 12, 31)
    records = extract_figures("t", clean_text(r.example), published)
    found = [x for x in records if x["text"] == r.figure]
    assert found, f"{r.figure!r} not among {[x['text'] for x in records]}"
    decided = found[0]["trace"][dimension].split(">")
    assert name in decided, found[0]["trace"]


def _articles() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt")) + sorted(STYLES_DIR.glob("*.txt"))


def test_every_trace_names_registered_rules():
    seen: set[tuple[str, str]] = set()
    for path in _articles():
        text = clean_text(path.read_text(encoding="utf-8"))
        records = extract_figures(path.stem, text, dt.date(infer_publication_year(text) or 2024, 12, 31))
        assert records, path
        for r in records:
            trace = r["trace"]
            assert tuple(trace) == TRACE_KEYS, trace
            assert trace["period_scope"] in SCOPES, trace
            names = [(d, n) for d, n in trace_names(trace) if d != "period_scope" and n != "none"]
            unknown = [n for n in names if n not in REGISTRY]
            assert not unknown, (path.name, r["text"], trace)
            seen.update(names)
    # the articles exercise most of the registry, not only a couple of rules
    assert len(seen) >= 30, sorted(seen)


def test_a_trace_is_stored_as_json_with_its_keys_in_order():
    trace = {"indicator": "alias_in_clause>part_of_total", "zone": "main_zone", "period": "span",
             "period_scope": "paragraph", "measure": "level"}  # fmt: skip
    stored = trace_json(trace)
    assert json.loads(stored) == trace
    assert list(json.loads(stored)) == list(TRACE_KEYS)


def test_docs_extraction_md_is_generated_from_the_registry():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "regenerate: .venv/bin/python -m beilun_etl.extraction.rule_docs > docs/extraction.md"
    )
    for (_dimension, name), _rule in REGISTRY.items():
        assert f"`{name}`" in render()
