"""`beilun-etl`: refresh the warehouse, extract or evaluate figures, generate synthetic articles.

`refresh` runs the very job the Dagster UI launches, in-process, and records the run in the
Dagster instance (DAGSTER_HOME) when there is one, so CLI runs show in the UI's history too.
When the published warehouse already holds exactly the folder's articles, built by this code, it
says so and starts no run (`--force` runs the job anyway). Its report is the only thing on stdout
(`--json`: one JSON object); Dagster's and dbt's logs go to a log file it names (`--verbose`: to stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import traceback
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
    refresh.add_argument("--json", action="store_true", help="print the summary as one JSON object (and nothing else)")
    refresh.add_argument(
        "--verbose", action="store_true", help="Dagster's and dbt's full logs on stderr instead of the log file"
    )
    refresh.add_argument("--log-level", default="INFO", help="the level of Dagster's log lines (default INFO)")
    refresh.add_argument(
        "--force",
        action="store_true",
        help="rebuild everything even when nothing changed: re-extract every article, dbt build --full-refresh, validate every row",
    )

    extract = commands.add_parser(
        "extract",
        help="print the figure records of articles as JSON Lines",
        description="Print the figure records of articles as JSON Lines (docs/FACTS.md). The publication date "
        'of NAME.txt is read from its sidecar NAME.meta.json ({"published": "YYYY-MM-DD"}) when there is '
        "one, else from a dateline or the years in the text (marked inferred); --published overrides both. "
        "A NAME.meta.json given as an article (as `dir/*` does) is skipped with a note.",
    )
    extract.add_argument(
        "files", nargs="+", type=Path, help="article files (NAME.txt; NAME.meta.json beside it is read)"
    )
    extract.add_argument(
        "--published",
        type=dt.date.fromisoformat,
        help="publication date (YYYY-MM-DD) of every file, overriding NAME.meta.json and the text",
    )

    evaluate = commands.add_parser(
        "evaluate",
        help="score the extraction against gold records",
        description="Score the extraction of articles against their gold records (GOLD_DIR/NAME.jsonl): recall, "
        "precision and each attribute, per article, per style and overall. The style is the `style` of "
        "NAME.meta.json, else of the article's row (`id`, `style`) in a SOURCES.tsv, SOURCES.*.tsv or pages*.tsv "
        "beside the gold or the articles. Exits 2 when nothing can be scored.",
    )
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
        return run_refresh(args.articles, args.warehouse, args.json, args.log_level, args.force, args.verbose)
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
    from beilun_etl.extraction import extract_article
    from beilun_etl.pipeline.article_files import META_SUFFIX
    from beilun_etl.pipeline.articles import ArticleRejected, load_article

    articles = []
    for path in files:
        if path.name.endswith(META_SUFFIX):
            print(
                f"note: {path}: a sidecar (NAME{META_SUFFIX}), read with its article, not one: skipped", file=sys.stderr
            )
        elif path.is_dir():
            print(f"beilun-etl extract: {path} is a folder: give its articles, e.g. {path}/*.txt", file=sys.stderr)
            return 2
        else:
            articles.append(path)
    if not articles:
        print("beilun-etl extract: no article given (only sidecars)", file=sys.stderr)
        return 2
    status = 0
    for path in articles:
        try:
            article = load_article(path, published=published)
        except ArticleRejected as rejection:
            print(f"{path}: {rejection.reason}: {rejection.detail}", file=sys.stderr)
            status = 1
            continue
        for record in extract_article(article):
            print(json.dumps(record, ensure_ascii=False))
    return status


def run_refresh(
    articles: Path | None,
    warehouse: Path | None,
    as_json: bool,
    log_level: str = "INFO",
    force: bool = False,
    verbose: bool = False,
) -> int:
    started = time.perf_counter()
    # The definitions read their configuration from the environment: set it before loading them.
    if articles is not None:
        os.environ["BEILUN_ARTICLES_DIR"] = str(articles.resolve())
    if warehouse is not None:
        os.environ["BEILUN_WAREHOUSE"] = str(warehouse.resolve())
    summary = None if force else _already_current()
    if summary is None:
        from beilun_etl.cli.output import logs_away_from_stdout, new_log_file
        from beilun_etl.paths import configured_warehouse

        log_file = None if verbose else new_log_file(configured_warehouse())
        failure: Exception | None = None
        with logs_away_from_stdout(log_file) as terminal:
            try:
                # Dagster and dbt are imported here, so that even their import-time warnings are logged.
                from beilun_etl.cli.progress import RunProgress
                from beilun_etl.cli.refresh import refresh_in_process

                with RunProgress(terminal) as progress:
                    summary = refresh_in_process(log_level=log_level.upper(), listener=progress, force=force)
            except Exception as error:  # a run that could not start (a failed step is in the summary)
                traceback.print_exc()  # into the log file, or onto stderr with --verbose
                failure = error
        if failure is not None:
            where = f" (traceback in {log_file})" if log_file else ""
            print(f"beilun-etl refresh: {type(failure).__name__}: {failure}{where}", file=sys.stderr)
            return 1
        summary.log_file = str(log_file) if log_file else None
    summary.seconds = round(time.perf_counter() - started, 2)
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
