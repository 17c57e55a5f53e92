"""The dbt models as Dagster assets (dagster-dbt): one `dbt build` per run, on the build copy."""

import contextlib
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from dagster import (
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetMaterialization,
    AssetSpec,
    Config,
    MetadataValue,
    Output,
)
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets
from pydantic import Field

from beilun_etl.defs.refresh_options import RefreshOptions
from beilun_etl.defs.resources import PUBLISHED_KEY, WarehouseResource, run_includes
from beilun_etl.defs.transform.project import (
    RUN_TARGET_PATH,
    dbt_project,
    ensure_manifest,
    pipeline_environment,
    pipeline_vars,
)
from beilun_etl.pipeline.changes import forget_changes, record_changes_for_dbt
from beilun_etl.pipeline.freshness import built_with_current_code
from beilun_etl.quality.validation import import_great_expectations_in_background

# The raw tables that the Python assets of the same name write; `raw/quarantined_articles` is an
# asset of its own downstream of `articles` (beilun_etl/defs/ingest/quarantine.py).
RAW_TABLE_ASSETS = {"article_versions": "articles", "figures": "figures"}
# Short group names in the order of the flow: the dbt models transform, the audit models feed the
# Great Expectations checks (group `quality`).
GROUP_OF_SCHEMA = {"audit": "quality"}
TRANSFORM_GROUP = "transform"
OWNERS = ["team:beilun-data"]


def _generic_test_description(props: Mapping[str, Any]) -> str:
    """What a generic dbt test asserts, in words (dbt leaves their description empty)."""
    meta = props.get("test_metadata") or {}
    kwargs = meta.get("kwargs") or {}
    column = props.get("column_name") or kwargs.get("column_name")
    name = meta.get("name", props["name"])
    on = f"`{column}`" if column else "the rows"
    if name == "not_null":
        return f"No null in {on}."
    if name == "unique":
        return f"No two rows share {on}."
    if name == "accepted_values":
        values = ", ".join(str(v) for v in kwargs.get("values", []))
        return f"{on} only takes the values {values}."
    if name == "relationships":
        field = kwargs.get("field", "")
        target = str(kwargs.get("to", "")).replace("ref(", "").replace(")", "").replace("'", "")
        return f"Every {on} is a `{field}` of {target}."
    return f"dbt test `{name}` on {on}."


class BeilunDbtTranslator(DagsterDbtTranslator):
    """One lineage graph: raw sources map to the Python assets that write them; short group names."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        props = dbt_resource_props
        if props["resource_type"] == "source" and props["source_name"] == "raw" and props["name"] in RAW_TABLE_ASSETS:
            return AssetKey(RAW_TABLE_ASSETS[props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        schema = dbt_resource_props.get("config", {}).get("schema")
        return GROUP_OF_SCHEMA.get(schema, TRANSFORM_GROUP)

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return OWNERS

    def get_asset_check_spec(
        self, asset_spec, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None
    ) -> AssetCheckSpec | None:
        """dagster-dbt's check, with a description for the generic tests (singular ones have YAML)."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None or spec.description:
            return spec
        return AssetCheckSpec(
            name=spec.name,
            asset=spec.asset_key,
            description=_generic_test_description(manifest["nodes"][unique_id]),
            additional_deps=spec.additional_deps,
            blocking=spec.blocking,
            metadata=spec.metadata,
            automation_condition=spec.automation_condition,
        )


class DbtBuildConfig(Config):
    full_refresh: bool = Field(
        default=False,
        description="Rebuild the incremental models whole (dbt build --full-refresh). A run does so by "
        "itself when the code or the dictionaries changed since the last publication, and when the "
        "`refresh` resource says force.",
    )


MANIFEST = json.loads(ensure_manifest().read_text(encoding="utf-8"))


def _relation(props: Mapping[str, Any]) -> str | None:
    """`"schema"."table"` of a seed or a materialized model in the build copy (none for ephemeral)."""
    if props.get("config", {}).get("materialized") == "ephemeral":
        return None
    return f'"{props["schema"]}"."{props.get("alias") or props["name"]}"'


def count_rows(con, relations: Iterable[str]) -> dict[str, int]:
    """Row counts of these relations in one query (dbt has let go of the file by then)."""
    relations = sorted(set(relations))
    if not relations:
        return {}
    sql = " UNION ALL ".join(f"SELECT '{r}' AS relation, count(*) AS n FROM {r}" for r in relations)
    return dict(con.execute(sql).fetchall())


def with_row_counts(events: list, con, manifest: Mapping[str, Any]) -> Iterator:
    """The dbt events, each model's and seed's output with `dagster/row_count` added."""
    relation_of: dict[int, str] = {}
    for index, event in enumerate(events):
        if isinstance(event, Output | AssetMaterialization) and "unique_id" in event.metadata:
            props = manifest["nodes"].get(event.metadata["unique_id"].value)
            relation = _relation(props) if props else None
            if relation:
                relation_of[index] = relation
    counts = count_rows(con, relation_of.values())
    for index, event in enumerate(events):
        relation = relation_of.get(index)
        if relation in counts:
            event = event.with_metadata({**event.metadata, "dagster/row_count": MetadataValue.int(counts[relation])})
        yield event


@dbt_assets(
    manifest=MANIFEST,
    project=dbt_project,
    dagster_dbt_translator=BeilunDbtTranslator(
        settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_code_references=True)
    ),
)
def warehouse_models(
    context: AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    config: DbtBuildConfig,
    refresh: RefreshOptions,
) -> Iterator:
    """Seeds, staging, intermediate, marts and audit models, built and tested on the build copy.

    `resources: {refresh: {config: {force: true}}}` in the launchpad (or `beilun-etl refresh --force`)
    rebuilds every model whole (`dbt build --full-refresh`). Each model's materialization carries its
    row count in the build copy. A run that does not include `published_warehouse` builds a copy
    that BI never sees: it says so, and the copy is removed at the end of the run.
    """
    with warehouse.connect_build() as con:  # a partial run that starts here still gets a build copy
        full_refresh = config.full_refresh or refresh.force or not built_with_current_code(con)
        changed = None if full_refresh else record_changes_for_dbt(con, warehouse.published_path)
    import_great_expectations_in_background()  # the checks step comes next; dbt runs in a subprocess
    # Per-article models (macros/incremental_by_article.sql) add the new article versions only, and
    # scoped ones (macros/incremental_by_scope.sql) redo only the changed articles, or the cells and
    # series they touch, unless the code that built them changed.
    # Every node is in every build, the dictionaries' seeds and models too: each check the run plans
    # is executed in it (an excluded node's tests would show as skipped in the UI).
    scoped_vars = pipeline_vars(changes_recorded=changed is not None)
    args = ["build", "--full-refresh", *pipeline_vars()] if full_refresh else ["build", *scoped_vars]
    scoped = "everything" if changed is None else f"the {changed} changed articles and the cells and series they touch"
    context.log.info(f"dbt {' '.join(args)}; scoped models redo {scoped}")
    publishes = run_includes(context, PUBLISHED_KEY)  # a subset (one model by hand) does not publish
    if not publishes:
        context.log.warning(
            "this run does not include published_warehouse: what dbt builds here is checked but NOT "
            "published (BI tools keep reading the last published warehouse), and the build copy is removed "
            "when the run ends"
        )
    # dbt holds the build copy's write lock while it runs: its events are kept until it is done,
    # then each model's row count is added from one query on the build copy.
    events: list = []
    try:
        with pipeline_environment(warehouse.build_path):  # read when the subprocess starts
            invocation = dbt.cli(args, context=context, target_path=RUN_TARGET_PATH)
        # dagster-dbt echoes every dbt log line to stdout, which `dagster dev` prints; dbt keeps its own
        # log (dbt/logs/dbt.log) and the UI the events, so only dbt's last lines go to the run log.
        echoed = io.StringIO()
        try:
            with contextlib.nullcontext() if refresh.dbt_log else contextlib.redirect_stdout(echoed):
                events.extend(invocation.stream())
        except BaseException:
            context.log.error("dbt output:\n" + "\n".join(echoed.getvalue().splitlines()[-40:]))
            yield from events  # what dbt did finish still shows, then the failure
            raise
        if not refresh.dbt_log:
            context.log.info("dbt: " + " / ".join(echoed.getvalue().strip().splitlines()[-3:]))
        with warehouse.connect_build(read_only=True) as con:
            annotated = list(with_row_counts(events, con, invocation.manifest))
        if not publishes:
            note = MetadataValue.text("no: this run does not include published_warehouse")
            annotated = [
                e.with_metadata({**e.metadata, "published": note}) if isinstance(e, Output) else e for e in annotated
            ]
        yield from annotated
    finally:
        with warehouse.connect_build() as con:  # not to be published: they describe this run only
            forget_changes(con)


# The dbt source raw.changed_scope is written by the dbt step itself (before its `dbt build`, emptied
# after it): declared here so that the catalogue shows it in the transform group, not as a stub in `default`.
changed_scope = AssetSpec(
    AssetKey(["raw", "changed_scope"]),
    group_name="transform",
    description="What a run changes (articles and cells), written by the dbt step before its build and emptied after it.",
    kinds={"duckdb"},
    owners=OWNERS,
)
