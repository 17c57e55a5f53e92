"""The synthetic corpus generator: reproducible, complete, and its gold obeys the FACTS contract."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from beilun_etl.paths import DICTIONARY_DIR
from beilun_etl.synth import generate_corpus

COUNT = 60
# The enumerations of FACTS.md, written out here rather than taken from the generator under test.
MEASURES = {"level", "growth_pct", "cagr_pct", "multiple", "share_pct", "pct_points", "rank", "change"}
UNITS = {"CNY", "USD", "percent", "pct_point", "count", "person", "tonne", "m2", "km2", "mu", "TEU", "times", "rank"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than"}
FIELDS = (
    "text",
    "context",
    "indicator",
    "indicator_code",
    "zone",
    "measure",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "optional",
)
MEASURE_UNITS = {
    "growth_pct": {"percent"},
    "cagr_pct": {"percent"},
    "share_pct": {"percent"},
    "pct_points": {"pct_point"},
    "multiple": {"times"},
    "rank": {"rank"},
}


def codes(name: str) -> set[str]:
    with (DICTIONARY_DIR / name).open(encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate_corpus(COUNT, out, seed=7)
    return out


def gold_of(corpus: Path) -> dict[str, list[dict]]:
    return {
        path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for path in sorted((corpus / "gold").glob("*.jsonl"))
    }


def test_same_seed_gives_identical_bytes(corpus: Path, tmp_path: Path) -> None:
    generate_corpus(COUNT, tmp_path / "again", seed=7)
    assert files(tmp_path / "again") == files(corpus)


def test_other_seed_gives_other_articles(corpus: Path, tmp_path: Path) -> None:
    generate_corpus(5, tmp_path / "other", seed=8)
    assert files(tmp_path / "other") != files(corpus)


def test_a_corpus_extends_its_shorter_self(corpus: Path, tmp_path: Path) -> None:
    generate_corpus(10, tmp_path / "short", seed=7)
    full = files(corpus)
    assert all(full[name] == data for name, data in files(tmp_path / "short").items())


def test_count_styles_sizes_and_sidecars(corpus: Path) -> None:
    articles = sorted((corpus / "articles").glob("*.txt"))
    assert len(articles) == COUNT
    assert len(list((corpus / "gold").glob("*.jsonl"))) == COUNT
    assert {path.stem.split("_")[1] for path in articles} == {"bulletin", "quarterly", "feature", "multizone"}
    for path in articles:
        assert 8_000 <= path.stat().st_size <= 15_500, path.name
    sidecars = list((corpus / "articles").glob("*.meta.json"))
    assert 0 < len(sidecars) < COUNT
    for sidecar in sidecars:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        dt.date.fromisoformat(meta["published"])
        assert (corpus / "articles" / sidecar.name.replace(".meta.json", ".txt")).exists()


def test_gold_texts_and_contexts_are_in_the_article(corpus: Path) -> None:
    for name, records in gold_of(corpus).items():
        text = (corpus / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        assert records, name
        for record in records:
            assert record["text"] in record["context"], record
            assert record["context"] in text, record
            assert "\n" not in record["context"], record


def test_gold_fields_follow_the_contract(corpus: Path) -> None:
    indicator_codes, zone_codes = codes("indicators.csv"), codes("zones.csv")
    for records in gold_of(corpus).values():
        for record in records:
            assert tuple(record)[: len(FIELDS)] == FIELDS, record
            assert record["measure"] in MEASURES and record["unit"] in UNITS, record
            assert record["qualifier"] in QUALIFIERS, record
            assert record["unit"] in MEASURE_UNITS.get(record["measure"], UNITS - {"pct_point", "times", "rank"})
            assert record["indicator_code"] is None or record["indicator_code"] in indicator_codes, record
            assert record["zone"] in zone_codes, record
            assert isinstance(record["value"], int | float) and not isinstance(record["value"], bool)
            assert isinstance(record["optional"], bool)
            start, end = dt.date.fromisoformat(record["period_start"]), dt.date.fromisoformat(record["period_end"])
            assert start <= end, record
            assert start.year >= 1990 and end.year <= 2031, record


def test_gold_values_are_self_consistent(corpus: Path) -> None:
    """Parts stay below their whole; a structure ratio sums to 100; ranks and levels are positive."""
    for records in gold_of(corpus).values():
        levels = {r["text"]: r["value"] for r in records if r["measure"] == "level"}
        ratio: list[float] = []
        for record in records:
            if "part_of" in record:
                assert record["value"] <= levels[record["part_of"]], record
            if record["measure"] == "rank":
                assert isinstance(record["value"], int) and record["value"] >= 1
            if record["measure"] == "level":
                assert record["value"] > 0, record
            if record["measure"] == "share_pct":
                assert 0 < record["value"] <= 100, record
            if record["measure"] == "share_pct" and str(record["indicator_code"]).startswith("value_added_"):
                ratio.append(record["value"])
        if ratio:
            assert len(ratio) == 3 and abs(sum(ratio) - 100) < 1e-6


def test_multiples_agree_with_their_levels(corpus: Path) -> None:
    """`从A年的X增加到B年的Y，扩大N倍`: N is Y/X (or Y/X - 1 for 增长N倍) as printed."""
    seen = 0
    for records in gold_of(corpus).values():
        for i, record in enumerate(records):
            if record["measure"] != "multiple" or i < 2:
                continue
            first, second = records[i - 2]["value"], records[i - 1]["value"]
            ratio = second / first
            expected = ratio - 1 if "an increase" in record["note"] else ratio
            assert abs(record["value"] - expected) <= max(0.051, 0.05 * expected), (record, ratio)
            seen += 1
    assert seen


@pytest.mark.slow  # generates a corpus in several processes: left out of `make test-fast`
def test_several_workers_write_the_same_bytes(tmp_path: Path) -> None:
    generate_corpus(300, tmp_path / "one", seed=5, workers=1)
    generate_corpus(300, tmp_path / "two", seed=5, workers=2)
    assert files(tmp_path / "two") == files(tmp_path / "one")
