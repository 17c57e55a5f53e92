"""The nightly refresh, at 02:00 in Ningbo's time zone; a night with nothing new starts no run."""

from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, SkipReason, schedule

from beilun_etl.defs.automation.current import already_published
from beilun_etl.defs.automation.jobs import RUN_LOG_CONFIG, refresh_warehouse


@schedule(
    name="nightly_refresh",
    job=refresh_warehouse,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Refresh of the warehouse every night at 02:00 Asia/Shanghai; skipped (with the reason) "
    "when the published warehouse already holds every article of the folder.",
)
def nightly_refresh(context: ScheduleEvaluationContext) -> RunRequest | SkipReason:
    reason = already_published()
    if reason:
        return SkipReason(reason)
    return RunRequest(run_key=None, run_config=RUN_LOG_CONFIG)
