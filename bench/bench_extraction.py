"""Extraction throughput: articles/s and MB/s, one process and a Pool over all cores.

    .venv/bin/python bench/bench_extraction.py [--repeat N]

The seed articles and the test articles in other styles are repeated N times; the text is cleaned
once (as the pipeline stores it) and only extraction is timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from beilun_etl.extraction import clean_text, extract_figures, infer_publication_year  # noqa: E402

SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "styles"]


def load_articles() -> list[tuple[str, str, dt.date]]:
    seen: set[str] = set()
    articles = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
            if path.name in seen:
                continue
            seen.add(path.name)
            text = clean_text(path.read_text(encoding="utf-8"))
            year = infer_publication_year(text) or 2024
            articles.append((path.stem, text, dt.date(year, 12, 31)))
    return articles


def _extract(article: tuple[str, str, dt.date]) -> int:
    article_id, text, published = article
    return len(extract_figures(article_id, text, published))


def _warm(_: int) -> None:
    _extract(("warm", "北仑区地区生产总值100亿元，增长5%。", dt.date(2024, 12, 31)))


def run(repeat: int) -> list[tuple[str, int, float, float, float, int]]:
    articles = load_articles() * repeat
    megabytes = sum(len(text.encode("utf-8")) for _, text, _ in articles) / 1e6
    rows = []
    _warm(0)
    start, cpu = time.perf_counter(), time.process_time()
    figures = sum(_extract(a) for a in articles)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    rows.append(("1 process", len(articles), elapsed, len(articles) / elapsed, megabytes / elapsed, figures))
    # CPU time does not depend on what else the machine is running
    rows.append(("1 proc (CPU)", len(articles), cpu, len(articles) / cpu, megabytes / cpu, figures))
    cores = os.cpu_count() or 1
    with mp.Pool(cores) as pool:
        pool.map(_warm, range(cores))
        start = time.perf_counter()
        figures = sum(pool.map(_extract, articles, chunksize=max(1, len(articles) // (cores * 8))))
        elapsed = time.perf_counter() - start
    rows.append((f"Pool({cores})", len(articles), elapsed, len(articles) / elapsed, megabytes / elapsed, figures))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="how often the article set is repeated")
    args = parser.parse_args()
    rows = run(args.repeat)
    print(f"{'mode':13} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'MB/s':>7} {'figures':>8}")
    for mode, n, seconds, per_second, mb_per_second, figures in rows:
        print(f"{mode:13} {n:9d} {seconds:8.2f} {per_second:11.1f} {mb_per_second:7.2f} {figures:8d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
