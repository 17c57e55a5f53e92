"""The one job: a refresh of the whole warehouse, run in-process (one step at a time, no subprocesses)."""

from dagster import AssetSelection, define_asset_job, in_process_executor

REFRESH_JOB_NAME = "refresh_warehouse"

refresh_warehouse = define_asset_job(
    REFRESH_JOB_NAME,
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    description="Ingest the articles folder, extract figures, build the dbt models, run the checks, publish.",
    tags={"beilun/writes": "warehouse"},
)
