"""The `articles` and `figures` assets: the drop folder staged into the build warehouse's raw tables."""

import datetime as dt
from collections.abc import Iterator

from dagster import AssetExecutionContext, AssetObservation, Config, MaterializeResult, MetadataValue, asset
from pydantic import Field

from beilun_etl.freshness import current_figure_count, is_up_to_date
from beilun_etl.ingest import ingest
from beilun_etl.resources import WarehouseResource
from beilun_etl.staging import stage_pending
from beilun_etl.warehouse_files import start_build

PREVIEW_ROWS = 20


class ArticlesConfig(Config):
    only: list[str] | None = Field(
        default=None,
        description="File names (relative to the articles folder) to look at; all files when empty. "
        "The new-article sensor sets it to the files that changed.",
    )


@asset(group_name="ingestion", kinds={"python", "duckdb"}, output_required=False)
def articles(context: AssetExecutionContext, config: ArticlesConfig, warehouse: WarehouseResource) -> Iterator:
    """Every article file read, decoded (UTF-8, then GB18030), cleaned, content-hashed and dated.

    Starts the run's build copy from the last published warehouse. Files that cannot be used are
    quarantined with their reason (`raw.quarantined_articles`, `marts.quarantined_articles`).
    When nothing changed since the last publication, the run stops here: the rest is skipped.
    """
    start_build(warehouse.published_path, warehouse.build_path)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with warehouse.connect_build() as con:
        result = ingest(
            con, warehouse.articles_path, context.run.run_id, now, warehouse.max_article_bytes, config.only or None
        )
        current = con.execute("SELECT count(*) FROM raw.article_versions WHERE status = 'current'").fetchone()[0]
        up_to_date = is_up_to_date(con, warehouse.published_path)
    for q in result.quarantined:
        context.log.warning(f"quarantined {q.source_file}: {q.reason} — {q.detail}")
    for article_id in result.deleted:
        context.log.info(f"article {article_id} was deleted from the folder; its figures leave the marts")
    summary = result.summary()
    context.log.info(f"articles: {summary}")
    metadata = {
        **{key: MetadataValue.int(value) for key, value in summary.items()},
        "articles_current": MetadataValue.int(current),
        "articles_dir": MetadataValue.path(str(warehouse.articles_path)),
        "new_and_changed": MetadataValue.md(
            "\n".join(
                f"- {a.article_id} ({a.published}{', inferred' if a.published_inferred else ''})"
                for a in result.new + result.changed
            )
            or "none"
        ),
        "quarantined": MetadataValue.md(
            "\n".join(f"- `{q.source_file}`: **{q.reason}**, {q.detail}" for q in result.quarantined) or "none"
        ),
        "up_to_date": MetadataValue.bool(up_to_date),
    }
    if up_to_date:
        with warehouse.connect_build(read_only=True) as con:
            metadata["figures_current"] = MetadataValue.int(current_figure_count(con))
        warehouse.build_path.unlink(missing_ok=True)
        context.log.info("nothing new since the last publication: the published warehouse is current")
        context.log_event(AssetObservation(asset_key=context.asset_key, metadata=metadata))
        return
    yield MaterializeResult(metadata=metadata)


@asset(group_name="ingestion", kinds={"python", "duckdb"}, deps=[articles])
def figures(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """The figure records of every current article version, staged in `raw.figures`.

    Only versions the content-hash cache lacks are extracted, across processes when there are many.
    """
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with warehouse.connect_build() as con:
        stats = stage_pending(con, now)
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
            "versions_extracted": MetadataValue.int(stats.versions_extracted),
            "figures_extracted": MetadataValue.int(stats.figures_stored),
            "extract_seconds": MetadataValue.float(round(stats.extract_seconds, 3)),
            "store_seconds": MetadataValue.float(round(stats.store_seconds, 3)),
            "preview": MetadataValue.md(preview.to_markdown(index=False) if len(preview) else "no figures"),
        }
    )
