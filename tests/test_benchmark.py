"""The benchmark runs end to end at a tiny size (its numbers are reported, never asserted as times)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs Dagster or dbt end to end: left out of `make test-fast`

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_runs_at_a_small_size(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "bench/run_benchmark.py", "--sizes", "4", "--out", str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text())
    runs = results["sizes"]["4"]
    assert set(runs) == {"full_refresh", "nothing_new", "one_new_article"}
    assert all(run["published"] and run["exit_status"] == 0 for run in runs.values())
    assert runs["full_refresh"]["articles_new"] == 4 and runs["one_new_article"]["articles_new"] == 1
    assert runs["one_new_article"]["figures"] > runs["full_refresh"]["figures"] > 0
    assert runs["full_refresh"]["peak_mb"] > 0 and runs["full_refresh"]["stages"]["dbt"] > 0
    assert runs["full_refresh"]["stages"]["extract"] > 0  # the figures step split: extraction, then storing
    assert results["extraction"]["one_process"]["articles_per_s"] > 0
    assert results["quality"]["recall"] >= 0.97 and results["quality"]["precision"] >= 0.95
    assert "| 4 | full_refresh |" in (tmp_path / "results.md").read_text()
