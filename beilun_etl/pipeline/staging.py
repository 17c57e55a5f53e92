"""Staging figures: extract the article versions the cache lacks and load them into `raw.figures`.

The cache key is the article version's content hash together with the extractor's fingerprint
(its version and the dictionaries), so an unchanged article is never extracted twice while a new
rule or a new alias re-extracts everything once.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import deque
from dataclasses import dataclass
from functools import partial

import duckdb
import pandas as pd

from beilun_etl.extraction import extract_article, extractor_fingerprint, trace_json
from beilun_etl.pipeline.parallel import process_mapper

# Versions extracted and stored together: bounds the memory a run needs, whatever its size.
BATCH_SIZE = 500
# Versions done of all pending, after each batch, for whoever listens (the CLI draws a progress bar).
PROGRESS = logging.getLogger("beilun_etl.progress")

FIGURE_COLUMNS = [
    "article_id", "content_hash", "figure_seq", "text", "sentence", "char_start", "char_end", "indicator",
    "indicator_code", "zone", "measure", "value", "unit", "qualifier", "period_start", "period_end",
    "period_inferred", "classifier", "share_of", "part_of", "part_of_seq", "confidence", "extractor_version",
    "trace",
]  # fmt: skip


@dataclass(frozen=True)
class PendingVersion:
    article_id: str
    content_hash: str
    text: str
    published: dt.date
    published_inferred: bool
    title: str | None
    url: str | None


def pending_versions(con: duckdb.DuckDBPyConnection, fingerprint: str, force: bool = False) -> list[PendingVersion]:
    """Current article versions with no extraction by this extractor yet (all of them when `force`)."""
    rows = con.execute(
        """
        SELECT v.article_id, v.content_hash, v.cleaned_text, v.published, v.published_inferred, v.title, v.url
        FROM raw.article_versions AS v
        LEFT JOIN raw.extractions AS e
            ON e.content_hash = v.content_hash AND e.extractor_version = ?
        WHERE v.status = 'current' AND (e.content_hash IS NULL OR ?)
        ORDER BY v.article_id
        """,
        [fingerprint, force],
    ).fetchall()
    return [PendingVersion(*row) for row in rows]


def _extract_rows(version: PendingVersion, fingerprint: str) -> list[tuple]:
    """The version's figures as rows of raw.figures, built where they are extracted (in a worker).

    Tuples in FIGURE_COLUMNS order cost the parent process, which receives and stores every row,
    less than half what records as dicts did: it is the one process that cannot be parallelised.
    """
    records = extract_article(version)
    fixed = {"article_id": version.article_id, "content_hash": version.content_hash, "extractor_version": fingerprint}
    rows = []
    for seq, record in enumerate(records):
        values = {**record, **fixed, "figure_seq": seq, "trace": trace_json(record["trace"])}
        rows.append(tuple(values.get(column) for column in FIGURE_COLUMNS))
    return rows


def store_figures(
    con: duckdb.DuckDBPyConnection,
    versions: list[PendingVersion],
    rows: list[list[tuple]],
    fingerprint: str,
    now: dt.datetime,
) -> int:
    """Replace the figures (rows per version) of these versions in one transaction; returns how many."""
    hashes = [v.content_hash for v in versions]
    frame = pd.DataFrame([row for version_rows in rows for row in version_rows], columns=FIGURE_COLUMNS)
    cache = pd.DataFrame(
        {
            "content_hash": hashes,
            "extractor_version": fingerprint,
            "figure_count": [len(version_rows) for version_rows in rows],
            "extracted_at": now,
        }
    )
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM raw.figures WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))", [hashes])
        con.execute("DELETE FROM raw.extractions WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))", [hashes])
        con.register("new_figures", frame)
        con.register("new_extractions", cache)
        con.execute("INSERT INTO raw.figures BY NAME SELECT * FROM new_figures")
        con.execute("INSERT INTO raw.extractions BY NAME SELECT * FROM new_extractions")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("new_figures")
        con.unregister("new_extractions")
    return len(frame)


@dataclass(frozen=True)
class StagingStats:
    versions_extracted: int
    figures_stored: int
    extract_seconds: float
    store_seconds: float


def stage_pending(
    con: duckdb.DuckDBPyConnection, now: dt.datetime, processes: int | None = None, force: bool = False
) -> StagingStats:
    """Extract and store every pending version, a batch at a time so memory stays flat at any size.

    `force` (a forced refresh) ignores the cache: every current version is extracted again.

    The pool extracts the next batches while this process stores the current one. `extract_seconds`
    is the time spent waiting for extractions; the timings feed the asset's metadata and the benchmark.
    """
    fingerprint = extractor_fingerprint()
    versions = pending_versions(con, fingerprint, force)
    batches = [versions[start : start + BATCH_SIZE] for start in range(0, len(versions), BATCH_SIZE)]
    extract_seconds = store_seconds = 0.0
    stored = 0
    PROGRESS.info("extracting figures", extra={"done": 0, "total": len(versions)})
    with process_mapper(partial(_extract_rows, fingerprint=fingerprint), len(versions), processes) as extract:
        # Two batches handed out ahead: the workers never wait for this process to store one.
        pending = deque(extract(batch) for batch in batches[:2])
        for number, batch in enumerate(batches):
            began = time.perf_counter()
            rows = list(pending.popleft())
            extracted = time.perf_counter()
            if number + 2 < len(batches):
                pending.append(extract(batches[number + 2]))
            stored += store_figures(con, batch, rows, fingerprint, now)
            extract_seconds += extracted - began
            store_seconds += time.perf_counter() - extracted
            PROGRESS.info(
                "extracting figures", extra={"done": number * BATCH_SIZE + len(batch), "total": len(versions)}
            )
    return StagingStats(len(versions), stored, extract_seconds, store_seconds)
