"""The `articles` asset: the drop folder read, decoded, hashed and staged in `raw.article_versions`."""

import datetime as dt
from collections.abc import Iterator

import duckdb
from dagster import AssetExecutionContext, Config, MaterializeResult, MetadataValue, asset
from pydantic import Field

from beilun_etl.defs.resources import PUBLISHED_KEY, WarehouseResource, run_includes
from beilun_etl.pipeline.disk import disk_full_error, is_disk_full
from beilun_etl.pipeline.freshness import current_figure_count, is_up_to_date
from beilun_etl.pipeline.ingest import ingest
from beilun_etl.pipeline.warehouse_files import start_build


class ArticlesConfig(Config):
    only: list[str] | None = Field(
        default=None,
        description="File names (relative to the articles folder) to look at; all files when empty. "
        "The new-article sensor sets it to the files that changed.",
    )


@asset(group_name="ingestion", kinds={"python", "duckdb"})
def articles(context: AssetExecutionContext, config: ArticlesConfig, warehouse: WarehouseResource) -> Iterator:
    """Every article file read, decoded (UTF-8, then GB18030), cleaned, content-hashed and dated.

    Starts the run's build copy from the last published warehouse, after making sure no other
    process writes the published file (a live writer fails the run; a stale write-ahead log is moved
    aside). Files that cannot be used, and names that are no article file inside the folder (a
    symlink out of it, a loop, a directory), are quarantined with their reason
    (`raw.quarantined_articles`, `marts.quarantined_articles`). When nothing changed since the last
    publication (`nothing_new` in the metadata), the run goes on: it re-validates and publishes the
    same warehouse, so that every check it plans runs. The sensor and the schedule start no such run.
    """
    for note in start_build(warehouse.published_path, warehouse.build_path):
        context.log.warning(note)
    publishes = run_includes(context, PUBLISHED_KEY)
    if not publishes:
        context.log.warning(
            "this run's selection leaves out published_warehouse: it builds but will NOT publish, and its build "
            "copy is discarded when it ends"
        )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    try:
        with warehouse.connect_build() as con:
            result = ingest(
                con, warehouse.articles_path, context.run.run_id, now, warehouse.max_article_bytes, config.only or None
            )
            current = con.execute("SELECT count(*) FROM raw.article_versions WHERE status = 'current'").fetchone()[0]
            up_to_date = is_up_to_date(con, warehouse.published_path)
    except (OSError, duckdb.Error) as error:
        if is_disk_full(error, warehouse.build_path.parent):
            raise disk_full_error(error, warehouse.build_path.parent) from error
        raise
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
        "publishes": MetadataValue.bool(publishes),
        "nothing_new": MetadataValue.text(
            "nothing new since the last publication: this run re-validates and republishes the same warehouse"
            if up_to_date
            else "no: new, changed, deleted or quarantined files since the last publication"
        ),
    }
    if up_to_date:
        with warehouse.connect_build(read_only=True) as con:
            metadata["figures_current"] = MetadataValue.int(current_figure_count(con))
        context.log.info("nothing new since the last publication: re-validating and republishing the same warehouse")
    yield MaterializeResult(metadata=metadata)
