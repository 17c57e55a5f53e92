"""Dagster resources: where the articles and the warehouse are, configured by environment variables.

Defaults work out of the box from the project root: articles in `seeds/`, the published warehouse
in `data/warehouse.duckdb`, the build copy beside it in `data/.build/`.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, Definitions, InitResourceContext
from pydantic import Field, PrivateAttr

from beilun_etl.paths import (
    DEFAULT_MAX_ARTICLE_BYTES,
    configured_articles_dir,
    configured_max_article_bytes,
    configured_warehouse,
)
from beilun_etl.pipeline.warehouse_files import connect_build_copy, ensure_build, writer_lock


class WarehouseResource(ConfigurableResource):
    """The published DuckDB warehouse and the build copy a run writes before publishing it."""

    path: str = Field(description="The published warehouse file BI tools open (BEILUN_WAREHOUSE).")
    articles_dir: str = Field(description="The article drop folder (BEILUN_ARTICLES_DIR).")
    max_article_bytes: int = Field(
        default=DEFAULT_MAX_ARTICLE_BYTES,
        description="Larger article files are quarantined (BEILUN_MAX_ARTICLE_BYTES).",
    )

    _held_lock: ExitStack | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        """Hold the writer lock for the whole run: runs that write the warehouse never interleave."""
        self._held_lock = ExitStack()
        self._held_lock.enter_context(writer_lock(self.published_path))

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        """A build copy still here at the end of the run was not published (a failure, a subset): remove it.

        Nothing but the published warehouse may look "materialized"; the failure's findings are in
        the checks' metadata and the run log.
        """
        for path in (self.build_path, self.build_path.with_name(self.build_path.name + ".wal")):
            path.unlink(missing_ok=True)
        if self._held_lock is not None:
            self._held_lock.close()
            self._held_lock = None

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
        """Connect to the build copy, starting one from the published warehouse when there is none."""
        ensure_build(self.published_path, self.build_path)
        return connect_build_copy(self.build_path, read_only=read_only)


def warehouse_resource_from_env() -> WarehouseResource:
    """The resource as the environment configures it, read when the code location loads."""
    return WarehouseResource(
        path=str(configured_warehouse()),
        articles_dir=str(configured_articles_dir()),
        max_article_bytes=configured_max_article_bytes(),
    )


def _resources() -> Definitions:
    from beilun_etl.defs.transform.project import dbt_cli_resource

    return Definitions(resources={"warehouse": warehouse_resource_from_env(), "dbt": dbt_cli_resource()})


resources = _resources()
