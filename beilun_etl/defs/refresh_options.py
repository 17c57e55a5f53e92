"""The `refresh` resource: how a run treats what it already has (`force` rebuilds everything).

Set it in the launchpad as

    resources:
      refresh:
        config:
          force: true

or run `beilun-etl refresh --force`, or set `BEILUN_FORCE_REFRESH=true` for every run of a code
location. A forced run re-extracts every current article version (the extraction cache of
`beilun_etl/pipeline/staging.py` is ignored), runs `dbt build --full-refresh`, validates every
Great Expectations suite on every row (not only the changed articles), and publishes.
"""

from __future__ import annotations

import os

from dagster import ConfigurableResource, Definitions
from pydantic import Field

FORCE_ENV = "BEILUN_FORCE_REFRESH"


def _force_from_env() -> bool:
    return os.environ.get(FORCE_ENV, "").strip().lower() in ("1", "true", "yes")


class RefreshOptions(ConfigurableResource):
    """Options of a whole refresh run, shared by the extract, transform and quality steps."""

    force: bool = Field(
        default=False,
        description="Rebuild everything: re-extract every article version (ignoring the extraction "
        "cache), dbt build --full-refresh, validate every suite on every row, publish. "
        f"Default from {FORCE_ENV}.",
    )
    dbt_log: bool = Field(
        default=False,
        description="Echo dbt's own log lines into the run's output, as `beilun-etl refresh` does into its log "
        "file (and onto stderr with --verbose). Off by default: `dagster dev` would print every line, and the "
        "UI already shows dbt's events; dbt keeps its whole log in dbt/logs/dbt.log.",
    )


def refresh_options_from_env() -> RefreshOptions:
    return RefreshOptions(force=_force_from_env())


resources = Definitions(resources={"refresh": refresh_options_from_env()})
