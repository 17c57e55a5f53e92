"""Where things are, by default relative to the project root, else as the environment says.

Standard library only: the extractor and the CLI's quick freshness check import it without Dagster.
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES_DIR = PROJECT_ROOT / "seeds"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
DICTIONARY_DIR = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def configured_articles_dir() -> Path:
    """The articles folder as the environment configures it (BEILUN_ARTICLES_DIR), default `seeds/`."""
    return Path(os.environ.get("BEILUN_ARTICLES_DIR") or DEFAULT_ARTICLES_DIR).resolve()


def configured_warehouse() -> Path:
    """The published warehouse as the environment configures it (BEILUN_WAREHOUSE), default `data/`."""
    return Path(os.environ.get("BEILUN_WAREHOUSE") or DEFAULT_WAREHOUSE).resolve()


def configured_max_article_bytes() -> int:
    """Larger article files are quarantined (BEILUN_MAX_ARTICLE_BYTES)."""
    return int(os.environ.get("BEILUN_MAX_ARTICLE_BYTES") or DEFAULT_MAX_ARTICLE_BYTES)


def configured_expectations_dir() -> Path:
    """The expectation suites folder (BEILUN_EXPECTATIONS_DIR), default `expectations/`."""
    return Path(os.environ.get("BEILUN_EXPECTATIONS_DIR") or EXPECTATIONS_DIR)
