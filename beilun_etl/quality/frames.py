"""Tables of the warehouse as the DataFrames the suites validate, and their values made plain."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import duckdb
import pandas as pd

from beilun_etl.quality.suites import Suite

ROW_ID = "_row"  # the position of a row in the validated DataFrame: how failing rows are found again


def read_model(con: duckdb.DuckDBPyConnection, suite: Suite) -> pd.DataFrame:
    """The table a suite validates, as a DataFrame with a `_row` column (its position)."""
    df = con.execute(f'SELECT * FROM "{suite.model_schema}"."{suite.model_table}"').df()
    df = df.reset_index(drop=True)
    df[ROW_ID] = range(len(df))
    return df


def columns_for(suite: Suite, df: pd.DataFrame) -> pd.DataFrame:
    """Only the columns the suite's expectations read (and the row id).

    Great Expectations copies and pickles the DataFrame it validates; sentences and texts it never
    reads made that the slowest part of a run on a large warehouse. Failing rows are still read
    whole from `df`.
    """
    used = suite.columns_used()
    if used is None:
        return df
    return df[[c for c in df.columns if c in used or c == ROW_ID]]


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


def rows_at(df: pd.DataFrame, positions: list[int]) -> list[dict[str, Any]]:
    sub = df.iloc[positions]
    return [{k: plain_value(v) for k, v in rec.items()} for rec in sub.to_dict(orient="records")]
