"""Whole corpora: one random stream per article, files written by one process or several."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from beilun_etl.paths import DICTIONARY_DIR
from beilun_etl.synth.bulletin import BulletinWriter
from beilun_etl.synth.dictionaries import Indicator, Zone, load_dictionaries
from beilun_etl.synth.feature import FeatureWriter
from beilun_etl.synth.multizone import MultizoneWriter
from beilun_etl.synth.quarterly import QuarterlyWriter
from beilun_etl.synth.writer import ArticleWriter

# The styles in the order an article's first random draw picks from (changing it changes every corpus).
_WRITERS: dict[str, type[ArticleWriter]] = {
    "bulletin": BulletinWriter,
    "quarterly": QuarterlyWriter,
    "feature": FeatureWriter,
    "multizone": MultizoneWriter,
}
STYLES = tuple(_WRITERS)

# Articles per worker task when a corpus is written by several processes.
_CHUNK = 250

_JSON = json.JSONEncoder(ensure_ascii=False)


def generate_corpus(
    count: int, out_dir: Path, seed: int = 0, dictionary_dir: Path | None = None, workers: int | None = None
) -> None:
    """Write `count` articles to `out_dir/articles` (some with a `.meta.json` sidecar) and their gold
    records to `out_dir/gold`; the same arguments always give the same bytes.

    Each article draws from its own random stream (seeded by `seed` and its index), so a corpus of N
    articles is the prefix of a corpus of N+1, and large corpora are written by several processes (one
    per CPU unless `workers` says otherwise) without changing a byte.
    """
    out = Path(out_dir)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    dictionaries = dictionary_dir or DICTIONARY_DIR
    if workers is None:
        workers = min(os.cpu_count() or 1, count // _CHUNK)
    tasks = [(start, min(count, start + _CHUNK), seed, out, dictionaries) for start in range(0, count, _CHUNK)]
    if workers <= 1:
        for task in tasks:
            _write_articles(task)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        for _ in pool.map(_write_articles, tasks):
            pass


def _write_articles(task: tuple[int, int, int, Path, Path]) -> None:
    """Write the articles with indices start..stop-1 (one worker's share of a corpus)."""
    start, stop, seed, out, dictionary_dir = task
    zones, indicators = load_dictionaries(dictionary_dir)
    articles_dir, gold_dir = out / "articles", out / "gold"
    for index in range(start, stop):
        name, text, meta, records = generate_article(index, seed, zones, indicators)
        (articles_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        if meta is not None:
            (articles_dir / f"{name}.meta.json").write_text(_JSON.encode(meta) + "\n", encoding="utf-8")
        (gold_dir / f"{name}.jsonl").write_text("\n".join(map(_JSON.encode, records)) + "\n", encoding="utf-8")


def generate_article(
    index: int, seed: int, zones: dict[str, Zone], indicators: dict[str, Indicator]
) -> tuple[str, str, dict[str, str] | None, list[dict[str, object]]]:
    """One article: its name, text, sidecar metadata (or None) and gold records."""
    rng = random.Random(seed * 1_000_003 + index)
    style = STYLES[rng.randrange(len(STYLES))]
    writer = _WRITERS[style](rng, zones, indicators)
    writer.write()
    name = f"{index:06d}_{style}_{rng.getrandbits(32):08x}"
    text, records = writer.render()
    return name, text, writer.meta, records
