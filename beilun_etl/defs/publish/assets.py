"""The `published_warehouse` asset: the audited build copy renamed over the warehouse BI tools read.

It publishes only a copy whose blocking checks passed in this very run (`raw.build_verdict`,
written by the check step): any other copy (left by a blocked run, or found by a run that
materializes this asset alone) is discarded and the step fails saying why. After the rename the
published file must open read-only before the step succeeds.
"""

import datetime as dt
from collections.abc import Sequence

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    Failure,
    MaterializeResult,
    MetadataValue,
    asset,
)

from beilun_etl.defs.resources import WarehouseResource
from beilun_etl.defs.transform.assets import warehouse_models
from beilun_etl.pipeline.build_verdict import read_verdict, refusal
from beilun_etl.pipeline.freshness import record_publication
from beilun_etl.pipeline.warehouse_files import connect_build_copy, discard_build, publish, verify_published


def mart_keys(dbt_assets_def: AssetsDefinition) -> list[AssetKey]:
    return sorted(key for key in dbt_assets_def.keys if key.path[0] == "marts")


def _refuse(context: AssetExecutionContext, warehouse: WarehouseResource, why: str) -> Failure:
    discarded = discard_build(warehouse.build_path)
    message = (
        f"NOT published: the build copy {warehouse.build_path} may not be published because {why}. "
        + ("It was discarded; " if discarded else "")
        + f"{warehouse.published_path} is unchanged. Run the whole refresh to publish."
    )
    context.log.error(message)
    return Failure(
        description=message,
        metadata={"published": MetadataValue.bool(False), "reason": MetadataValue.text(why)},
    )


def build_published_warehouse(upstream: Sequence[AssetKey]) -> AssetsDefinition:
    """The publish step depends on every mart, so a blocking check on any of them stops it."""

    @asset(group_name="publishing", kinds={"duckdb"}, deps=list(upstream))
    def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
        """`data/warehouse.duckdb`, replaced atomically by the build copy once every blocking check passed in this run."""
        run_id = context.run.run_id
        if not warehouse.build_path.exists():
            raise _refuse(context, warehouse, "there is none: no step of this run built one")
        with connect_build_copy(warehouse.build_path) as con:
            why = refusal(read_verdict(con), run_id)
            if why is None:
                record_publication(con, run_id, dt.datetime.now(dt.UTC).replace(tzinfo=None))
                tables = [name for (name,) in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' ORDER BY 1"
                ).fetchall()]  # fmt: skip
                rows = {name: con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0] for name in tables}
                quarantined = con.execute(
                    "SELECT source_file, reason, detail FROM raw.quarantined_articles WHERE reason = 'failed_check' "
                    "ORDER BY 1"
                ).fetchall()
        if why is not None:
            raise _refuse(context, warehouse, why)
        for note in publish(warehouse.build_path, warehouse.published_path):
            context.log.warning(note)
        verify_published(warehouse.published_path, run_id)
        context.log.info(f"published {warehouse.published_path} (opens read-only, holds this run's publication)")
        return MaterializeResult(
            metadata={
                "published": MetadataValue.bool(True),
                "path": MetadataValue.path(str(warehouse.published_path)),
                "size_mb": MetadataValue.float(round(warehouse.published_path.stat().st_size / 1e6, 3)),
                "mart_rows": MetadataValue.json(rows),
                "fct_indicator_value_rows": MetadataValue.int(rows.get("fct_indicator_value", 0)),
                "articles_failed_check": MetadataValue.md(
                    "\n".join(f"- `{name}`: {detail}" for name, _, detail in quarantined) or "none"
                ),
            }
        )

    return published_warehouse


published_warehouse = build_published_warehouse(mart_keys(warehouse_models))
