import datetime as dt

from beilun_etl.extraction import (
    EXTRACTOR_VERSION,
    clean_text,
    extract_figures,
    extractor_fingerprint,
    infer_publication_year,
)
from beilun_etl.extraction.dictionaries import load_dictionaries
from tests.data_paths import SEEDS_DIR as SEEDS

FIELDS = {
    "article_id", "text", "sentence", "char_start", "char_end", "indicator", "indicator_code", "zone",
    "measure", "value", "unit", "qualifier", "period_start", "period_end", "classifier", "share_of",
    "part_of", "part_of_seq", "confidence", "period_inferred", "trace",
}  # fmt: skip


def _seed(name: str) -> str:
    return clean_text((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))


def test_seed_publication_years_are_inferred():
    assert infer_publication_year(_seed("000_0ffcbe62cd3a376b")) == 2024
    assert infer_publication_year(_seed("003_e40ad7c70a5ae01c")) == 2023


def test_a_title_ending_with_a_year_dates_a_text_that_names_no_other_year():
    assert infer_publication_year("数说北仑2024\n\n地区生产总值：2718.6亿元，增长5.9%\n") == 2024
    assert infer_publication_year("科创甬江2035\n\n全区研发投入增长12%。\n") is None  # a plan's name


def test_records_have_the_contract_fields_and_offsets():
    text = _seed("000_0ffcbe62cd3a376b")
    records = extract_figures("000", text, dt.date(2024, 12, 31), published_inferred=True)
    assert records
    starts = [r["char_start"] for r in records]
    assert starts == sorted(starts)
    for r in records:
        assert set(r) == FIELDS
        assert text[r["char_start"] : r["char_end"]] == r["text"]
        assert r["text"] in r["sentence"]
        assert 0 <= r["confidence"] <= 1
        if r["part_of_seq"] is not None:
            assert records[r["part_of_seq"]]["text"] == r["part_of"]


def test_fingerprint_and_dictionaries():
    assert extractor_fingerprint().startswith(EXTRACTOR_VERSION + "+")
    dicts = load_dictionaries()
    assert "beilun" in dicts.zones and "gdp" in dicts.indicators
    assert all(ind.kind in {"flow", "stock", "rate", "cumulative"} for ind in dicts.indicators.values())


def test_extraction_never_fails_on_garbled_text():
    import random

    random.seed(7)
    source = _seed("003_e40ad7c70a5ae01c") + _seed("000_0ffcbe62cd3a376b")
    alphabet = sorted(set(source)) + list("０１２３４５６７８９％年月第位居首连续")
    for _ in range(200):
        start = random.randint(0, len(source) - 1)
        chunk = "".join(c if random.random() > 0.05 else random.choice(alphabet) for c in source[start : start + 600])
        text = clean_text(chunk)
        infer_publication_year(text)
        for r in extract_figures("f", text, dt.date(2024, 6, 30)):
            assert text[r["char_start"] : r["char_end"]] == r["text"]
            assert r["period_start"] <= r["period_end"]
