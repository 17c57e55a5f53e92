"""The dbt models as Dagster assets (dagster-dbt): one `dbt build` per run, on the build copy."""

import json
from collections.abc import Iterator, Mapping
from typing import Any

from dagster import AssetExecutionContext, AssetKey, Config
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets
from pydantic import Field

from beilun_etl.defs.resources import WarehouseResource
from beilun_etl.defs.transform.project import (
    RUN_TARGET_PATH,
    dbt_project,
    dictionary_only_nodes,
    ensure_manifest,
    pipeline_environment,
    pipeline_vars,
)
from beilun_etl.pipeline.changes import forget_changes, record_changes_for_dbt
from beilun_etl.pipeline.freshness import built_with_current_code
from beilun_etl.quality.validation import import_great_expectations_in_background

# The raw tables that the Python assets of the same name write (the others stay source assets).
RAW_TABLE_ASSETS = {"article_versions": "articles", "figures": "figures"}


class BeilunDbtTranslator(DagsterDbtTranslator):
    """Maps each raw source to the Python asset that writes it, so the lineage is one graph."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        props = dbt_resource_props
        if props["resource_type"] == "source" and props["source_name"] == "raw" and props["name"] in RAW_TABLE_ASSETS:
            return AssetKey(RAW_TABLE_ASSETS[props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        schema = dbt_resource_props.get("config", {}).get("schema")
        return f"warehouse_{schema}" if schema else "warehouse"


class DbtBuildConfig(Config):
    full_refresh: bool = Field(
        default=False,
        description="Rebuild the incremental models whole (dbt build --full-refresh). A run does so by "
        "itself when the code or the dictionaries changed since the last publication.",
    )


MANIFEST = json.loads(ensure_manifest().read_text(encoding="utf-8"))
DICTIONARY_NODES = dictionary_only_nodes(MANIFEST)


@dbt_assets(
    manifest=MANIFEST,
    project=dbt_project,
    dagster_dbt_translator=BeilunDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
)
def warehouse_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource, config: DbtBuildConfig
) -> Iterator:
    """Seeds, staging, intermediate, marts and audit models, built and tested on the build copy."""
    with warehouse.connect_build() as con:  # a partial run that starts here still gets a build copy
        full_refresh = config.full_refresh or not built_with_current_code(con)
        changed = None if full_refresh else record_changes_for_dbt(con, warehouse.published_path)
    import_great_expectations_in_background()  # the checks step comes next; dbt runs in a subprocess
    # Per-article models (macros/incremental_by_article.sql) add the new article versions only, and
    # scoped ones (macros/incremental_by_scope.sql) redo only the changed articles, or the cells and
    # series they touch, unless the code that built them changed.
    # The dictionaries' tables are left as the last build made them unless the code changed.
    unchanged = ["--exclude", " ".join(DICTIONARY_NODES)] if DICTIONARY_NODES else []
    scoped_vars = pipeline_vars(changes_recorded=changed is not None)
    args = ["build", "--full-refresh", *pipeline_vars()] if full_refresh else ["build", *unchanged, *scoped_vars]
    scoped = "everything" if changed is None else f"the {changed} changed articles and the cells and series they touch"
    context.log.info(f"dbt {' '.join(args)}; scoped models redo {scoped}")
    # One target folder for all runs (not a fresh one each) keeps dbt's partial parsing: seconds a run.
    try:
        with pipeline_environment(warehouse.build_path):  # read when the subprocess starts
            invocation = dbt.cli(args, context=context, target_path=RUN_TARGET_PATH)
        yield from invocation.stream()
    finally:
        with warehouse.connect_build() as con:  # not to be published: they describe this run only
            forget_changes(con)
