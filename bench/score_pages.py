"""Score the extractor on the real public pages' own text and write tests/data/realworld_pages/SCORES.tsv.

The excerpts are not in git (tests/data/realworld_pages/excerpts/, fetched again from pages.tsv's URL
and cut, checked by its sha256); without them this script says so and writes nothing (a page or two the
stored copy no longer serves are left out, and the table says which). Each excerpt's
sidecar (its URL and publication date) is written from pages.tsv. The table it
writes is what docs/extraction.md shows as the measure of real-world quality:

    .venv/bin/python bench/score_pages.py && .venv/bin/python -m beilun_etl.extraction.rule_docs > docs/extraction.md
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from beilun_etl.extraction import EXTRACTOR_VERSION
from beilun_etl.extraction.evaluation import evaluate

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "realworld_pages"
SCORES = PAGES / "SCORES.tsv"
MAX_MISSING = 3  # more missing excerpts than this: the folder was not fetched, and nothing is written
COLUMNS = ("split", "style", "pages", "required", "recall", "precision", "period_year", "zone", "indicator_code")


def write_sidecars(pages: list[dict[str, str]]) -> None:
    """Each excerpt's sidecar, from pages.tsv: its URL (whose host and date the pipeline reads as a page's) and
    its publication date where the page states one, so the excerpt is read as the page was published."""
    for page in pages:
        meta = {"url": page["url"]}
        if page["published"] != "inferred":
            meta["published"] = page["published"]
        sidecar = PAGES / "excerpts" / f"{page['id']}.meta.json"
        sidecar.write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    with (PAGES / "pages.tsv").open(encoding="utf-8", newline="") as file:
        pages = list(csv.DictReader(file, delimiter="\t"))
    missing = [p["id"] for p in pages if not (PAGES / "excerpts" / f"{p['id']}.txt").exists()]
    if len(missing) > MAX_MISSING:
        print(
            f"score_pages: {len(missing)} excerpts missing ({', '.join(missing[:3])}…); nothing written",
            file=sys.stderr,
        )
        return 2
    if missing:  # a page the stored copy no longer serves: scored without it, and said so in the table
        print(f"score_pages: scored without {', '.join(missing)} (no excerpt)", file=sys.stderr)
    pages = [p for p in pages if p["id"] not in missing]
    write_sidecars(pages)
    rows = []
    for split in dict.fromkeys(p["split"] for p in pages):  # dev, holdout, fresh: in the order of pages.tsv
        paths = [PAGES / "excerpts" / f"{p['id']}.txt" for p in pages if p["split"] == split]
        report = evaluate(PAGES / "gold", paths)
        for style, score in [*sorted(report.by_style.items()), ("all", report.overall)]:
            rows.append(
                {
                    "split": split,
                    "style": style,
                    "pages": score.article_count,
                    "required": score.required,
                    "recall": f"{score.recall:.3f}",
                    "precision": f"{score.precision:.3f}",
                    **{a: f"{score.accuracy(a):.3f}" for a in ("period_year", "zone", "indicator_code")},
                }
            )
    with SCORES.open("w", encoding="utf-8", newline="") as file:
        without = f"; without {', '.join(missing)} (no excerpt)" if missing else ""
        file.write(f"# extractor {EXTRACTOR_VERSION}; written by bench/score_pages.py{without}\n")
        writer = csv.DictWriter(file, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"score_pages: {SCORES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
