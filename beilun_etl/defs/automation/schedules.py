"""The nightly full refresh, at 02:00 in Ningbo's time zone."""

from dagster import DefaultScheduleStatus, ScheduleDefinition

from beilun_etl.defs.automation.jobs import refresh_warehouse

nightly_refresh = ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_warehouse,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Full refresh of the warehouse every night at 02:00 Asia/Shanghai.",
)
