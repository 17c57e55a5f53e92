import csv

import pytest

from beilun_etl.extraction.evaluation import evaluate, format_report, run_evaluate, score_article
from tests.data_paths import DATA
from tests.data_paths import SEED_GOLD_DIR as SEED_GOLD
from tests.data_paths import SEEDS_DIR as SEEDS
from tests.data_paths import STYLES_DIR as TEST_ARTICLES
from tests.data_paths import STYLES_GOLD_DIR as TEST_GOLD


def _assert_targets(report):
    overall = report.overall
    assert overall.recall >= 0.97, format_report(report, verbose=True)
    assert overall.precision >= 0.95, format_report(report, verbose=True)
    for attr in ("period_year", "zone", "indicator_code", "qualifier"):
        assert overall.accuracy(attr) >= 0.92, (attr, format_report(report, verbose=True))


def test_matching_rules():
    gold = [
        {"text": "6.1%", "measure": "growth_pct", "value": 6.1, "unit": "percent", "zone": "beilun",
         "qualifier": "exact", "period_end": "2024-06-30", "indicator_code": "gdp"},
        {"text": "100%", "measure": "level", "value": 100, "unit": "percent", "optional": True},
    ]  # fmt: skip
    preds = [
        {"text": "6.1%", "measure": "growth_pct", "value": 6.1004, "unit": "percent", "zone": "beilun",
         "qualifier": "exact", "period_end": "2024-12-31", "indicator_code": "gdp", "char_start": 0,
         "sentence": "s"},
        {"text": "6.1%", "measure": "level", "value": 6.1, "unit": "percent", "char_start": 5, "sentence": "s"},
    ]  # fmt: skip
    score = score_article("a", "6.1% 100%", gold, preds)
    assert (score.required, score.required_matched) == (1, 1)
    assert (score.predictions, score.predictions_matched) == (2, 1)
    assert score.accuracy("period_year") == 1.0
    assert score.accuracy("indicator_code") == 1.0


def test_a_gold_context_is_found_in_a_row_the_cleaning_laid_out_with_bars():
    text = "| 慈溪 | Cixi | 100.0 | 4.7 |\n| 余姚 | Yuyao | 100.0 | 5.6 |\n"
    gold = [
        {"text": "100.0", "context": "余姚   Yuyao 100.0 5.6", "measure": "share_pct", "value": 100.0,
         "unit": "percent", "zone": "yuyao"},
        {"text": "100.0", "context": "慈溪   Cixi 100.0 4.7", "measure": "share_pct", "value": 100.0,
         "unit": "percent", "zone": "cixi"},
    ]  # fmt: skip
    preds = [
        {"text": "100.0", "measure": "share_pct", "value": 100.0, "unit": "percent", "zone": zone,
         "char_start": text.find("100.0", text.find(name)), "sentence": "s"}
        for name, zone in (("慈溪", "cixi"), ("余姚", "yuyao"))
    ]  # fmt: skip
    assert score_article("a", text, gold, preds).accuracy("zone") == 1.0  # each row's 100.0 with its own row


def test_seed_articles_meet_the_targets():
    report = evaluate(SEED_GOLD, sorted(SEEDS.glob("*.txt")))
    assert len(report.articles) == 2
    _assert_targets(report)


def test_test_articles_in_other_styles_meet_the_targets():
    report = evaluate(TEST_GOLD, sorted(TEST_ARTICLES.glob("*.txt")))
    # every gold file is scored (the held-out set copied in included), and each style meets the targets
    assert {a.article_id for a in report.articles} == {p.stem for p in TEST_GOLD.glob("*.jsonl")}
    _assert_targets(report)


REALWORLD = DATA / "realworld"


def _floors() -> dict[str, dict[str, float]]:
    with (REALWORLD / "FLOORS.tsv").open(encoding="utf-8", newline="") as file:
        return {row.pop("style"): {k: float(v) for k, v in row.items()} for row in csv.DictReader(file, delimiter="\t")}


def test_reworded_real_world_articles_stay_above_their_floors():
    """The guard of the real-world corpus (tests/data/realworld, one article per public page): each
    style keeps the scores it has reached, a few points of slack below them (FLOORS.tsv). A change that
    raises a score should raise its floor too; the real excerpts, not these, are the measure."""
    report = evaluate(REALWORLD / "gold", sorted(REALWORLD.glob("*.txt")))
    floors = _floors()
    scores = {"overall": report.overall, **report.by_style}
    assert set(floors) == set(scores), "every style of SOURCES.tsv has its floors"
    below = []
    for style, floor in floors.items():
        got = scores[style]
        values = {"recall": got.recall, "precision": got.precision}
        values |= {attr: got.accuracy(attr) for attr in ("period_year", "zone", "indicator_code")}
        below += [f"{style}.{k} {values[k]:.3f} < {v}" for k, v in floor.items() if values[k] < v]
    assert not below, "\n".join(below) + "\n" + format_report(report, verbose=True)


def test_run_evaluate_prints_a_table(capsys):
    assert run_evaluate(SEED_GOLD, sorted(SEEDS.glob("*.txt")), verbose=True) == 0
    out = capsys.readouterr().out
    assert "overall" in out


def test_synthetic_corpus_meets_the_targets(tmp_path):
    synth = pytest.importorskip("beilun_etl.synth")
    synth.generate_corpus(24, tmp_path, seed=5)
    report = evaluate(tmp_path / "gold", sorted((tmp_path / "articles").glob("*.txt")))
    assert len(report.articles) == 24
    _assert_targets(report)
