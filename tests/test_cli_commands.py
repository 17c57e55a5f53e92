"""The small commands as a user runs them (`beilun-etl extract`, `beilun-etl evaluate`): real processes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from beilun_etl.extraction.evaluation import evaluate
from tests.data_paths import SEED_GOLD_DIR, SEEDS_DIR, STYLES_DIR, STYLES_GOLD_DIR

CLI = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "beilun-etl"
SEED_ARTICLES = sorted(SEEDS_DIR.glob("*.txt"))


def beilun(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, timeout=300)


def test_extract_help_names_the_sidecar_and_the_override():
    proc = beilun("extract", "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())  # argparse wraps lines
    assert "NAME.meta.json" in text
    assert "--published overrides" in text


def test_extract_skips_a_sidecar_given_as_an_article(tmp_path):
    article = STYLES_DIR / "ftz_feature_2024.txt"
    sidecar = STYLES_DIR / "ftz_feature_2024.meta.json"
    proc = beilun("extract", sidecar, article)  # what `extract dir/ftz*` passes
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records and {r["article_id"] for r in records} == {"ftz_feature_2024"}
    assert f"{sidecar}: a sidecar" in proc.stderr and "skipped" in proc.stderr
    only_sidecar = beilun("extract", sidecar)
    assert only_sidecar.returncode != 0 and only_sidecar.stdout == ""
    assert "no article given" in only_sidecar.stderr


def test_extract_published_overrides_the_sidecar():
    article = STYLES_DIR / "ftz_feature_2024.txt"
    by_sidecar = beilun("extract", article)
    overridden = beilun("extract", "--published", "2030-06-30", article)
    assert by_sidecar.returncode == overridden.returncode == 0
    first = json.loads(by_sidecar.stdout.splitlines()[0])
    second = json.loads(overridden.stdout.splitlines()[0])
    # 今年1-9月 is of the publication year: the sidecar's (2024-11-05), then the one given
    assert first["text"] == second["text"] and first["period_end"] == "2024-09-30"
    assert second["period_end"] == "2030-09-30"


def test_evaluate_refuses_a_folder(tmp_path):
    proc = beilun("evaluate", SEED_GOLD_DIR, SEEDS_DIR)
    assert proc.returncode != 0
    assert f"{SEEDS_DIR} is a folder" in proc.stderr
    assert proc.stdout == ""  # no table of perfect scores for nothing


def test_evaluate_refuses_no_article_and_no_gold(tmp_path):
    no_article = subprocess.run([str(CLI), "evaluate", str(SEED_GOLD_DIR)], capture_output=True, text=True)
    assert no_article.returncode != 0 and "articles" in no_article.stderr  # argparse: the list is required
    sidecars_only = beilun("evaluate", STYLES_GOLD_DIR, *sorted(STYLES_DIR.glob("*.meta.json")))
    assert sidecars_only.returncode != 0 and "no article given" in sidecars_only.stderr
    no_gold = beilun("evaluate", STYLES_GOLD_DIR, *SEED_ARTICLES)  # the seeds' gold lives elsewhere
    assert no_gold.returncode != 0
    assert f"no gold records in {STYLES_GOLD_DIR}" in no_gold.stderr
    assert no_gold.stdout == ""
    missing_dir = beilun("evaluate", tmp_path / "nowhere", *SEED_ARTICLES)
    assert missing_dir.returncode != 0 and "does not exist" in missing_dir.stderr


def test_evaluate_notes_what_it_leaves_out():
    # A glob over a folder of articles and sidecars: the sidecars and the article without gold are noted.
    extra = STYLES_DIR / "ftz_feature_2024.txt"
    proc = beilun("evaluate", SEED_GOLD_DIR, *SEED_ARTICLES, STYLES_DIR / "ftz_feature_2024.meta.json", extra)
    assert proc.returncode == 0, proc.stderr
    assert "ftz_feature_2024.meta.json: a sidecar" in proc.stderr
    assert f"{extra}: no gold record" in proc.stderr
    assert {line.split()[0] for line in proc.stdout.splitlines()} >= {p.stem for p in SEED_ARTICLES}


def _styled_copy(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """Some styled test articles and their gold in the layout of tests/data/realworld_pages: a
    pages.x.tsv in the folder above `excerpts/` and `gold/`; one article names its style in its sidecar."""
    root = tmp_path / "pages"
    (root / "excerpts").mkdir(parents=True)
    shutil.copytree(STYLES_GOLD_DIR, root / "gold")
    styles = {
        "bulletin_beilun_2023": "bulletin",
        "gongbao_zhenhai_2022": "bulletin",
        "bulletin_tables_2024": "bulletin_table",
        "ftz_feature_2024": "feature",
        "port_weekly_2024": "news",
    }
    for name in styles:
        for path in STYLES_DIR.glob(f"{name}.*"):
            shutil.copy(path, root / "excerpts" / path.name)
    rows = ["id\turl\tstyle\tsplit", *(f"{n}\thttp://example.org/{n}\t{s}\tdev" for n, s in styles.items())]
    (root / "pages.x.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # The sidecar's own style wins over the table's.
    sidecar = root / "excerpts" / "ftz_feature_2024.meta.json"
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    sidecar.write_text(json.dumps({**meta, "style": "ftz_feature"}, ensure_ascii=False), encoding="utf-8")
    styles["ftz_feature_2024"] = "ftz_feature"
    return root / "gold", root / "excerpts", styles


def test_evaluate_scores_each_style(tmp_path):
    gold, excerpts, styles = _styled_copy(tmp_path)
    articles = sorted(excerpts.glob("*.txt"))
    report = evaluate(gold, articles)
    assert {a.article_id: a.style for a in report.articles} == styles
    by_style = report.by_style
    assert set(by_style) == set(styles.values())
    bulletins = [a for a in report.articles if a.style == "bulletin"]
    assert by_style["bulletin"].article_count == 2
    assert by_style["bulletin"].required == sum(a.required for a in bulletins) > 0
    assert by_style["bulletin"].required_matched == sum(a.required_matched for a in bulletins)
    assert sum(s.required for s in by_style.values()) == report.overall.required
    assert sum(s.predictions for s in by_style.values()) == report.overall.predictions

    proc = beilun("evaluate", "--json", gold, *articles)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert set(scores["by_style"]) == set(styles.values())
    for style, row in scores["by_style"].items():
        assert row["required"] == by_style[style].required
        assert row["recall"] == round(by_style[style].recall, 4)
        assert {"precision", "period_year_accuracy", "zone_accuracy", "indicator_code_accuracy"} <= set(row)
    assert {a["article_id"]: a["style"] for a in scores["articles"]} == styles

    text = beilun("evaluate", gold, *articles)
    assert text.returncode == 0
    style_rows = text.stdout.split("style (articles)", 1)[1].splitlines()
    assert any(line.startswith("bulletin (2) ") for line in style_rows)
    assert any(line.startswith("ftz_feature (1) ") for line in style_rows)


def test_evaluate_reads_sources_tables_beside_the_gold(tmp_path):
    # tests/data/realworld's layout: SOURCES.<x>.tsv in the folder of the articles, gold/ inside it.
    root = tmp_path / "realworld"
    (root / "gold").mkdir(parents=True)
    for path in SEED_ARTICLES:
        shutil.copy(path, root / path.name)
        shutil.copy(SEED_GOLD_DIR / f"{path.stem}.jsonl", root / "gold" / f"{path.stem}.jsonl")
    first, second = (p.stem for p in SEED_ARTICLES)
    (root / "SOURCES.a.tsv").write_text(f"id\tstyle\n{first}\tnews\n", encoding="utf-8")
    (root / "SOURCES.b.tsv").write_text(f"style\tid\nfeature\t{second}\n", encoding="utf-8")
    report = evaluate(root / "gold", sorted(root.glob("*.txt")))
    assert {a.article_id: a.style for a in report.articles} == {first: "news", second: "feature"}
    # Without any table, one group: the report still adds up, and the text shows no style table.
    plain = beilun("evaluate", SEED_GOLD_DIR, *SEED_ARTICLES)
    assert plain.returncode == 0 and "style (articles)" not in plain.stdout


def test_an_article_the_pipeline_rejects_is_scored_with_no_figures(tmp_path):
    (tmp_path / "gold").mkdir()
    article = tmp_path / "undated.txt"
    article.write_text("全区实现地区生产总值2985.6亿元，同比增长6.3%。\n", encoding="utf-8")  # no year: undated
    gold = {"text": "2985.6亿元", "measure": "level", "value": 298560000000, "unit": "CNY", "zone": "beilun"}
    (tmp_path / "gold" / "undated.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    proc = beilun("evaluate", "--json", tmp_path / "gold", article)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)["articles"][0]
    assert (row["required"], row["required_matched"], row["predictions"]) == (1, 0, 0)
    assert row["rejected"].startswith("undated")
    assert "undated: the pipeline would quarantine it" in proc.stderr


def test_the_realworld_articles_take_their_styles_from_their_sources_table():
    folder = STYLES_DIR.parent / "realworld"
    table = {}
    for sources in sorted(folder.glob("SOURCES*.tsv")):
        rows = [line.split("\t") for line in sources.read_text(encoding="utf-8").splitlines()]
        header = rows[0]
        table |= {row[header.index("id")]: row[header.index("style")] for row in rows[1:] if row}
    if not table:
        pytest.skip("no tests/data/realworld/SOURCES*.tsv in this checkout")
    articles = [p for p in sorted(folder.glob("*.txt")) if (folder / "gold" / f"{p.stem}.jsonl").exists()]
    report = evaluate(folder / "gold", articles)
    assert len(report.articles) == len(articles) > 0
    assert {a.article_id: a.style for a in report.articles} == {p.stem: table[p.stem] for p in articles}
    assert sum(s.required for s in report.by_style.values()) == report.overall.required
