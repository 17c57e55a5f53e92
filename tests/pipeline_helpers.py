"""Helpers for tests that run the real pipeline (Dagster job, dbt build, checks, publish)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import duckdb

from beilun_etl.cli.refresh import RefreshSummary, refresh_in_process
from beilun_etl.defs.resources import WarehouseResource

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CLI = PROJECT_ROOT / ".venv" / "bin" / "beilun-etl"


def refresh(articles_dir: Path, warehouse_path: Path, only: list[str] | None = None, **config) -> RefreshSummary:
    """The refresh job, in this process, on a private articles folder and warehouse."""
    resource = WarehouseResource(path=str(warehouse_path), articles_dir=str(articles_dir), **config)
    return refresh_in_process(resource, only=only)


def cli_refresh(articles_dir: Path, warehouse_path: Path, extra_env: dict | None = None) -> tuple[int, dict]:
    """`beilun-etl refresh --json` as a user runs it; returns the exit status and the summary."""
    env = os.environ | (extra_env or {})
    proc = subprocess.run(
        [str(CLI), "refresh", "--articles", str(articles_dir), "--warehouse", str(warehouse_path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    try:
        summary = json.loads(proc.stdout)  # the whole of stdout: the one JSON object, no log line
    except json.JSONDecodeError as error:
        raise AssertionError(
            f"stdout is not one JSON object ({error}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        ) from None
    return proc.returncode, summary


def query(warehouse_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()
