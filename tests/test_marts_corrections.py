"""Corrections without Python: lines of dbt/seeds/corrections.csv change, drop or fail to match
figures on the next real `dbt build`, survive re-extraction of the same article version, stop
applying to an edited one (listed in marts.unapplied_corrections), and a bad line fails the build
with its line number and what is wrong.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from staging_helpers import DBT_DIR, PROJECT_ROOT, connect_new, stage

pytestmark = pytest.mark.slow  # refreshes end to end: left out of `make test-fast`

BUILD = ("build", "--exclude", "path:models/audit")
HEADER = "article_id,char_start,field,new_value,reason,content_hash"
GOOD_LINES = [
    "x,10,value,263000000000,the table says 2630亿元,",
    "x,30,drop,,500强 is a list name,",
    "x,50,indicator_code,fiscal_revenue_total,财政总收入 is fiscal revenue,",
    "x,70,zone_code,meishan,the sentence is about 梅山,",
    "x,90,period_start,2021-01-01,the figure is of 2021,",
    "x,90,period_end,2021-12-31,the figure is of 2021,",
    "x,999,value,1,no figure starts here,",
    "gone,10,value,1,the article is not in the warehouse,",
    "x,10,qualifier,approx,约 stands before it,x1",
]


def project_with(tmp_path: Path, lines: list[str]) -> Path:
    project = tmp_path / "dbt"
    if not project.exists():
        shutil.copytree(DBT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", ".user.yml"))
    (project / "seeds" / "corrections.csv").write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return project


def dbt(db: Path, project: Path, *args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"BEILUN_BUILD_WAREHOUSE": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    cmd = [str(PROJECT_ROOT / ".venv" / "bin" / "dbt"), *args, "--project-dir", str(project),
           "--profiles-dir", str(project), "--target-path", str(db.parent / "target")]  # fmt: skip
    return subprocess.run(cmd, env=env, capture_output=True, text=True)


def built(db: Path, project: Path, *extra: str) -> None:
    proc = dbt(db, project, *BUILD, *extra)
    assert proc.returncode == 0, f"dbt build failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}"


def figures(content_hash: str, shift: int = 0, extractor: str = "test") -> list[dict]:
    def f(seq: int, start: int, text: str, indicator: str | None, value: float, unit: str, **extra) -> dict:
        return {"article_id": "x", "content_hash": content_hash, "figure_seq": seq, "text": text,
                "sentence": f"2022年{indicator}{text}", "char_start": start + shift,
                "char_end": start + shift + len(text), "indicator": indicator, "zone": "beilun",
                "measure": "level", "value": value, "unit": unit, "qualifier": "exact",
                "period_start": "2022-01-01", "period_end": "2022-12-31", "extractor_version": extractor,
                **extra}  # fmt: skip

    return [
        f(0, 10, "2360亿元", "地区生产总值", 2.36e11, "CNY", indicator_code="gdp"),
        f(1, 30, "500强", "百强区", 500, "count"),
        f(2, 50, "905.4亿元", "财政总收入", 9.054e10, "CNY"),
        f(3, 70, "12家", "上市公司", 12, "count", indicator_code="listed_companies"),
        f(4, 90, "18%", "研发投入增长", 18, "percent", measure="growth_pct"),
    ]


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("corrections")
    db = tmp / "warehouse.duckdb"
    stage(
        db,
        [{"article_id": "x", "content_hash": "x1", "published": "2023-03-01", "title": "北仑二〇二二"}],
        figures("x1"),
    )
    project = project_with(tmp, GOOD_LINES)
    built(db, project)
    return db, project


def q(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


FACTS = """select char_start, indicator_code, zone_code, value, qualifier, period_label, corrected, correction_reason,
           indicator_mapping, zone_mapping
    from marts.fct_indicator_value where article_id = 'x' and not is_derived order by char_start"""


def test_corrections_change_and_drop_figures(corrected):
    db, _ = corrected
    rows = {r[0]: r[1:] for r in q(db, FACTS)}
    assert 30 not in rows  # dropped: 500强 is no figure
    assert rows[10][:4] == ("gdp", "beilun", 2.63e11, "approx")
    assert rows[10][5:7] == (True, "the table says 2630亿元; 约 stands before it")
    assert rows[50][0] == "fiscal_revenue_total" and rows[50][7] == "correction"
    assert rows[70][1] == "meishan" and rows[70][8] == "correction"
    assert rows[90][4] == "2021"  # period corrected: the label and the year follow
    assert q(db, "select year from marts.fct_indicator_value where char_start = 90") == [(2021,)]
    assert rows[70][5] is True and rows[90][6] == "the figure is of 2021; the figure is of 2021"
    # the keys follow the corrected codes, and every key joins its dimension (foreign keys)
    assert q(
        db,
        "select count(*) from marts.fct_indicator_value as f join marts.dim_indicator as i using (indicator_key) "
        "join marts.dim_zone as z using (zone_key) where f.char_start in (50, 70) and i.is_mapped and z.is_mapped",
    ) == [(2,)]


def test_corrections_that_match_no_figure_are_listed(corrected):
    db, _ = corrected
    rows = q(db, "select line, article_id, why_unapplied from marts.unapplied_corrections order by line")
    assert [(line, article) for line, article, _ in rows] == [(8, "x"), (9, "gone")]
    assert "no figure of the current version starts at char_start 999" in rows[0][2]
    assert "not current" in rows[1][2]


def test_a_correction_survives_re_extraction_of_the_same_version(corrected, tmp_path):
    db, project = corrected
    again = tmp_path / "warehouse.duckdb"
    shutil.copy(db, again)
    with connect_new(again) as con:  # a new extractor reads the same version again: same offsets
        con.execute("DELETE FROM raw.figures WHERE content_hash = 'x1'")
    stage(again, [], figures("x1", extractor="test-2"))
    built(again, project, "--full-refresh")
    assert q(again, FACTS) == q(db, FACTS)
    assert q(again, "select distinct extractor_version from marts.fct_indicator_value") == [("test-2",)]


def test_an_edited_article_leaves_its_corrections_unapplied(corrected, tmp_path):
    db, project = corrected
    edited = tmp_path / "warehouse.duckdb"
    shutil.copy(db, edited)
    with connect_new(edited) as con:
        con.execute("UPDATE raw.article_versions SET status = 'superseded' WHERE article_id = 'x'")
    # the edit put five characters before every figure: no offset of the corrections matches
    stage(edited, [{"article_id": "x", "content_hash": "x2", "published": "2023-03-01"}], figures("x2", shift=5))
    built(edited, project, "--full-refresh")
    assert q(edited, "select count(*) from marts.fct_indicator_value where corrected") == [(0,)]
    why = dict(q(edited, "select line, why_unapplied from marts.unapplied_corrections"))
    assert len(why) == len(GOOD_LINES)
    assert why[10] == "the article was edited: its current version is x2"  # the line pinned to x1
    assert why[2] == "no figure of the current version starts at char_start 10"


def test_a_bad_line_fails_the_build_with_its_line_and_reason(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    stage(db, [{"article_id": "x", "content_hash": "x1", "published": "2023-03-01"}], figures("x1"))
    project = project_with(tmp_path, ["x,10,indicator_code,gdp_typo,wrong code,"])
    proc = dbt(db, project, *BUILD)
    assert proc.returncode != 0
    assert 'dbt/seeds/corrections.csv line 2: unknown indicator_code "gdp_typo"' in proc.stdout
    assert q(
        db, "select count(*) from duckdb_tables() where schema_name = 'marts' and table_name = 'fct_indicator_value'"
    ) == [(0,)]
    # every kind of bad line is named (the build stops at the first; the model lists them all)
    project = project_with(
        tmp_path,
        [
            "x,ten,value,1,offset in words,",
            "x,10,colour,red,no such field,",
            "x,10,value,2630亿元,not in base units,",
            "x,10,period_end,2022-13-01,no such month,",
            "x,10,unit,yuan,not a unit code,",
            "x,10,value,1,,",
            "x,10,zone,beilun,a near miss of zone_code,",
        ],
    )
    assert dbt(db, project, "build", "--select", "+int_corrections").returncode != 0
    problems = [p for (p,) in q(db, "select problem from intermediate.int_corrections order by line")]
    assert problems == [
        'char_start "ten" is no whole number (the offset of the figure\'s text)',
        'unknown field "colour": one of indicator_code, zone_code, measure, unit, qualifier, value, period_start, period_end, drop',
        'value "2630亿元" is no number (write it in base units: 2630亿元 is 263000000000)',
        'period_end "2022-13-01" is no date (YYYY-MM-DD)',
        'unknown unit "yuan" (not a code of units.csv)',
        "reason is empty: say why the figure is corrected",
        'unknown field "zone": one of indicator_code, zone_code, measure, unit, qualifier, value, period_start, period_end, drop',
    ]
