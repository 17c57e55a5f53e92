"""`beilun-etl`: refresh the warehouse, extract or evaluate figures, generate synthetic articles.

`refresh` runs the very job the Dagster UI launches, in-process, and records the run in the
Dagster instance (DAGSTER_HOME) when there is one, so CLI runs show in the UI's history too.
When the published warehouse already holds exactly the folder's articles, built by this code, it
says so and starts no run (`--force` runs the job anyway).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from beilun_etl.cli.run_summary import RefreshSummary


def run() -> None:
    """The `beilun-etl` script: `main` in a process that ends when it returns."""
    from beilun_etl.runtime.gc_settings import collect_less_often, end_process

    collect_less_often()
    end_process(main())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="beilun-etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    refresh = commands.add_parser("refresh", help="full refresh of the warehouse from the articles folder")
    refresh.add_argument("--articles", type=Path, help="articles folder (default: BEILUN_ARTICLES_DIR or seeds/)")
    refresh.add_argument("--warehouse", type=Path, help="published warehouse (default: BEILUN_WAREHOUSE or data/)")
    refresh.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    refresh.add_argument("--log-level", default="INFO", help="the run's console log level (default INFO)")
    refresh.add_argument("--force", action="store_true", help="rebuild everything even when nothing changed: re-extract every article, dbt build --full-refresh, validate every row")

    extract = commands.add_parser("extract", help="print the figure records of articles as JSON Lines")
    extract.add_argument("files", nargs="+", type=Path)
    extract.add_argument("--published", type=dt.date.fromisoformat, help="publication date (YYYY-MM-DD)")

    evaluate = commands.add_parser("evaluate", help="score the extraction against gold records")
    evaluate.add_argument("gold_dir", type=Path)
    evaluate.add_argument("articles", nargs="+", type=Path)
    evaluate.add_argument("--verbose", action="store_true", help="list misses and extras")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")

    synth = commands.add_parser("synth", help="generate synthetic articles with their gold records")
    synth.add_argument("--count", type=int, required=True)
    synth.add_argument("--out", type=Path, required=True)
    synth.add_argument("--seed", type=int, default=0)

    args = parser.parse_args(argv)
    if args.command == "refresh":
        return run_refresh(args.articles, args.warehouse, args.json, args.log_level, args.force)
    if args.command == "extract":
        return run_extract(args.files, args.published)
    if args.command == "evaluate":
        from beilun_etl.extraction.evaluation import run_evaluate

        return run_evaluate(args.gold_dir, args.articles, args.verbose, as_json=args.json)
    from beilun_etl.synth import generate_corpus

    generate_corpus(args.count, args.out, seed=args.seed)
    print(f"wrote {args.count} articles with gold records to {args.out}")
    return 0


def run_extract(files: list[Path], published: dt.date | None) -> int:
    from beilun_etl.extraction import extract_figures
    from beilun_etl.pipeline.articles import ArticleRejected, load_article

    status = 0
    for path in files:
        try:
            article = load_article(path, published=published)
        except ArticleRejected as rejection:
            print(f"{path}: {rejection.reason}: {rejection.detail}", file=sys.stderr)
            status = 1
            continue
        for record in extract_figures(article.article_id, article.text, article.published, article.published_inferred):
            print(json.dumps(record, ensure_ascii=False))
    return status


def run_refresh(
    articles: Path | None, warehouse: Path | None, as_json: bool, log_level: str = "INFO", force: bool = False
) -> int:
    # The definitions read their configuration from the environment: set it before loading them.
    if articles is not None:
        os.environ["BEILUN_ARTICLES_DIR"] = str(articles.resolve())
    if warehouse is not None:
        os.environ["BEILUN_WAREHOUSE"] = str(warehouse.resolve())
    summary = None if force else _already_current()
    if summary is None:
        from beilun_etl.cli.refresh import refresh_in_process

        summary = refresh_in_process(log_level=log_level.upper(), force=force)
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print(summary.as_text())
    return 0 if summary.published else 1


def _already_current() -> RefreshSummary | None:
    """The summary of a refresh with nothing to do, when the published warehouse is current; else None."""
    from beilun_etl.cli.run_summary import RefreshSummary
    from beilun_etl.paths import configured_articles_dir, configured_max_article_bytes, configured_warehouse
    from beilun_etl.pipeline.freshness import published_matches_folder

    published = configured_warehouse()
    current = published_matches_folder(configured_articles_dir(), published, configured_max_article_bytes())
    if current is None:
        return None
    articles, figures = current
    return RefreshSummary(
        warehouse=str(published),
        published=True,
        up_to_date=True,
        articles={"articles_unchanged": articles},
        figures=figures,
    )


if __name__ == "__main__":
    sys.exit(main())
