"""Tables of the warehouse as the DataFrames the suites validate, and their values made plain."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from beilun_etl.quality.suites import Suite

ROW_ID = "_row"  # the position of a row in the validated table: how failing rows are found again
# What a failing row shows besides the columns a suite reads: the findings and the Dagster preview.
FINDING_COLUMNS = (
    "figure_id", "figure_ids", "article_id", "article_ids", "sentence", "sentences", "text",
    "expected", "observed", "detail",
)  # fmt: skip


class ModelTable:
    """One table of the warehouse, read once through Arrow and shared by the suites that validate it.

    DuckDB hands Arrow over without converting a value (under a second for the 870,000 facts of a
    10,000-article warehouse, where `.df()` took 4-5 s). Only the columns the suites and their
    findings read are fetched, and the pandas frame a suite gets holds only the columns it reads:
    Great Expectations copies the frame it validates.
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, suites: list[Suite], only_articles_in: str | None = None
    ) -> None:
        """The table of `suites` (all on one model), with the columns they and their findings read.

        With `only_articles_in` (a table of `article_id`s), only the rows of those articles.
        """
        relation = con.sql(f'SELECT * FROM "{suites[0].model_schema}"."{suites[0].model_table}"')
        if only_articles_in is not None:
            relation = relation.filter(f"article_id IN (SELECT article_id FROM {only_articles_in})")
        wanted = set(FINDING_COLUMNS)
        for suite in suites:
            used = suite.columns_used()
            wanted = None if used is None or wanted is None else wanted | used
        names = [c for c in relation.columns if wanted is None or c in wanted]
        if names and len(names) < len(relation.columns):  # none: table-level expectations, keep all
            relation = relation.select(*[f'"{c}"' for c in names])
        table = relation.to_arrow_table()
        self.table = table.append_column(ROW_ID, pa.array(range(table.num_rows), pa.int64()))

    def __len__(self) -> int:
        return self.table.num_rows

    def frame_for(self, suite: Suite) -> pd.DataFrame:
        """The columns the suite's expectations read, as a DataFrame indexed by row position."""
        used = suite.columns_used()
        names = [c for c in self.table.column_names if used is None or c in used]
        return self.table.select(names).to_pandas()

    def rows_at(self, positions: list[int]) -> list[dict[str, Any]]:
        """Whole rows at these positions, with values fit for JSON."""
        rows = self.table.take(pa.array(positions, pa.int64())).to_pylist() if positions else []
        return [{k: plain_value(v) for k, v in row.items()} for row in rows]


def plain_value(value: Any) -> Any:
    """A value fit for JSON, Markdown and DuckDB: numpy scalars and arrays become Python ones."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):
        return plain_value(value.tolist())
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value
