"""Running the refresh job in-process and reading what happened from its events."""

from __future__ import annotations

import os

from dagster import AssetCheckSeverity, DagsterEventType, DagsterInstance, ExecuteInProcessResult

from beilun_etl.cli.run_summary import ARTICLE_COUNTS, RefreshSummary
from beilun_etl.defs.automation.jobs import REFRESH_JOB_NAME
from beilun_etl.defs.resources import WarehouseResource


def _instance() -> DagsterInstance:
    """The persistent instance when DAGSTER_HOME is set (runs show in the UI), else a throwaway one."""
    return DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()


def refresh_in_process(
    warehouse: WarehouseResource | None = None,
    only: list[str] | None = None,
    instance: DagsterInstance | None = None,
    log_level: str = "INFO",
    force: bool = False,
) -> RefreshSummary:
    """Run the refresh job in this process; `warehouse` overrides the environment's configuration.

    `force` sets the `refresh` resource as the launchpad does (`resources: {refresh: {config:
    {force: true}}}`): every article version re-extracted, dbt build --full-refresh, every row validated.
    """
    from beilun_etl.definitions import defs

    job = defs.resolve_job_def(REFRESH_JOB_NAME)
    warehouse = warehouse or defs.resources["warehouse"]
    run_config: dict = {"loggers": {"console": {"config": {"log_level": log_level}}}}
    if only:
        run_config["ops"] = {"articles": {"config": {"only": only}}}
    if force:
        run_config["resources"] = {"refresh": {"config": {"force": True}}}
    with instance or _instance() as active:
        result = job.execute_in_process(
            run_config=run_config, instance=active, raise_on_error=False, resources={"warehouse": warehouse}
        )
    return summarize(result, str(warehouse.published_path))


def _metadata_values(result: ExecuteInProcessResult, node: str) -> dict:
    """Metadata of the node's materialization, or of its observation when it stopped the run early."""
    events = result.asset_materializations_for_node(node) or [
        e.asset_observation_data.asset_observation
        for e in result.events_for_node(node)
        if e.event_type == DagsterEventType.ASSET_OBSERVATION
    ]
    return {key: value.value for key, value in events[-1].metadata.items()} if events else {}


def summarize(result: ExecuteInProcessResult, warehouse: str) -> RefreshSummary:
    summary = RefreshSummary(warehouse=warehouse, published=False, run_id=result.run_id)
    articles = _metadata_values(result, "articles")
    summary.articles = {key: int(articles.get(key, 0)) for key in ARTICLE_COUNTS}
    # A run with nothing new stops after `articles`, which then reports the current figure count.
    figures = _metadata_values(result, "figures")
    summary.figures = int(figures.get("figures", articles.get("figures_current", 0)))
    summary.figure_seconds = {
        part: float(figures[f"{part}_seconds"]) for part in ("extract", "store") if f"{part}_seconds" in figures
    }
    for evaluation in result.get_asset_check_evaluations():
        if evaluation.passed:
            summary.checks["passed"] += 1
        elif evaluation.severity == AssetCheckSeverity.WARN:
            summary.checks["warned"] += 1
        else:
            summary.checks["failed"] += 1
    summary.up_to_date = bool(articles.get("up_to_date")) and result.success
    summary.published = bool(result.asset_materializations_for_node("published_warehouse")) or summary.up_to_date
    for event in result.all_events:
        if event.event_type == DagsterEventType.STEP_SUCCESS:
            summary.step_seconds[event.step_key] = round(event.step_success_data.duration_ms / 1000, 3)
        if event.event_type == DagsterEventType.STEP_FAILURE:
            error = event.step_failure_data.error
            message = error.message.strip().splitlines()[0] if error else "unknown error"
            summary.failures.append(f"{event.step_key}: {message}")
    return summary
