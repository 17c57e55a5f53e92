"""Dagster resources: where the articles and the warehouse are, configured by environment variables.

Defaults work out of the box from the project root: articles in `seeds/`, the published warehouse
in `data/warehouse.duckdb`, the build copy beside it in `data/.build/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, EnvVar
from pydantic import Field

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES_DIR = PROJECT_ROOT / "seeds"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
DICTIONARY_DIR = DBT_PROJECT_DIR / "seeds"

# Files readable by DuckDB 1.x clients (many BI drivers bundle one); only applies when a file is created.
STORAGE_COMPATIBILITY = "v1.4.0"


def env_or_default(name: str, default: Path | str) -> str:
    return os.environ.get(name) or str(default)


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a warehouse file; a new file is created in the DuckDB 1.x-compatible storage format."""
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})


class WarehouseResource(ConfigurableResource):
    """The published DuckDB warehouse and the build copy a run writes before publishing it."""

    path: str = Field(description="The published warehouse file BI tools open (BEILUN_WAREHOUSE).")
    articles_dir: str = Field(description="The article drop folder (BEILUN_ARTICLES_DIR).")
    max_article_bytes: int = Field(
        default=5 * 1024 * 1024, description="Larger article files are quarantined (BEILUN_MAX_ARTICLE_BYTES)."
    )

    @property
    def published_path(self) -> Path:
        return Path(self.path).resolve()

    @property
    def build_path(self) -> Path:
        """The file dbt and the checks work on; published by an atomic rename when the checks pass."""
        return self.published_path.parent / ".build" / self.published_path.name

    @property
    def articles_path(self) -> Path:
        return Path(self.articles_dir).resolve()

    def connect_build(self, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        return connect(self.build_path, read_only=read_only)


def warehouse_resource_from_env() -> WarehouseResource:
    """The resource as configured by the environment, with defaults relative to the project root."""
    return WarehouseResource(
        path=EnvVar("BEILUN_WAREHOUSE") if "BEILUN_WAREHOUSE" in os.environ else str(DEFAULT_WAREHOUSE),
        articles_dir=(
            EnvVar("BEILUN_ARTICLES_DIR") if "BEILUN_ARTICLES_DIR" in os.environ else str(DEFAULT_ARTICLES_DIR)
        ),
        max_article_bytes=int(os.environ.get("BEILUN_MAX_ARTICLE_BYTES", 5 * 1024 * 1024)),
    )
