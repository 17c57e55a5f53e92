"""Running the refresh job in-process and reading what happened from its events."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable

from dagster import AssetCheckSeverity, DagsterEventType, DagsterInstance, EventLogEntry, ExecuteInProcessResult

from beilun_etl.cli.run_summary import ARTICLE_COUNTS, RefreshSummary
from beilun_etl.defs.automation.jobs import REFRESH_JOB_NAME
from beilun_etl.defs.resources import WarehouseResource


def _instance() -> DagsterInstance:
    """The persistent instance when DAGSTER_HOME is set (runs show in the UI), else a throwaway one."""
    return DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()


WAREHOUSE_FIELDS = ("path", "articles_dir", "max_article_bytes")


def refresh_in_process(
    warehouse: WarehouseResource | None = None,
    only: list[str] | None = None,
    instance: DagsterInstance | None = None,
    log_level: str = "INFO",
    listener: Callable[[EventLogEntry], None] | None = None,
    force: bool = False,
) -> RefreshSummary:
    """Run the refresh job in this process; `warehouse` overrides the environment's configuration.

    `listener` is called with each event of the run as it happens (the CLI's progress display).
    `force` sets the `refresh` resource as the launchpad does (`resources: {refresh: {config:
    {force: true}}}`): every article version re-extracted, dbt build --full-refresh, every row validated.
    """
    from beilun_etl.definitions import defs

    job = defs.resolve_job_def(REFRESH_JOB_NAME)
    warehouse = warehouse or defs.resources["warehouse"]
    # The warehouse goes in as the run's resource config, as the launchpad gives it: assets keep the
    # resources they are bound to, so an object passed to execute_in_process would not reach them all.
    resources: dict = {"warehouse": {"config": {name: getattr(warehouse, name) for name in WAREHOUSE_FIELDS}}}
    # dbt's own log lines go where the CLI's logs go: the log file, or stderr with --verbose
    resources["refresh"] = {"config": {"force": force or defs.resources["refresh"].force, "dbt_log": True}}
    run_config: dict = {"loggers": {"console": {"config": {"log_level": log_level}}}, "resources": resources}
    if only:
        run_config["ops"] = {"articles": {"config": {"only": only}}}
    run_id = str(uuid.uuid4())
    with instance or _instance() as active:
        if listener is not None:
            active.add_event_listener(run_id, listener)
        result = job.execute_in_process(
            run_config=run_config,
            instance=active,
            raise_on_error=False,
            run_id=run_id,
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


# The steps whose asset checks are dbt's tests and the Great Expectations suites.
DBT_STEP = "warehouse_models"
SUITES_STEP = "great_expectations_suites"


def _count(counts: dict[str, int], passed: bool, severity: AssetCheckSeverity) -> str:
    outcome = "passed" if passed else "warned" if severity == AssetCheckSeverity.WARN else "failed"
    counts[outcome] += 1
    return outcome


def _quarantined(markdown: str) -> list[str]:
    """The articles step's `quarantined` metadata (`- `file`: **reason**, detail` lines) as plain lines."""
    lines = [line.removeprefix("- ") for line in markdown.splitlines() if line.startswith("- ")]
    return [re.sub(r"[`*]", "", line) for line in lines]


def summarize(result: ExecuteInProcessResult, warehouse: str) -> RefreshSummary:
    summary = RefreshSummary(warehouse=warehouse, published=False, run_id=result.run_id)
    articles = _metadata_values(result, "articles")
    summary.articles = {key: int(articles.get(key, 0)) for key in ARTICLE_COUNTS}
    summary.quarantined = _quarantined(str(articles.get("quarantined", "")))
    # A run with nothing new stops after `articles`, which then reports the current figure count.
    figures = _metadata_values(result, "figures")
    summary.figures = int(figures.get("figures", articles.get("figures_current", 0)))
    summary.versions_extracted = int(figures.get("versions_extracted", 0))
    summary.figure_seconds = {
        part: float(figures[f"{part}_seconds"]) for part in ("extract", "store") if f"{part}_seconds" in figures
    }
    for event in result.all_events:
        if event.event_type == DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.asset_check_evaluation_data
            step = event.step_key or ""
            by_step = summary.check_steps.setdefault(step, {"passed": 0, "warned": 0, "failed": 0})
            _count(by_step, evaluation.passed, evaluation.severity)
            outcome = _count(summary.checks, evaluation.passed, evaluation.severity)
            if outcome != "passed":
                summary.checks_not_passed.append(
                    f"{outcome}: {evaluation.check_name} on {evaluation.asset_key.to_user_string()}"
                )
        elif event.event_type == DagsterEventType.ASSET_MATERIALIZATION and event.step_key == DBT_STEP:
            summary.models_built += 1
        elif event.event_type == DagsterEventType.STEP_SUCCESS:
            summary.step_seconds[event.step_key] = round(event.step_success_data.duration_ms / 1000, 3)
        elif event.event_type == DagsterEventType.STEP_FAILURE:
            error = event.step_failure_data.error
            while error is not None and error.cause is not None and error.cls_name.startswith("Dagster"):
                error = error.cause  # the step's own error, not Dagster's wrapper around it
            message = error.message.strip().splitlines()[0] if error else "unknown error"
            summary.failures.append(f"{event.step_key}: {message}")
    summary.up_to_date = bool(articles.get("up_to_date")) and result.success
    summary.published = bool(result.asset_materializations_for_node("published_warehouse")) or summary.up_to_date
    return summary
