"""The `figures` asset: the figure records of every current article version, staged in `raw.figures`."""

import datetime as dt

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from beilun_etl.defs.ingest.assets import articles
from beilun_etl.defs.refresh_options import RefreshOptions
from beilun_etl.defs.resources import WarehouseResource
from beilun_etl.pipeline.freshness import current_figure_count
from beilun_etl.pipeline.staging import stage_pending

PREVIEW_ROWS = 20


@asset(group_name="ingestion", kinds={"python", "duckdb"}, deps=[articles])
def figures(context: AssetExecutionContext, warehouse: WarehouseResource, refresh: RefreshOptions) -> MaterializeResult:
    """The figure records of every current article version, staged in `raw.figures`.

    Only versions the content-hash cache lacks are extracted, across processes when there are many;
    a forced refresh (`resources: {refresh: {config: {force: true}}}`) extracts every version again.
    """
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with warehouse.connect_build() as con:
        stats = stage_pending(con, now, force=refresh.force)
        total = current_figure_count(con)
        preview = con.execute(
            f"""
            SELECT f.article_id, f.text, f.indicator, f.measure, f.value, f.unit, f.period_end, f.zone
            FROM raw.figures AS f
            JOIN raw.article_versions AS v USING (article_id, content_hash)
            WHERE v.status = 'current'
            ORDER BY v.first_seen_at DESC, f.article_id, f.figure_seq
            LIMIT {PREVIEW_ROWS}
            """
        ).df()
    context.log.info(
        f"extracted {stats.versions_extracted} article versions ({stats.figures_stored} figures) "
        f"in {stats.extract_seconds:.2f} s; {total} current figures in all"
    )
    return MaterializeResult(
        metadata={
            "figures": MetadataValue.int(total),
            "forced": MetadataValue.bool(refresh.force),
            "versions_extracted": MetadataValue.int(stats.versions_extracted),
            "figures_extracted": MetadataValue.int(stats.figures_stored),
            "extract_seconds": MetadataValue.float(round(stats.extract_seconds, 3)),
            "store_seconds": MetadataValue.float(round(stats.store_seconds, 3)),
            "preview": MetadataValue.md(preview.to_markdown(index=False) if len(preview) else "no figures"),
        }
    )
