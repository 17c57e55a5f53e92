"""The contract's enumerations have one home, the dbt seeds, and they say what docs/FACTS.md says."""

from __future__ import annotations

import datetime as dt
import re

from beilun_etl.reference import seed_codes, seed_rows
from tests.data_paths import PROJECT_ROOT

FACTS = (PROJECT_ROOT / "docs" / "FACTS.md").read_text(encoding="utf-8")


def _first_column(section: str) -> set[str]:
    body = FACTS.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in body.splitlines() if line.startswith("| ") and not line.startswith("|---")]
    return {m.group(1) for row in rows[1:] if (m := re.match(r"\| `?([a-z0-9_A-Z]+)`? \|", row))}


def test_units_and_measures_are_those_of_the_contract():
    assert set(seed_codes("units")) == _first_column("Units")
    assert set(seed_codes("measures")) == _first_column("Measures")


def test_qualifiers_are_those_of_the_contract():
    qualifier_row = next(line for line in FACTS.splitlines() if line.startswith("| qualifier |"))
    assert set(seed_codes("qualifiers")) == set(re.findall(r"`([a-z_]+)`", qualifier_row))


def test_every_unit_the_extractor_writes_is_a_seeded_unit():
    from beilun_etl.extraction import extract_figures

    text = "全区实现地区生产总值1365.56亿元，同比增长6.1%，集装箱吞吐量3530万标准箱，位列全国第2位，新增企业12家。"
    units = {record["unit"] for record in extract_figures("x", text, dt.date(2024, 8, 20))}
    assert len(units) >= 5 and units <= set(seed_codes("units"))


def test_seed_rows_keep_every_column(tmp_path):
    (tmp_path / "units.csv").write_text("unit,name_en\nCNY,yuan\n", encoding="utf-8")
    assert seed_rows("units", tmp_path) == [{"unit": "CNY", "name_en": "yuan"}]
    assert seed_codes("units", tmp_path) == ("CNY",)
