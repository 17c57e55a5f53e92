"""The catalogue as the UI shows it: group names in the order of the flow, owners, freshness, code links.

Applied to the loaded definitions by `beilun_etl.definitions` (one place, so that every stage's
module keeps only what it computes):

- groups `ingest` → `extract` → `transform` → `quality` → `publish` (the dbt translator names the
  dbt groups; the Python assets are renamed here);
- every asset owned by the data team;
- `published_warehouse` expected fresh every night: published between the nightly run at 02:00
  Asia/Shanghai and 03:00 (`FreshnessPolicy.cron`, the same time zone as the schedule);
- code references: each Python asset links to the function that computes it, each dbt model to its
  SQL file (dagster-dbt), shown as "Open source" links in the asset's page.
"""

from __future__ import annotations

import datetime as dt
import warnings

from dagster import (
    AssetKey,
    AssetSpec,
    BetaWarning,
    Definitions,
    FreshnessPolicy,
    map_asset_specs,
    with_source_code_references,
)

from beilun_etl.defs.resources import PUBLISHED_KEY
from beilun_etl.defs.transform.assets import OWNERS

GROUP_OF_ASSET = {
    AssetKey("articles"): "ingest",
    AssetKey(["raw", "quarantined_articles"]): "ingest",
    AssetKey("figures"): "extract",
    PUBLISHED_KEY: "publish",
}
# The nightly schedule runs at 02:00 Asia/Shanghai (beilun_etl/defs/automation/schedules.py); a refresh
# takes minutes, so the published warehouse is due by 03:00 with a publication since 02:00.
NIGHTLY_FRESHNESS = FreshnessPolicy.cron(
    deadline_cron="0 3 * * *", lower_bound_delta=dt.timedelta(hours=1), timezone="Asia/Shanghai"
)


def _annotate(spec: AssetSpec) -> AssetSpec:
    spec = spec.replace_attributes(
        group_name=GROUP_OF_ASSET.get(spec.key, spec.group_name),
        owners=list(spec.owners) or OWNERS,
    )
    if spec.key == PUBLISHED_KEY:
        spec = spec.replace_attributes(freshness_policy=NIGHTLY_FRESHNESS)
    return spec


def annotate_catalogue(defs: Definitions) -> Definitions:
    """The same definitions with the catalogue's group names, owners, freshness policy and code links."""
    # Modules that import an asset to depend on it list it again: each definition once, then mapped.
    unique = list({id(a): a for a in defs.assets or []}.values())
    mapped = map_asset_specs(_annotate, unique)
    with warnings.catch_warnings():  # code references are beta in Dagster 1.13: no warning at each start
        warnings.simplefilter("ignore", BetaWarning)
        assets = with_source_code_references(mapped)
    return Definitions(
        assets=assets,
        asset_checks=defs.asset_checks,
        jobs=defs.jobs,
        schedules=defs.schedules,
        sensors=defs.sensors,
        resources=defs.resources,
        executor=defs.executor,
        loggers=defs.loggers,
    )
