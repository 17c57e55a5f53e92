"""The one job: a refresh of the whole warehouse, run in-process (one step at a time, no subprocesses)."""

from dagster import AssetSelection, define_asset_job, in_process_executor

REFRESH_JOB_NAME = "refresh_warehouse"
# Runs log at INFO: the run worker echoes its console log into `dagster dev`'s output, and DEBUG
# (every engine event) drowned it. The event log in the UI keeps every event at any level.
RUN_LOG_CONFIG = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}

refresh_warehouse = define_asset_job(
    REFRESH_JOB_NAME,
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    config=RUN_LOG_CONFIG,
    description="Ingest the articles folder, extract figures, build the dbt models, run the checks, publish. "
    "To rebuild everything (re-extract every article, dbt build --full-refresh, validate every row), "
    "add `resources: {refresh: {config: {force: true}}}` in the launchpad (`beilun-etl refresh --force`).",
    tags={"beilun/writes": "warehouse"},
)
