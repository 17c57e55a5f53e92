"""The `published_warehouse` asset: the audited build copy renamed over the warehouse BI tools read."""

import datetime as dt
from collections.abc import Sequence

from dagster import AssetExecutionContext, AssetKey, AssetsDefinition, MaterializeResult, MetadataValue, asset

from beilun_etl.defs.resources import WarehouseResource
from beilun_etl.defs.transform.assets import warehouse_models
from beilun_etl.pipeline.freshness import record_publication
from beilun_etl.pipeline.warehouse_files import publish


def mart_keys(dbt_assets_def: AssetsDefinition) -> list[AssetKey]:
    return sorted(key for key in dbt_assets_def.keys if key.path[0] == "marts")


def build_published_warehouse(upstream: Sequence[AssetKey]) -> AssetsDefinition:
    """The publish step depends on every mart, so a blocking check on any of them stops it."""

    @asset(group_name="publishing", kinds={"duckdb"}, deps=list(upstream))
    def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
        """`data/warehouse.duckdb`, replaced atomically by the build copy once every blocking check passed."""
        with warehouse.connect_build() as con:
            record_publication(con, context.run.run_id, dt.datetime.now(dt.UTC).replace(tzinfo=None))
            tables = [name for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' ORDER BY 1"
            ).fetchall()]  # fmt: skip
            rows = {name: con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0] for name in tables}
        publish(warehouse.build_path, warehouse.published_path)
        context.log.info(f"published {warehouse.published_path}")
        return MaterializeResult(
            metadata={
                "path": MetadataValue.path(str(warehouse.published_path)),
                "size_mb": MetadataValue.float(round(warehouse.published_path.stat().st_size / 1e6, 3)),
                "mart_rows": MetadataValue.json(rows),
                "fct_indicator_value_rows": MetadataValue.int(rows.get("fct_indicator_value", 0)),
            }
        )

    return published_warehouse


published_warehouse = build_published_warehouse(mart_keys(warehouse_models))
