"""The `raw/quarantined_articles` asset: the files the `articles` step could not use, with their reason.

`articles` writes the table while it reads the folder; this asset is the table's own node in the
lineage (the dbt source `raw.quarantined_articles` maps to it), so the graph shows who writes it
and every run reports how many files are quarantined.
"""

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from beilun_etl.defs.ingest.assets import articles
from beilun_etl.defs.resources import WarehouseResource

QUARANTINE_KEY = AssetKey(["raw", "quarantined_articles"])


@asset(key=QUARANTINE_KEY, group_name="ingest", kinds={"duckdb"}, deps=[articles])
def quarantined_articles(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """Files of the article folder left out of the warehouse (unreadable, too large, no date…) and why."""
    with warehouse.connect_build(read_only=True) as con:
        rows = con.execute("SELECT source_file, reason FROM raw.quarantined_articles ORDER BY source_file").fetchall()
    listing = "\n".join(f"- `{source_file}`: **{reason}**" for source_file, reason in rows) or "none"
    return MaterializeResult(
        metadata={"dagster/row_count": MetadataValue.int(len(rows)), "quarantined": MetadataValue.md(listing)}
    )
