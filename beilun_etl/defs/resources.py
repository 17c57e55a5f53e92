"""Dagster resources: where the articles and the warehouse are, configured by environment variables.

Defaults work out of the box from the project root: articles in `seeds/`, the published warehouse
in `data/warehouse.duckdb`, the build copy beside it in `data/.build/`.

The warehouse resource is where a run begins and ends as a writer: it holds the writer lock for
the whole run, marks runs whose process died as failed once it has the lock (they can no longer
hold it), and at the end discards a build copy that was not published, saying so in the log and
in the run's `beilun/published` tag.
"""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path

import duckdb
from dagster import (
    AssetKey,
    ConfigurableResource,
    DagsterInstance,
    DagsterRunStatus,
    Definitions,
    InitResourceContext,
    RunsFilter,
)
from pydantic import Field, PrivateAttr

from beilun_etl.paths import (
    DEFAULT_MAX_ARTICLE_BYTES,
    configured_articles_dir,
    configured_max_article_bytes,
    configured_warehouse,
)
from beilun_etl.pipeline.run_liveness import is_alive, is_own, process_token, remove_dead_tokens
from beilun_etl.pipeline.warehouse_files import connect_build_copy, discard_build, ensure_build, writer_lock

WORKER_TAG = "beilun/worker"  # the run's process token (beilun_etl/pipeline/run_liveness.py)
PUBLISHED_TAG = "beilun/published"  # true | false, set when the run ends
PUBLISHED_KEY = AssetKey("published_warehouse")


def run_includes(context, *keys: AssetKey) -> bool:
    """Does this run materialize one of these assets? A run of the whole job has an empty (or no)
    asset selection; a subset ("Materialize" on some assets) lists the assets it runs."""
    selection = context.run.asset_selection
    return not selection or any(key in selection for key in keys)


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
        """Hold the writer lock for the whole run: runs that write the warehouse never interleave.

        Before waiting for the lock, the run is tagged with this process's liveness token; once it
        has the lock, earlier runs still STARTED whose process is gone are marked failed.
        """
        instance, run = context.instance, context.run
        runs_dir = _runs_dir(instance)
        if instance is not None and run is not None:
            instance.add_run_tags(run.run_id, {WORKER_TAG: str(process_token(runs_dir))})
        self._held_lock = ExitStack()
        self._held_lock.enter_context(writer_lock(self.published_path))
        if instance is not None and run is not None:
            for message in fail_dead_runs(instance, run.run_id):
                context.log.warning(message)
            remove_dead_tokens(runs_dir)

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        try:
            self._end_run(context)
        finally:
            if self._held_lock is not None:
                self._held_lock.close()
                self._held_lock = None

    def _end_run(self, context: InitResourceContext) -> None:
        """Discard a build copy that was not published and record whether the run published."""
        instance, run = context.instance, context.run
        run_id = run.run_id if run is not None else None
        published = run_id is not None and self._last_publication() == run_id
        if discard_build(self.build_path):
            context.log.warning(
                "this run did NOT publish: it stopped before publishing (a blocking check failed, a step failed, "
                "or the selection left out published_warehouse); its build copy was discarded and "
                f"{self.published_path} is unchanged"
            )
        if instance is None or run_id is None:
            return
        instance.add_run_tags(run_id, {PUBLISHED_TAG: "true" if published else "false"})

    def _last_publication(self) -> str | None:
        if not self.published_path.exists():
            return None
        try:
            with duckdb.connect(str(self.published_path), read_only=True) as con:
                rows = con.execute("SELECT run_id FROM raw.publications ORDER BY published_at DESC LIMIT 1").fetchall()
        except duckdb.Error:
            return None
        return rows[0][0] if rows else None

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


def _runs_dir(instance: DagsterInstance | None) -> Path:
    """Where the liveness tokens are (beilun_etl/pipeline/run_liveness.py): in DAGSTER_HOME, which every
    process of the instance shares (CLI, daemon, UI); the temp folder for a throwaway instance."""
    root = getattr(instance, "root_directory", None) if instance is not None else None
    return Path(root or tempfile.gettempdir()) / "beilun_runs"


def fail_dead_runs(instance: DagsterInstance, own_run_id: str) -> list[str]:
    """Mark failed the STARTED runs of the pipeline whose process is gone; one sentence for each.

    Called with the writer lock held. Only runs tagged with a liveness token are judged: a run
    without one never reached its first step, and Dagster's run monitoring (dagster.yaml) ends it.
    """
    messages = []
    for run in instance.get_runs(filters=RunsFilter(statuses=[DagsterRunStatus.STARTED])):
        token = run.tags.get(WORKER_TAG)
        if run.run_id == own_run_id or token is None or is_own(Path(token)) or is_alive(Path(token)):
            continue
        message = (
            f"run {run.run_id} was still STARTED but its process is gone (killed, or its machine restarted): "
            f"marked failed by run {own_run_id}, which holds the writer lock now. The published warehouse is as "
            "the last successful run left it."
        )
        instance.report_run_failed(run, message)
        messages.append(message)
    return messages


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
