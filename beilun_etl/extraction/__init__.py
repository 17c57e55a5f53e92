"""Figure extraction: Chinese articles on Beilun's economy → FACTS.md figure records.

Public API (plain functions, no Dagster):

    clean_text(raw) -> str                      the stored text; offsets point into it
    dateline_date(text) -> date | None          the day of a dateline under the title
    url_date(url) -> date | None                the day a page's URL files it under (…/2021/0913/…)
    infer_publication_year(text) -> int | None  the latest year reported as past or present
    extract_figures(article_id, text, published, published_inferred=False, title=None, url=None) -> list[dict]
                                                each with `trace`: the rules that decided it (rules.py)
    extract_article(article) -> list[dict]      the same, on an object with those fields
    trace_json(trace) -> str                    the trace as stored in raw.figures
    EXTRACTOR_VERSION, extractor_fingerprint()  the cache key of extracted figures
"""

from __future__ import annotations

import hashlib

from beilun_etl.extraction.cleaning import clean_text
from beilun_etl.extraction.dictionaries import dictionaries_hash, load_dictionaries
from beilun_etl.extraction.extract import extract_article, extract_figures
from beilun_etl.extraction.lexicon import lexicon_hash
from beilun_etl.extraction.publication import dateline_date, infer_publication_year, url_date
from beilun_etl.extraction.rules import trace_json

EXTRACTOR_VERSION = "1.65.1"  # 1.65: bracketed place lists, 貨櫃運輸量


def extractor_fingerprint() -> str:
    """EXTRACTOR_VERSION plus a hash of the dictionaries and the lexicon: figures are re-extracted when
    either changes."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}:{dictionaries_hash()}:{lexicon_hash()}".encode()).hexdigest()[:16]
    return f"{EXTRACTOR_VERSION}+{digest}"


__all__ = [
    "EXTRACTOR_VERSION",
    "clean_text",
    "dateline_date",
    "extract_article",
    "extract_figures",
    "extractor_fingerprint",
    "infer_publication_year",
    "load_dictionaries",
    "trace_json",
    "url_date",
]
