"""The one Definitions object of the code location (loaded by workspace.yaml and by the CLI)."""

from dagster import Definitions, in_process_executor

from beilun_etl.assets.dbt import warehouse_models
from beilun_etl.assets.ingestion import articles, figures
from beilun_etl.assets.publishing import build_published_warehouse, mart_keys
from beilun_etl.checks import quality_checks
from beilun_etl.dbt_project import dbt_cli_resource
from beilun_etl.jobs import refresh_warehouse
from beilun_etl.resources import warehouse_resource_from_env
from beilun_etl.schedules import nightly_refresh
from beilun_etl.sensors import new_articles_sensor

published_warehouse = build_published_warehouse(mart_keys(warehouse_models))

defs = Definitions(
    assets=[articles, figures, warehouse_models, published_warehouse],
    asset_checks=quality_checks,
    jobs=[refresh_warehouse],
    schedules=[nightly_refresh],
    sensors=[new_articles_sensor],
    resources={
        "warehouse": warehouse_resource_from_env(),
        "dbt": dbt_cli_resource(),
    },
    executor=in_process_executor,
)
