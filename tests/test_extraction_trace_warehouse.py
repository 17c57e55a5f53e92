"""The trace reaches the warehouse: raw.figures.trace and marts.fct_indicator_value.trace say which
rules decided each figure, so "why is this figure here?" is one query (one real refresh)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pipeline_helpers import query, refresh

from beilun_etl.extraction.rules import REGISTRY, TRACE_KEYS, trace_names

pytestmark = pytest.mark.slow  # one real refresh: left out of `make test-fast`

ARTICLE = (
    "北仑区2024年经济运行情况\n\n"
    "2024年，全区实现地区生产总值2985.6亿元，同比增长6.1%。"
    "外贸进出口总额4612.3亿元，比上年增长2.1%。其中，出口2705.8亿元，增长6.4%。\n"
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("trace")
    articles = root / "articles"
    articles.mkdir()
    (articles / "trace_2024.txt").write_text(ARTICLE, encoding="utf-8")
    db = root / "data" / "warehouse.duckdb"
    summary = refresh(articles, db)
    assert summary.published, summary.as_text()
    return db


def test_raw_figures_store_the_trace_of_every_figure(warehouse):
    rows = query(warehouse, "select text, trace from raw.figures order by figure_seq")
    assert len(rows) == 6, rows
    for _text, trace in rows:
        parsed = json.loads(trace)
        assert tuple(parsed) == TRACE_KEYS
        assert all(key in REGISTRY for key in trace_names(parsed) if key[0] != "period_scope"), parsed


def test_the_fact_table_answers_why_a_figure_is_here(warehouse):
    rows = query(
        warehouse,
        """
        select text, json_extract_string(trace, '$.indicator'), json_extract_string(trace, '$.zone'),
               json_extract_string(trace, '$.period'), json_extract_string(trace, '$.period_scope'),
               json_extract_string(trace, '$.measure'), zone_code, year
        from marts.fct_indicator_value
        where not is_derived and text in ('2.1%', '2705.8亿元')
        order by char_start
        """,
    )
    assert rows == [
        # the growth of the level before it; the year of an earlier sentence of the paragraph
        ("2.1%", "figure_before", "subject_of_earlier_clause", "explicit_period", "paragraph", "up_cue", "beilun", 2024),
        # named in its clause, then narrowed as a part of the 其中 total
        ("2705.8亿元", "alias_in_clause>part_of_total", "subject_of_earlier_clause", "explicit_period", "paragraph",
         "level", "beilun", 2024),
    ]  # fmt: skip
    derived = query(warehouse, "select count(*) from marts.fct_indicator_value where is_derived and trace is not null")
    assert derived == [(0,)]
